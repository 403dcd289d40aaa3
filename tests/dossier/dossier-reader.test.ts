import { test, expect } from '@playwright/test';
import { buildPovoDossier, type PovoDossierInvoer } from '../../simulator/dossier/povo-dossier.ts';
import { readDossier, DossierLeesfout, type DossierLeesfoutReden } from '../../simulator/dossier/dossier-reader.ts';
import type { Leerling } from '../../simulator/dossier/leerling.ts';
import { proefschool } from './proefschool.ts';

const namespace2019 = 'http://www.edustandaard.nl/oso_gegevensset/2019/dossier';

const leerling: Leerling = {
  id: 'test-lezer',
  pgn: { soort: 'bsn', waarde: '009990008' },
  achternaam: "Ærøe-D'Hondt & Zn",
  voornaam: 'Björn',
  geboortedatum: '2008-11-02',
  geslacht: '2',
  adresgeheim: false,
  adres: { straatnaam: 'Proefstraat', huisnummer: '12', postcode: '9999 XA', plaatsnaam: 'Teststad' },
  leerlingid: '0042',
  datuminschrijving: '2012-08-20',
  verzorgers: [{ achternaam: 'Ærøe', voorletters: 'S.', relatietotkind: '2', wettigevertegenwoordiger: true }],
  schoolloopbaan: [{ schooljaar: '2019-2020', groepscode: '8A', jaargroep: '8' }],
  advies: '61',
};

function invoer(l: Leerling = leerling): PovoDossierInvoer {
  return { leerling: l, ...proefschool };
}

function leesfout(xml: string): DossierLeesfout {
  try {
    readDossier(xml);
  } catch (fout) {
    if (fout instanceof DossierLeesfout) return fout;
    throw new Error(`expected DossierLeesfout, got ${String(fout)}`);
  }
  throw new Error('expected DossierLeesfout, but the dossier was read');
}

function verwachtLeesfout(xml: string, reden: DossierLeesfoutReden, bericht: RegExp): void {
  const fout = leesfout(xml);
  expect(fout.reden).toBe(reden);
  expect(fout.message).toMatch(bericht);
  expect(fout.name).toBe('DossierLeesfout');
}

const minimaal = (binnen: string, prefix = 'od') =>
  `<?xml version="1.0" encoding="UTF-8"?>
<${prefix}:dossier xmlns:${prefix}="${namespace2019}">
  <${prefix}:metadata><${prefix}:standaardversie>2019.1</${prefix}:standaardversie><${prefix}:validatieversie>2019.1.1</${prefix}:validatieversie></${prefix}:metadata>
  <${prefix}:overdrachtsoort>overstapdossier</${prefix}:overdrachtsoort>
  <${prefix}:huidigeschool><${prefix}:naam>School</${prefix}:naam><${prefix}:brincode>00YY</${prefix}:brincode>
    <${prefix}:leerling><${prefix}:achternaam>Proef</${prefix}:achternaam>${binnen}</${prefix}:leerling>
  </${prefix}:huidigeschool>
</${prefix}:dossier>`;

test.describe('round trip: build, then read', () => {
  test('the key fields come back exactly, leading zeros, diacritics, apostrophe and ampersand included', () => {
    const kern = readDossier(buildPovoDossier(invoer()));
    expect(kern).toEqual({
      namespace: namespace2019,
      standaardversie: '2019.1',
      validatieversie: '2019.1.1',
      overdrachtsoort: 'overstapdossier',
      overstap: 'POVO',
      school: { brincode: '00YY', naam: "Basisschool 't Proefje & Co" },
      leerling: {
        pgn: { soort: 'bsn', waarde: '009990008' },
        achternaam: "Ærøe-D'Hondt & Zn",
        voornaam: 'Björn',
        geboortedatum: '2008-11-02',
        leerlingid: '0042',
      },
    });
  });

  test('an onderwijsnummer pupil reads back as an onderwijsnummer', () => {
    const kern = readDossier(buildPovoDossier(invoer({ ...leerling, pgn: { soort: 'onderwijsnummer', waarde: '109990001' } })));
    expect(kern.leerling.pgn).toEqual({ soort: 'onderwijsnummer', waarde: '109990001' });
  });
});

