import { expect, test } from '@playwright/test';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultCertDir } from '../../certs/location.ts';
import { loadSutConfig, standaardTijdslimieten, type SutConfig } from '../../suites/sut-config.ts';
import { SourceError } from '../../suites/yaml-source.ts';

const examples = fileURLToPath(new URL('../../docs/examples/', import.meta.url));

/** A configuration folder with the reference LAS's certificate and the test CA as ./sut/…, as a vendor would lay it out. */
function configFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sut-config-'));
  mkdirSync(join(dir, 'sut'));
  copyFileSync(join(defaultCertDir, 'reference-las.chain.crt'), join(dir, 'sut/las-chain.pem'));
  copyFileSync(join(defaultCertDir, 'ca-bundle.crt'), join(dir, 'sut/ca.pem'));
  copyFileSync(join(defaultCertDir, 'root.crt'), join(dir, 'sut/root.pem'));
  return dir;
}

const valid = `sut:
  naam: Voorbeeld-LAS
  versie: "5.2.0"
  leverancier: Voorbeeld BV
  certificaat: ./sut/las-chain.pem
  vertrouwensanker: ./sut/ca.pem
  scholen:
    po: { brin: "12AB", vestigingscode: "00", naam: "Basisschool", routeringsKenmerk: "0000000700012AB00001", apUrl: "https://las.example:8443/oso/ap/0000000700012AB00001" }
    vo: { brin: "12CD", vestigingscode: "00", naam: "College", routeringsKenmerk: "0000000700012CD00001", apUrl: "https://las.example:8443/oso/ap/0000000700012CD00001" }
rollen: [bron, doel]
adapter:
  soort: http
  http: { controlUrl: "http://las.example:8080/oso-test" }
harness:
  poorten: { tc: 7443, testschoolPo: 7444, testschoolVo: 7445 }
`;

function load(text: string): SutConfig {
  const dir = configFolder();
  const file = join(dir, 'sut.yaml');
  writeFileSync(file, text);
  return loadSutConfig(file);
}

/** The error of loading the text, with the line of the first line containing `marker`. */
function errorOf(text: string, marker: string): { error: SourceError; line: number } {
  try {
    load(text);
  } catch (e) {
    if (e instanceof SourceError) return { error: e, line: text.split('\n').findIndex((l) => l.includes(marker)) + 1 };
    throw e;
  }
  throw new Error('the configuration loaded without error');
}

test('the example configurations in docs/examples load', () => {
  const http = loadSutConfig(join(examples, 'sut-http.yaml'));
  expect(http.adapter).toEqual({ soort: 'http', http: { controlUrl: 'http://127.0.0.1:7502' } });
  expect(http.rollen).toEqual(['bron', 'doel']);
  expect(http.sut.certificaat.oin).toBe('00000003999000040000');
  const playwright = loadSutConfig(join(examples, 'sut-playwright.yaml'));
  expect(playwright.adapter.soort).toBe('playwright');
  expect(playwright.adapter.soort === 'playwright' && playwright.adapter.playwright.module).toBe(join(examples, 'mijn-las.adapter.ts'));
  expect(Object.keys(playwright.sut.scholen)).toEqual(['vo']);
  expect(playwright.tijdslimieten).toEqual({ ...standaardTijdslimieten, adapterMs: 60_000 });
  const manual = loadSutConfig(join(examples, 'sut-manual.yaml'));
  expect(manual.adapter).toEqual({ soort: 'manual', manual: { poort: 7300, operator: 'Naam van de tester' } });
  expect(manual.rollen).toEqual(['bron']);
});

test('relative paths resolve against the folder of the configuration; defaults fill what is absent', () => {
  const config = load(valid);
  expect(config.sut.certificaat.pad).toMatch(/sut-config-[^/]+\/sut\/las-chain\.pem$/);
  expect(config.sut.certificaat.certificaten).toHaveLength(2);
  expect(config.sut.scholen.po).toMatchObject({ brin: '12AB', sector: 'PO', apUrl: 'https://las.example:8443/oso/ap/0000000700012AB00001' });
  expect(config.harness).toEqual({ host: '127.0.0.1', poorten: { tc: 7443, testschoolPo: 7444, testschoolVo: 7445 } });
  expect(config.tijdslimieten).toEqual(standaardTijdslimieten);
});

