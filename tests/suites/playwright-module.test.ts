import { expect, test } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPlaywrightLasModule, playwrightAdapter } from '../../suites/adapters/playwright-adapter.ts';
import { AdapterFout } from '../../suites/adapters/sut-adapter.ts';

// A vendor's Playwright module is checked when it is loaded, before any browser starts, with a message that names the
// file and what is wrong.
const dir = mkdtempSync(join(tmpdir(), 'pw-module-'));
const schrijf = (naam: string, tekst: string) => {
  const path = join(dir, naam);
  writeFileSync(path, tekst);
  return path;
};

async function fout(p: Promise<unknown>): Promise<AdapterFout> {
  const e = await p.then(() => undefined, (e: unknown) => e);
  expect(e).toBeInstanceOf(AdapterFout);
  return e as AdapterFout;
}

test('a module missing exports is refused naming the file and each missing function', async () => {
  const module = schrijf('half.adapter.mts', `export async function klaarzetten() {}\nexport async function opvragen() { return { resultaat: 'x', afgemeld: false }; }\nexport const ontvangen = 'geen functie';\n`);
  const { message } = await fout(playwrightAdapter({ module, baseUrl: 'http://127.0.0.1:9', timeoutMs: 1_000 }));
  expect(message).toContain(`Playwright-module ${module} mist de functies 'ontvangen', 'laatsteFout', 'wisselRelease'`);
  expect(message).toContain('PlaywrightLasModule');
});

test('one missing export is named in the singular; a default-exported object is accepted as the module', async () => {
  const een = schrijf('bijna.adapter.mts', ['klaarzetten', 'opvragen', 'ontvangen', 'laatsteFout'].map((f) => `export async function ${f}() {}`).join('\n'));
  expect((await fout(loadPlaywrightLasModule(een))).message).toContain(`Playwright-module ${een} mist de functie 'wisselRelease':`);
  const standaard = schrijf('standaard.adapter.mts', `export default { ${['klaarzetten', 'opvragen', 'ontvangen', 'laatsteFout', 'wisselRelease'].map((f) => `async ${f}() {}`).join(', ')} };\n`);
  expect(typeof (await loadPlaywrightLasModule(standaard)).wisselRelease).toBe('function');
});

test('a module that does not exist or does not compile is refused with the file and the reason', async () => {
  const weg = join(dir, 'bestaat-niet.adapter.ts');
  expect((await fout(loadPlaywrightLasModule(weg))).message).toContain(`Playwright-module ${weg} bestaat niet`);
  const kapot = schrijf('kapot.adapter.mts', 'export async function klaarzetten( {\n');
  expect((await fout(loadPlaywrightLasModule(kapot))).message).toContain(`Playwright-module ${kapot} kon niet worden geladen:`);
});

test('a .ts module outside an ES-module package is refused with how to fix it', async () => {
  const cjs = schrijf('cjs.adapter.ts', 'export async function klaarzetten() {}\n');
  const { message } = await fout(loadPlaywrightLasModule(cjs));
  expect(message).toContain(`Playwright-module ${cjs} kon niet worden geladen:`);
  expect(message).toContain('geef het bestand de extensie .mts, of zet "type": "module" in de package.json');
});

test('the shipped example module for the reference LAS fulfils the contract', async () => {
  const module = await loadPlaywrightLasModule(fileURLToPath(new URL('../../docs/examples/playwright/referentie-las.adapter.ts', import.meta.url)));
  for (const f of ['start', 'klaarzetten', 'opvragen', 'ontvangen', 'laatsteFout', 'wisselRelease'] as const) expect(typeof module[f]).toBe('function');
});