test.describe('tolerant where XML allows it', () => {
  test('any namespace prefix works: elements are matched by namespace, not by prefix', () => {
    const kern = readDossier(minimaal('<od:bsn>003389261</od:bsn>'));
    expect(kern.namespace).toBe(namespace2019);
    expect(kern.leerling.pgn).toEqual({ soort: 'bsn', waarde: '003389261' });
    expect(kern.overstap).toBeUndefined();
  });

  test('an element with the same local name in another namespace is not taken for the dossier element', () => {
    const kern = readDossier(minimaal('<x:bsn xmlns:x="urn:voorbeeld:anders">999999999</x:bsn><od:bsn>003389261</od:bsn>'));
    expect(kern.leerling.pgn?.waarde).toBe('003389261');
  });

  test('character references, CDATA and a byte-order mark are read as text', () => {
    const xml = '\uFEFF' + minimaal('<od:voornaam>Bj&#246;rn &#x26; <![CDATA[<Co> & Zn]]></od:voornaam>');
    expect(readDossier(xml).leerling.voornaam).toBe('Björn & <Co> & Zn');
  });

  test('reports the namespace it found, so the validator can tell releases apart', () => {
    const ouder = minimaal('').replaceAll(namespace2019, 'http://www.edustandaard.nl/oso_gegevensset/2018/dossier');
    expect(readDossier(ouder).namespace).toBe('http://www.edustandaard.nl/oso_gegevensset/2018/dossier');
  });
});

test.describe('refuses entity tricks', () => {
  test('billion laughs is refused before any expansion', () => {
    const lachen = `<?xml version="1.0"?>
<!DOCTYPE dossier [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
${minimaal('<od:voornaam>&lol9;</od:voornaam>').replace('<?xml version="1.0" encoding="UTF-8"?>\n', '')}`;
    verwachtLeesfout(lachen, 'doctype', /DOCTYPE; entiteiten worden niet verwerkt/);
  });

  test('an external entity (XXE) is refused', () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE dossier [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><dossier>&xxe;</dossier>`;
    verwachtLeesfout(xxe, 'doctype', /DOCTYPE/);
  });

  test('even a harmless DOCTYPE is refused', () => {
    verwachtLeesfout(`<!DOCTYPE dossier>${minimaal('')}`.replace('<?xml version="1.0" encoding="UTF-8"?>\n', ''), 'doctype', /DOCTYPE/);
  });

  test('an undeclared entity reference is not well-formed', () => {
    verwachtLeesfout(minimaal('<od:voornaam>&lol;</od:voornaam>'), 'niet-welgevormd', /onbekende entiteit &lol;/);
  });
});

test.describe('refuses what is not a well-formed dossier', () => {
  const gevallen: [string, string, RegExp][] = [
    ['mismatched tags', minimaal('<od:voornaam>Piet</od:achternaam>'), /welgevormde XML/],
    ['unclosed root', '<dossier><metadata>', /welgevormde XML/],
    ['bare ampersand', minimaal('<od:voornaam>Piet & Co</od:voornaam>'), /welgevormde XML/],
    ['two root elements', '<dossier/><dossier/>', /welgevormde XML/],
    ['text only', 'geen xml', /welgevormde XML/],
    ['empty input', '', /welgevormde XML/],
    ['control character', minimaal('<od:voornaam>Piet\u0001</od:voornaam>'), /U\+0001/],
    ['character reference to NUL', minimaal('<od:voornaam>&#0;</od:voornaam>'), /&#0;/],
    ['undeclared namespace prefix', minimaal('<x:voornaam>Piet</x:voornaam>'), /prefix 'x'/],
  ];
  for (const [naam, xml, bericht] of gevallen) {
    test(naam, () => verwachtLeesfout(xml, 'niet-welgevormd', bericht));
  }

  test('a root element other than dossier', () => {
    verwachtLeesfout(`<leerling xmlns="${namespace2019}"><achternaam>Proef</achternaam></leerling>`, 'verkeerd-root-element', /<leerling>.*<dossier>/);
  });

  test('a missing element the kern needs names its path', () => {
    const zonderVersie = minimaal('').replace(/<od:standaardversie>.*?<\/od:standaardversie>/, '');
    verwachtLeesfout(zonderVersie, 'element-ontbreekt', /\/dossier\/metadata\/standaardversie/);
  });

  test('both bsn and onderwijsnummer is ambiguous and refused', () => {
    verwachtLeesfout(
      minimaal('<od:bsn>003389261</od:bsn><od:onderwijsnummer>101211151</od:onderwijsnummer>'),
      'element-meervoudig',
      /zowel .*bsn als .*onderwijsnummer/,
    );
  });

  test('a dossier element in no namespace does not satisfy the dossier namespace', () => {
    const gemengd = minimaal('').replace('<od:overdrachtsoort>overstapdossier</od:overdrachtsoort>', '<overdrachtsoort>overstapdossier</overdrachtsoort>');
    verwachtLeesfout(gemengd, 'element-ontbreekt', /\/dossier\/overdrachtsoort/);
  });
});