test('a schema error names file, line and column, and says how to fix it', () => {
  const { error, line } = errorOf(valid.replace('brin: "12AB"', 'brin: "12ab"'), '12ab');
  expect(error.message).toMatch(new RegExp(`sut\\.yaml:${line}:\\d+: /sut/scholen/po/brin: must match pattern`));
  expect(error.message).toContain('Fix: a BRIN is two digits and two capital letters');

  const unknown = errorOf(valid.replace('rollen:', 'rolen: [bron]\nrollen:'), 'rolen:');
  expect(unknown.error.line).toBe(unknown.line);
  expect(unknown.error.message).toContain("unknown field 'rolen'");

  const version = errorOf(valid.replace('versie: "5.2.0"', 'versie: 5.2'), 'versie: 5.2');
  expect(version.error.line).toBe(version.line);
  expect(version.error.message).toContain('put the version in quotes');

  const noAdapterBlock = errorOf(valid.replace('  http: { controlUrl: "http://las.example:8080/oso-test" }\n', ''), 'soort: http');
  expect(noAdapterBlock.error.message).toContain("must have required property 'http'");
});

test('a role needs the school it plays; a school must sit under its own sector', () => {
  const onlyVo = valid.replace(/    po: .*\n/, '');
  const role = errorOf(onlyVo, 'rollen:');
  expect(role.error.line).toBe(role.line);
  expect(role.error.message).toContain('role bron needs a PO school (sut.scholen.po)');
  expect(load(onlyVo.replace('rollen: [bron, doel]', 'rollen: [doel]')).rollen).toEqual(['doel']);

  const sector = errorOf(valid.replace('brin: "12CD",', 'brin: "12CD", sector: PO,'), 'sector: PO');
  expect(sector.error.line).toBe(sector.line);
  expect(sector.error.message).toContain("the school under 'vo' has sector PO");
});

test('an aanleverpunt must be https, ports distinct', () => {
  const http = errorOf(valid.replace('apUrl: "https://las.example:8443/oso/ap/0000000700012CD00001"', 'apUrl: "http://las.example:8080/oso/ap/0000000700012CD00001"'), 'http://las.example:8080/oso/ap');
  expect(http.error.line).toBe(http.line);
  expect(http.error.message).toContain('is not an https address');
  const ports = errorOf(valid.replace('testschoolVo: 7445', 'testschoolVo: 7443'), 'testschoolVo: 7443');
  expect(ports.error.message).toContain('port 7443 is given more than once');
});

test('the certificate must be readable, PEM, and carry an OIN', () => {
  const missing = errorOf(valid.replace('./sut/las-chain.pem', './sut/bestaat-niet.pem'), 'bestaat-niet');
  expect(missing.error.line).toBe(missing.line);
  expect(missing.error.message).toMatch(/cannot read .*bestaat-niet\.pem \(ENOENT\)/);
  const noOin = errorOf(valid.replace('./sut/las-chain.pem', './sut/root.pem'), 'root.pem');
  expect(noOin.error.message).toContain('has no OIN');
  const dir = configFolder();
  writeFileSync(join(dir, 'sut/leeg.pem'), 'geen certificaat');
  writeFileSync(join(dir, 'sut.yaml'), valid.replace('./sut/ca.pem', './sut/leeg.pem'));
  expect(() => loadSutConfig(join(dir, 'sut.yaml'))).toThrow(/vertrouwensanker: .*leeg\.pem holds no PEM certificate/);
});

test('an unreadable configuration file is an error at line 1, not a crash', () => {
  expect(() => loadSutConfig('/bestaat/niet.yaml')).toThrow(/niet\.yaml:1:1: cannot read the configuration file \(ENOENT\)/);
});
