/**
 * A LAS that runs elsewhere: the standalone reference LAS on an address of its own (in a network namespace the test
 * makes, or on 127.0.0.2 where the machine refuses one), reached by name. The harness serves the TC and testscholen under
 * its own name; each side resolves the other's name itself (harness.namen, reference-las --resolve), nobody edits
 * /etc/hosts, and every certificate is checked against the name it is reached by.
 */
import { expect, test } from '@playwright/test';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureCertificateCatalogue } from '../../certs/catalogue.ts';
import { defaultCertDir } from '../../certs/location.ts';
import type { Kwalificatie } from '../../reports/kwalificatie.ts';
import { extraHostnamesVoor } from '../../simulator/world.ts';
import { runCli } from '../cli/run-cli.ts';
import { opstelling, startStandaloneLas, type Netwerk } from '../cli/standalone-las.ts';
import { maakEigenNetwerk, type EigenNetwerk } from './netwerk-namespace.ts';

test.describe.configure({ mode: 'serial', timeout: 420_000 });

const HARNESS_NAAM = 'testbank.oso-test';
const LAS_NAAM = 'las.oso-test';

let eigen: EigenNetwerk;
let netwerk: Netwerk;

test.beforeAll(async () => {
  eigen = await maakEigenNetwerk();
  // Said in the test output, so a reader knows which of the two set-ups this run proved.
  process.stdout.write(
    eigen.soort === 'network-namespace'
      ? `LAS in een eigen network namespace op ${eigen.lasAdres}, testbank op ${eigen.harnessAdres}\n`
      : `Geen network namespace (${eigen.reden}): terugval op ${eigen.lasAdres} voor de LAS, namen opgelost door de testbank\n`,
  );
  netwerk = {
    harness: { host: eigen.harnessAdres, hostnaam: HARNESS_NAAM },
    las: { adres: eigen.lasAdres, naam: LAS_NAAM },
    voorvoegsel: eigen.voorvoegsel,
  };
  // The certificates with both names before either side starts: the LAS loads the CRLs once, so the catalogue must not
  // be issued anew under it when the harness adds its name.
  await ensureCertificateCatalogue({
    dir: defaultCertDir,
    extraHostnames: { ...extraHostnamesVoor({ ...netwerk.harness, poorten: { tc: 1, testschoolPo: 2, testschoolVo: 3 } }), 'reference-las': [LAS_NAAM, eigen.lasAdres] },
  });
});

test.afterAll(async () => {
  await eigen?.opruimen();
});

const reportDir = () => mkdtempSync(join(tmpdir(), 'kwalificatie-'));
const read = (dir: string) => JSON.parse(readFileSync(join(dir, 'kwalificatie.json'), 'utf8')) as Kwalificatie;

test('the test certificates carry the configured names: the TC the harness name, the reference LAS its own', async () => {
  const { pki, catalogue } = await ensureCertificateCatalogue({ dir: defaultCertDir });
  const san = (pem: string) => new X509Certificate(pem).subjectAltName ?? '';
  expect(san(pki.parties.get('tc')!.certPem)).toContain(`DNS:${HARNESS_NAAM}`);
  expect(san(pki.parties.get('testschool-vo')!.certPem)).toContain(`DNS:${HARNESS_NAAM}`);
  expect(san(pki.parties.get('reference-las')!.certPem)).toContain(`DNS:${LAS_NAAM}`);
  expect(san(pki.parties.get('reference-las')!.certPem)).not.toContain(`DNS:${HARNESS_NAAM}`);
  // A bad certificate of the catalogue is wrong in its own way only: it carries the name too (else a LAS would refuse it for the name).
  expect(san(catalogue.certificates.verlopen.certPem)).toContain(`DNS:${HARNESS_NAAM}`);
});

test(`doctor and qualify --config against the standalone LAS on its own address: every check OK, GESLAAGD`, async () => {
  const o = await opstelling(undefined, { netwerk });
  const las = await startStandaloneLas(o);
  try {
    expect(las.output()).toContain(`https://${LAS_NAAM}:${o.ports.ap}/oso/ap/`);
    const doctor = await runCli(['doctor', '--config', o.configPath], 60_000);
    expect(doctor.code, doctor.stdout).toBe(0);
    expect(doctor.stdout).toContain(`OK   ${LAS_NAAM}:${o.ports.ap} (→ ${eigen.lasAdres} through harness.namen) (aanleverpunt PO 98RA, aanleverpunt VO 98RB) is reachable`);
    expect(doctor.stdout).toMatch(new RegExp(`OK {3}TLS harness → aanleverpunt PO 98RA .*valid for the name ${LAS_NAAM.replace('.', '\\.')} \\(OIN 00000003999000040000`));
    expect(doctor.stdout).toContain(`the test certificates of TC and testscholen are valid for ${HARNESS_NAAM}`);
    expect(doctor.stdout).toContain(`Traffic Center:             https://${HARNESS_NAAM}:${o.ports.tc}/oso/tc`);

    const dir = reportDir();
    const { code, stdout } = await runCli(['qualify', '--no-pdf', '--config', o.configPath, '--report', dir], 400_000);
    expect(code, stdout).toBe(0);
    const k = read(dir);
    expect(k.verdict).toBe('GESLAAGD');
    expect(k.scenarios.filter((s) => s.status !== 'passed')).toEqual([]);
    // The whole set: every scenario in both roles and the security runs, every requirement met.
    expect(k.scenarios.length).toBeGreaterThan(60);
    expect(k.requirements.filter((r) => r.status !== 'passed')).toEqual([]);
    expect(k.scenarios.some((s) => s.id.startsWith('tls-'))).toBe(true);
    // The LAS really called the TC by its name at the harness's own address, from its own address.
    const berichten = readFileSync(join(dir, 'evidence', 'berichten.jsonl'), 'utf8');
    expect(berichten).toContain(`https://${LAS_NAAM}:${o.ports.ap}/oso/ap/`);
  } finally {
    expect(await las.stop()).toBe(0);
  }
});

test('qualify --config against the standalone LAS on its own address with one fault: NIET_GESLAAGD on that run', async () => {
  const o = await opstelling(undefined, { netwerk });
  const las = await startStandaloneLas(o, ['skip-sessiecontrole']);
  try {
    const dir = reportDir();
    const { code, stdout } = await runCli(['qualify', '--no-pdf', '--config', o.configPath, '--scenario', 'regulier-povo', '--report', dir]);
    expect(code, stdout).toBe(1);
    const k = read(dir);
    expect(k.verdict).toBe('NIET_GESLAAGD');
    expect(k.scenarios.map((s) => `${s.id}/${s.role}/${s.status}`).sort()).toEqual(['regulier-povo/bron/failed', 'regulier-povo/doel/passed']);
    expect(k.scenarios.find((s) => s.role === 'bron')!.message).toContain('BRON-01');
  } finally {
    await las.stop();
  }
});
