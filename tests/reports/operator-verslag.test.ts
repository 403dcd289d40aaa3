import { expect, test } from '@playwright/test';
import { renderOperatorSectie, type OperatorVerslag } from '../../reports/operator-verslag.ts';

// The summary's section of what people answered: every word an operator typed comes back as text, never as markup.
const VIJANDIG = `<script>alert("x")</script>`;
const op = '2026-03-16T10:15:00.000Z';

const verslag: OperatorVerslag = {
  antwoorden: [
    {
      soort: 'tekst',
      waarde: VIJANDIG,
      id: 'v1',
      vraag: { soort: 'tekst', kop: 'Naam van de leerling', tekst: 'Welke naam toont uw LAS?', context: { run: 'Regulier PO → VO (uw LAS als doel)' } },
      opmerking: 'zie <b>scherm</b>',
      door: 'J. de Vries & co',
      gevraagdOp: op,
      beantwoordOp: op,
    },
  ],
  attestaties: {
    voor: 'leverancier',
    checklist: [{ id: 'ATT-TLS', tekst: 'Alleen TLS 1.2 of hoger.', voldaan: false, opmerking: VIJANDIG, door: 'Beheer', beantwoordOp: op }],
    verklaring: { afgegeven: true, naam: 'A. Jansen', organisatie: 'LAS "Voorbeeld" B.V.', door: 'Beheer', tekst: 'Wij verklaren…', beantwoordOp: op },
  },
};

test('the operator section shows the answers and attestations, with every typed value escaped', () => {
  const uit = renderOperatorSectie(verslag);
  expect(uit).not.toContain('<script>');
  expect(uit).not.toContain('<b>scherm</b>');
  expect(uit).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
  expect(uit).toContain('<td>J. de Vries &amp; co</td>');
  expect(uit).toContain('namens LAS &quot;Voorbeeld&quot; B.V.');
  expect(uit).toMatch(/<section id="operator-en-attestaties">[\s\S]*<h2 id="attestaties">[\s\S]*<h2 id="operator">[\s\S]*<\/section>$/);
  expect(uit).toContain('<span class="status failed">nee</span>');
  expect(uit).toContain('Regulier PO → VO (uw LAS als doel)');
});

test('without answers or attestations there is no section', () => {
  expect(renderOperatorSectie({ antwoorden: [] })).toBe('');
  expect(renderOperatorSectie({ antwoorden: verslag.antwoorden })).not.toContain('id="attestaties"');
});
