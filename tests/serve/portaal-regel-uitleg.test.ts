import { expect, test } from '@playwright/test';
import { harnasRegels } from '../../simulator/dossier/finding.ts';
import { gegevensset2019Volledig } from '../../simulator/dossier/versies/2019.1/index.ts';
import { plaatsInWoorden, regelUitleg } from '../../web/portaal/regel-uitleg.ts';

// Every finding the validator can give is explained to a school administrator: the rule's own requirement, a cause,
// and what to do — and whether the school or the LAS's supplier can fix it.

test('every official rule id gets its own requirement text, a cause and what to do', () => {
  const ids = gegevensset2019Volledig.regels.flatMap((r) => r.ids.map((id) => [id, r.titel] as const));
  expect(ids.length).toBeGreaterThan(100);
  for (const [id, titel] of ids) {
    const u = regelUitleg(id);
    expect(u.eis, id).toContain(titel);
    expect(u.oorzaak.length, id).toBeGreaterThan(20);
    expect(u.doen.length, id).toBeGreaterThan(20);
  }
});

test("the harness's own ids get the harness's description; a code list id names its list", () => {
  for (const id of Object.keys(harnasRegels).filter((id) => id !== 'CODELIJST.n')) expect(regelUitleg(id).eis, id).toBe(harnasRegels[id as keyof typeof harnasRegels]);
  expect(regelUitleg('CODELIJST.23').eis).toContain('OSO-codelijst 23');
  expect(regelUitleg('CODELIJST.23').herstel).toBe('school');
});

test('what a school fixes in the pupil record and what only the supplier can fix are told apart', () => {
  for (const id of ['OG.01', 'PGN.bsn', 'PGN.onderwijsnummer', 'OVa.LL12', 'OVa.IZ02', 'OVa.OA02', 'VERSIE.vorige', 'XSD.verplicht'])
    expect(regelUitleg(id).herstel, id).toBe('school');
  for (const id of ['OS.cat05', 'OVa.LL10', 'OVa.LL11', 'OVb.LL06', 'PaO.LL12', 'OG.02', 'OVa.MD02', 'XML.welgevormd', 'XSD.volgorde'])
    expect(regelUitleg(id).herstel, id).toBe('leverancier');
  expect(regelUitleg('OS.cat05').doen).toContain('leverancier van uw LAS');
  expect(regelUitleg('PGN.bsn').doen).toContain('Zet het dossier daarna opnieuw klaar');
  // One id for two checks (the school's address and the pupil's school career): both requirements are named.
  expect(regelUitleg('OVa.SL01').eis).toContain('De school heeft minstens één adres.');
  expect(regelUitleg('OVa.SL01').eis).toContain('De leerling heeft minstens één schoolloopbaan.');
});

test('an id nobody knows still gets an honest explanation, not a crash', () => {
  const u = regelUitleg('ONBEKEND.99');
  expect(u.eis).toBe('Een regel van de gegevensset.');
  expect(u.herstel).toBe('leverancier');
});

test("a place in the dossier reads in the printed dossier's words", () => {
  expect(plaatsInWoorden('/dossier/huidigeschool/leerling/communicatielijst/communicatie[2]')).toBe('Leerling › Contact › Communicatie (2e)');
  expect(plaatsInWoorden('/dossier/huidigeschool/leerling/bsn')).toBe('Leerling › BSN');
  expect(plaatsInWoorden('')).toBe('');
});
