/**
 * The pieces that let a LAS run elsewhere: the test PKI adds configured names to the parties' certificates (and keeps
 * them), the harness resolves configured names itself, and a configuration with an unusable name map is refused.
 */
import { expect, test } from '@playwright/test';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureCertificateCatalogue } from '../../certs/catalogue.ts';
import { lookupVia } from '../../simulator/transport/naam-resolutie.ts';
import { extraHostnamesVoor } from '../../simulator/world.ts';
import { loadSutConfig } from '../../suites/sut-config.ts';
import { SourceError } from '../../suites/yaml-source.ts';
import { opstelling } from '../cli/standalone-las.ts';

const san = (pem: string) => new X509Certificate(pem).subjectAltName ?? '';

test('configured names go into the certificates of exactly the parties they are for, are kept, and a new one reissues the leaves', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'oso-namen-'));
  const eerst = await ensureCertificateCatalogue({ dir, extraHostnames: extraHostnamesVoor({ host: '10.9.8.7', hostnaam: 'testbank.voorbeeld', poorten: { tc: 1, testschoolPo: 2, testschoolVo: 3 } }) });
  for (const id of ['tc', 'testschool-po', 'testschool-vo']) {
    expect(san(eerst.pki.parties.get(id)!.certPem)).toContain('DNS:testbank.voorbeeld');
    expect(san(eerst.pki.parties.get(id)!.certPem)).toContain('IP Address:10.9.8.7');
    expect(san(eerst.pki.parties.get(id)!.certPem)).toContain('DNS:localhost');
  }
  expect(san(eerst.pki.parties.get('reference-las')!.certPem)).not.toContain('testbank.voorbeeld');
  expect(san(eerst.catalogue.certificates['nog-niet-geldig'].certPem)).toContain('DNS:testbank.voorbeeld');

  // Without names (a plain run) the names stay: nothing is issued anew.
  const zonder = await ensureCertificateCatalogue({ dir });
  expect(zonder.generated).toBe(false);
  expect(san(zonder.pki.parties.get('tc')!.certPem)).toContain('DNS:testbank.voorbeeld');

  // Another party's name: the leaves are issued anew under the same root, with both names (no catalogue entry stands in
  // for the reference LAS, so the catalogue stays).
  const las = await ensureCertificateCatalogue({ dir, extraHostnames: { 'reference-las': ['las.voorbeeld'] } });
  expect(las.reissued).toMatchObject({ root: false, intermediate: false, leaves: true, catalogue: false });
  expect(san(las.pki.parties.get('reference-las')!.certPem)).toContain('DNS:las.voorbeeld');
  expect(san(las.pki.parties.get('tc')!.certPem)).toContain('DNS:testbank.voorbeeld');
  expect(las.pki.root.sha256Fingerprint).toBe(eerst.pki.root.sha256Fingerprint);
});

test('the harness resolves a configured name itself, and any other name as usual', async () => {
  const server = createServer((s) => s.end('hallo'));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  try {
    const lookup = lookupVia({ 'las.bestaat-niet.invalid': '127.0.0.1' });
    const antwoord = await new Promise<string>((done, failed) => {
      const socket = connect({ host: 'LAS.bestaat-niet.invalid', port, lookup }, () => socket.once('data', (d) => done(String(d))));
      socket.once('error', failed);
    });
    expect(antwoord).toBe('hallo');
    const onbekend = await new Promise<string>((done) => {
      const socket = connect({ host: 'ander.bestaat-niet.invalid', port, lookup }, () => done('verbonden'));
      socket.once('error', (e: NodeJS.ErrnoException) => done(e.code ?? e.message));
    });
    expect(onbekend).toMatch(/ENOTFOUND|EAI_AGAIN/);
  } finally {
    server.close();
  }
});

test('a configuration with a name map that is not name → IP address, or listening everywhere without a name, is refused with file:line:col', async () => {
  const o = await opstelling();
  const tekst = readFileSync(o.configPath, 'utf8');
  const fout = (vervang: string) => {
    writeFileSync(o.configPath, tekst.replace('  host: 127.0.0.1\n', vervang));
    try {
      loadSutConfig(o.configPath);
      return 'geen fout';
    } catch (e) {
      expect(e).toBeInstanceOf(SourceError);
      return (e as Error).message;
    }
  };
  expect(fout('  host: 127.0.0.1\n  namen: { las.test: las.elders }\n')).toMatch(/:\d+:\d+: harness\.namen: 'las\.elders' \(for las\.test\) is not an IP address/);
  expect(fout('  host: 0.0.0.0\n')).toContain('listens on every address');
  expect(fout('  host: 0.0.0.0\n  hostnaam: testbank.test\n  namen: { las.test: 10.0.0.5 }\n')).toBe('geen fout');
  const config = loadSutConfig(o.configPath);
  expect(config.harness).toMatchObject({ host: '0.0.0.0', hostnaam: 'testbank.test', namen: { 'las.test': '10.0.0.5' } });
});
