import { test, expect } from '@playwright/test';
import { strToU8, zipSync } from 'fflate';
import { alsBestandsinhoud, maakPdf } from '../../simulator/dossier/generator/bestanden.ts';
import { Prng } from '../../simulator/dossier/generator/prng.ts';
import type * as M from '../../simulator/dossier/versies/2019.1/model.ts';
import { basisDossier, kort, leerlingVan as ll, valideer } from './dossier-helpers.ts';

const PAD = '/dossier/huidigeschool/leerling/overigdocumentlijst/document';

function metBijlage(doc: M.Document): M.Dossier {
  const d = basisDossier('POVO');
  ll(d).overigdocumentlijst = { document: [doc] };
  return d;
}

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

const gevallen: [string, string, M.Document, string][] = [
  ['BIJLAGE.base64', 'content that is not Base64', { bestandsnaam: 'a.pdf', bestandsinhoud: 'dit is geen base64!' }, `${PAD}/bestandsinhoud`],
  ['BIJLAGE.zip', 'Base64 of a file that is not a ZIP', { bestandsnaam: 'a.pdf', bestandsinhoud: b64(strToU8('%PDF-1.4 zonder zip')) }, `${PAD}/bestandsinhoud`],
  ['BIJLAGE.zip', 'a truncated ZIP', { bestandsnaam: 'a.pdf', bestandsinhoud: alsBestandsinhoud('a.pdf', maakPdf(['x'], new Prng(1), 200)).slice(0, 120) }, `${PAD}/bestandsinhoud`],
  ['BIJLAGE.leeg', 'a ZIP without a file', { bestandsnaam: 'a.pdf', bestandsinhoud: b64(zipSync({ 'map/': new Uint8Array(0) })) }, `${PAD}/bestandsinhoud`],
  ['BIJLAGE.bestandstype', 'a file name outside the documented types', { bestandsnaam: 'setup.exe', bestandsinhoud: alsBestandsinhoud('setup.pdf', strToU8('%PDF-1.4')) }, `${PAD}/bestandsnaam`],
  ['BIJLAGE.bestandstype', 'a ZIP holding a file outside the documented types', { bestandsnaam: 'rapport.pdf', bestandsinhoud: alsBestandsinhoud('rapport.js', strToU8('alert(1)')) }, `${PAD}/bestandsinhoud`],
];

test.describe('attachment problems are warnings: the dossier stays valid', () => {
  for (const [rule, wat, doc, pad] of gevallen) {
    test(`${rule}: ${wat}`, () => {
      const r = valideer(metBijlage(doc));
      expect(kort(r.findings)).toEqual([`warning ${rule} ${pad}`]);
      expect(r.valid).toBe(true);
    });
  }
});

test('Base64 with line breaks (as many systems write it) and every documented type are fine', () => {
  const inhoud = alsBestandsinhoud('scan.JPG', strToU8('jpeg'));
  const metRegels = inhoud.replace(/(.{76})/g, '$1\r\n');
  expect(kort(valideer(metBijlage({ bestandsnaam: 'scan.JPG', bestandsinhoud: metRegels })).findings)).toEqual([]);
  for (const soort of ['pdf', 'jpg', 'png', 'doc', 'docx', 'odf', 'xls', 'xlsx', 'txt', 'ppt', 'pptx']) {
    expect(kort(valideer(metBijlage({ bestandsnaam: `a.${soort}`, bestandsinhoud: alsBestandsinhoud(`a.${soort}`, strToU8('x')) })).findings), soort).toEqual([]);
  }
});

test("'inhoud' also inflates every file and finds a corrupt stream that the directory does not show", () => {
  const zip = zipSync({ 'a.txt': [strToU8('Een tekst die goed comprimeert. '.repeat(50)), { level: 9, mtime: new Date(Date.UTC(2020, 0, 1)) }] });
  const kapot = Uint8Array.from(zip);
  for (let i = 40; i < 60; i++) kapot[i] = 0xff;
  const d = metBijlage({ bestandsnaam: 'a.txt', bestandsinhoud: b64(kapot) });
  expect(kort(valideer(d).findings)).toEqual([]);
  expect(kort(valideer(d, { bijlagen: 'inhoud' }).findings)).toEqual([`warning BIJLAGE.zip ${PAD}/bestandsinhoud`]);
  expect(kort(valideer(d, { bijlagen: false }).findings)).toEqual([]);
});
