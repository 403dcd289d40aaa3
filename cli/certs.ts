import { writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { argumentError } from './did-you-mean.ts';
import { ensureCertificateCatalogue } from '../certs/catalogue.ts';
import { catalogueIds } from '../certs/catalogue-entries.ts';
import { defaultCertDir } from '../certs/location.ts';
import { renderVendorReadme } from '../certs/vendor-readme.ts';

const usage = `Usage: oso-testbank certs [--out DIR]

Issues the test PKI (root, intermediate, and a certificate per harness party: Traffic Center, testscholen,
reference LAS) and the catalogue of bad certificates with its CRL, or reuses what is in DIR while it still fits
and stays valid for 30 more days. Writes README.md in DIR: which file is which, what each bad certificate
tests, and how a vendor installs the trust anchor and its own test certificate.

  --out DIR   where root.crt, intermediate.crt, <party>.crt|.chain.crt|.key, catalogus/ and README.md go
              (default: certs/generated in this repository)
  --help      show this text
`;

export async function runCerts(args: string[]): Promise<number> {
  let out: string | undefined;
  try {
    const { values } = parseArgs({ args, options: { out: { type: 'string' }, help: { type: 'boolean' } }, strict: true });
    if (values.help) {
      process.stdout.write(usage);
      return 0;
    }
    if (values.out === '') throw new Error("Option '--out <value>' needs a directory");
    out = values.out;
  } catch (error) {
    process.stderr.write(`oso-testbank certs: ${argumentError(error, usage)}\n\n${usage}`);
    return 2;
  }

  const dir = out === undefined ? defaultCertDir : resolve(process.cwd(), out);
  const started = performance.now();
  let result: Awaited<ReturnType<typeof ensureCertificateCatalogue>>;
  const readmePath = join(dir, 'README.md');
  try {
    result = await ensureCertificateCatalogue({ dir });
    await writeFile(readmePath, renderVendorReadme(result.pki, result.catalogue));
  } catch (error) {
    process.stderr.write(`oso-testbank certs: could not write the test PKI to ${dir}: ${(error as Error).message}\n`);
    return 1;
  }
  const elapsedMs = Math.round(performance.now() - started);

  const { pki, catalogue, generated, reissued } = result;
  const file = (path: string) => relative(pki.dir, path);
  const parties = [['party', 'OIN', 'notAfter', 'SHA-256 fingerprint']];
  for (const issued of pki.parties.values()) {
    parties.push([issued.partyId, issued.oin, day(issued.notAfter), issued.sha256Fingerprint]);
  }
  const bad = [['catalogue', 'direction', 'OIN', 'notBefore', 'notAfter', 'expected refusal']];
  for (const id of catalogueIds) {
    const entry = catalogue.certificates[id];
    const refusal = entry.expectedError ? `${entry.expectedError.openssl.code} (openssl ${entry.expectedError.openssl.number})` : 'none in TLS: refused on the message (OIN)';
    bad.push([id, entry.richting.join('+'), entry.oin, day(entry.notBefore), day(entry.notAfter), refusal]);
  }
  const levels = (Object.keys(reissued) as (keyof typeof reissued)[]).filter((level) => reissued[level]);
  process.stdout.write(
    `Test PKI ${generated ? `generated (${levels.join(', ')})` : 'reused'} in ${elapsedMs} ms: ${pki.dir}\n` +
      `Trust anchor: ${file(pki.root.certPath)} (${pki.root.name.commonName}, until ${day(pki.root.notAfter)})\n` +
      `Intermediate: ${file(pki.intermediate.certPath)} (${pki.intermediate.name.commonName}, until ${day(pki.intermediate.notAfter)})\n\n` +
      `${table(parties)}\n\n${table(bad)}\n\n` +
      `CRL: ${file(catalogue.crl.path)} (revokes ${catalogue.crl.revokedSerialNumbers.length}, next update ${day(catalogue.crl.nextUpdate)})\n` +
      `README: ${file(readmePath)}\n`,
  );
  return 0;
}

function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd()).join('\n');
}
