/*
 * `oso-testbank validate` end to end, through the real bin in a child process: exit codes 0/1/2, the --json shape,
 * DTD tricks refused, an unreadable file next to a valid one, and a 20 MB dossier.
 */
import { test, expect } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dossierToXml } from '../../simulator/dossier/dossier-xml.ts';
import { generateDossierXml, generateDossierXmlVanGrootte } from '../../simulator/dossier/generator/generator.ts';
import { runCli } from '../cli/run-cli.ts';
import { basisDossier, leerlingVan } from './dossier-helpers.ts';

const map = mkdtempSync(join(tmpdir(), 'validate-cli-'));
const bestand = (naam: string, inhoud: string | Uint8Array) => {
  const pad = join(map, naam);
  writeFileSync(pad, inhoud);
  return pad;
};

const geldig = bestand('geldig.xml', generateDossierXml({ profiel: 'POVO', seed: 1, zorg: true }));
const kapot = (() => {
  const d = basisDossier('VOVO');
  delete leerlingVan(d).bsn;
  leerlingVan(d).geslacht = '7';
  return bestand('kapot.xml', dossierToXml(d));
})();
const lachen = bestand(
  'lachen.xml',
  `<?xml version="1.0"?>\n<!DOCTYPE dossier [\n<!ENTITY lol "lol">\n${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${(i === 0 ? '&lol;' : `&lol${i};`).repeat(10)}">`).join('\n')}\n]>\n<dossier>&lol9;</dossier>\n`,
);
const xxe = bestand('xxe.xml', '<?xml version="1.0"?><!DOCTYPE dossier [<!ENTITY x SYSTEM "file:///etc/passwd">]><dossier>&x;</dossier>');
const png = bestand('plaatje.xml', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0xff, 0xfe]));
const geenXml = bestand('tekst.xml', 'Dit is een brief, geen dossier.\n');

type JsonUitslag = { file: string; valid: boolean; gegevensset: string | null; profile: string | null; findings: { rule: string; severity: string; path: string; message: string }[] };

test('a valid dossier: exit 0 and a readable line', async () => {
  const { code, stdout, stderr } = await runCli(['validate', geldig]);
  expect(code, stderr).toBe(0);
  expect(stdout).toContain(`${geldig}: VALID — gegevensset 2019.1, profile POVO`);
  expect(stdout).toContain('\nTotal: 1 file — 1 valid, 0 invalid, 0 unreadable (gegevensset 2019.1).\n');
});

test('findings: exit 1; --json prints exactly file, valid, gegevensset, profile, findings{rule, severity, path, message}', async () => {
  const { code, stdout } = await runCli(['validate', '--json', geldig, kapot]);
  expect(code).toBe(1);
  const uit = JSON.parse(stdout) as JsonUitslag[];
  expect(uit.map((u) => Object.keys(u))).toEqual([
    ['file', 'valid', 'gegevensset', 'profile', 'findings'],
    ['file', 'valid', 'gegevensset', 'profile', 'findings'],
  ]);
  expect(uit[0]).toMatchObject({ file: geldig, valid: true, gegevensset: '2019.1', profile: 'POVO', findings: [] });
  expect(uit[1]).toMatchObject({ file: kapot, valid: false, gegevensset: '2019.1', profile: 'VOVO' });
  expect(uit[1]!.findings.map((f) => [f.rule, f.severity, f.path])).toEqual([
    ['CODELIJST.14', 'error', '/dossier/huidigeschool/leerling/geslacht'],
    ['OVa.LL12', 'error', '/dossier/huidigeschool/leerling'],
  ]);
  for (const f of uit[1]!.findings) expect(Object.keys(f)).toEqual(['rule', 'severity', 'path', 'message']);
});

test('the plain output names rule, path and message for a person: an English frame around the official Dutch rule text', async () => {
  const { code, stdout } = await runCli(['validate', kapot]);
  expect(code).toBe(1);
  expect(stdout).toContain('INVALID — gegevensset 2019.1, profile VOVO (2 errors)');
  expect(stdout).toMatch(/\nTotal: 1 file — 0 valid, 1 invalid, 0 unreadable/);
  expect(stdout).not.toMatch(/GELDIG|ONLEESBAAR|Totaal|\bfouten?\b|\bwaarschuwing/);
  expect(stdout).toMatch(/error OVa\.LL12 {2}\/dossier\/huidigeschool\/leerling\n {6}In een overstapdossier is een BSN of onderwijsnummer verplicht/);
});

test('billion laughs and external entities are refused, never expanded: exit 2 with a clear message', async () => {
  const { code, stdout, stderr } = await runCli(['validate', '--json', lachen, xxe]);
  expect(code).toBe(2);
  const uit = JSON.parse(stdout) as JsonUitslag[];
  expect(uit.map((u) => [u.valid, u.findings.map((f) => f.rule)])).toEqual([
    [false, ['XML.doctype']],
    [false, ['XML.doctype']],
  ]);
  expect(stderr).toContain(`${lachen}: Dossier bevat een DOCTYPE; entiteiten worden niet verwerkt`);
  expect(stdout).not.toContain('lollol');
});

test('an unreadable file next to a valid one: exit 2, and the valid one is still reported', async () => {
  const weg = join(map, 'bestaat-niet.xml');
  const { code, stdout, stderr } = await runCli(['validate', weg, geldig, png, geenXml, map]);
  expect(code).toBe(2);
  expect(stderr).toContain(`${weg}: Bestand niet te lezen: ${weg} (bestaat niet).`);
  expect(stderr).toContain(`${png}: Bestand is geen geldige UTF-8-tekst`);
  expect(stderr).toContain(`${geenXml}: Dossier is geen welgevormde XML`);
  expect(stderr).toContain('is een map');
  expect(stdout).toContain(`${geldig}: VALID`);
  expect(stdout).toContain(`${weg}: UNREADABLE`);
  expect(stdout).toContain('Total: 5 files — 1 valid, 0 invalid, 4 unreadable');
});

test('usage errors exit 2 and explain themselves', async () => {
  for (const args of [['validate'], ['validate', '--onbekend', geldig], ['validate', '--gegevensset'], ['validate', '--gegevensset', '2018.1', geldig], ['validate', '--gegevensset=1999.1', geldig]]) {
    const { code, stderr } = await runCli(args);
    expect(code, args.join(' ')).toBe(2);
    expect(stderr.length).toBeGreaterThan(20);
  }
  const help = await runCli(['validate', '--help']);
  expect(help.code).toBe(0);
  expect(help.stdout).toContain('Usage: oso-testbank validate');
  const expliciet = await runCli(['validate', '--gegevensset', '2019.1', geldig]);
  expect(expliciet.code).toBe(0);
});

test('a 20 MB dossier validates without trouble', async () => {
  const groot = bestand('groot.xml', generateDossierXmlVanGrootte(20_000_000, { profiel: 'POVO', seed: 20 }));
  const { code, stdout, stderr } = await runCli(['validate', '--json', groot]);
  expect(code, stderr).toBe(0);
  const [uit] = JSON.parse(stdout) as JsonUitslag[];
  expect(uit).toMatchObject({ valid: true, gegevensset: '2019.1', profile: 'POVO', findings: [] });
});
