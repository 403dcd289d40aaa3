/** `oso-testbank certs --out DIR`, run as a vendor would: the whole set of files, the README, reuse, usage errors. */
import { expect, test } from '@playwright/test';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { catalogueIds } from '../../certs/catalogue-entries.ts';
import { testPkiParties } from '../../certs/parties.ts';
import { runCli } from '../cli/run-cli.ts';

const openssl = '/usr/bin/openssl';

test('certs --out DIR writes the PKI, the catalogue, the CRLs and a README that names them all; a second run reuses them', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'oso-testbank-certs-'));
  try {
    const first = await runCli(['certs', '--out', dir]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^Test PKI generated \(root, intermediate, leaves, catalogue\) in \d+ ms: /);
    expect(first.stdout).toContain('Trust anchor: root.crt (OSO Testbank Test-Root');
    for (const id of catalogueIds) expect(first.stdout, id).toMatch(new RegExp(`^${id} `, 'm'));
    for (const party of testPkiParties) expect(first.stdout).toContain(party.oin);

    const files = [
      'root.crt',
      'root.key',
      'intermediate.crt',
      'intermediate.key',
      'ca-bundle.crt',
      'pki.json',
      'README.md',
      ...testPkiParties.flatMap(({ id }) => [`${id}.crt`, `${id}.chain.crt`, `${id}.key`]),
      ...['crl.pem', 'crl-intermediate.pem', 'crl-root.pem', 'catalogus.json', 'onbekende-ca.uitgever.crt'].map((name) => join('catalogus', name)),
      ...catalogueIds.flatMap((id) => [`${id}.crt`, `${id}.chain.crt`, `${id}.key`].map((name) => join('catalogus', name))),
    ];
    for (const file of files) expect(existsSync(join(dir, file)), file).toBe(true);

    const readme = await readFile(join(dir, 'README.md'), 'utf8');
    expect(readme).toContain('Alleen voor testomgevingen');
    for (const id of catalogueIds) expect(readme, id).toContain(`| \`${id}\` |`);
    for (const instruction of ['keytool -importcert', 'Import-Certificate', 'Import-PfxCertificate', 'ssl_client_certificate', 'ssl_crl', 'SSLCACertificateFile', 'SSLCARevocationFile']) {
      expect(readme, instruction).toContain(instruction);
    }
    expect(readme).toContain('`reference-las.chain.crt` met sleutel `reference-las.key`');

    const second = await runCli(['certs', '--out', dir]);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/^Test PKI reused in \d+ ms: /);
    expect(await readFile(join(dir, 'README.md'), 'utf8')).toBe(readme);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('every openssl command in the README, run in DIR, prints what the README says it will', async () => {
  test.skip(!existsSync(openssl), 'openssl is not installed');
  const dir = await mkdtemp(join(tmpdir(), 'oso-testbank-certs-'));
  try {
    expect((await runCli(['certs', '--out', dir])).code).toBe(0);
    const readme = await readFile(join(dir, 'README.md'), 'utf8');
    const commands = [...readme.matchAll(/^# (\S+) — verwacht: (.+)\nopenssl (.+)$/gm)];
    expect(commands.map(([, id]) => id)).toEqual([...catalogueIds]);
    for (const [, id, expected, args] of commands) {
      const output = await promisify(execFile)(openssl, args!.split(' '), { cwd: dir }).then(
        ({ stdout, stderr }) => stdout + stderr,
        (error: { stdout: string; stderr: string }) => error.stdout + error.stderr,
      );
      expect(output, id).toContain(expected!);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('certs with an empty --out or an unknown option is a usage error', async () => {
  const empty = await runCli(['certs', '--out', '']);
  expect(empty.code).toBe(2);
  expect(empty.stderr).toContain('needs a directory');
  const unknown = await runCli(['certs', '--onbekend']);
  expect(unknown.code).toBe(2);
  expect(unknown.stderr).toContain('Usage: oso-testbank certs');
});
