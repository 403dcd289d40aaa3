import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultCertDir } from '../certs/location.ts';
import { ensureTestPki } from '../certs/pki.ts';

const usage = `Usage: oso-testbank certs [--out DIR]

Issues the test CA and a certificate per harness party (Traffic Center, testscholen, reference LAS),
or reuses the ones in DIR while they still fit and stay valid for 30 more days.

  --out DIR   where ca.crt, <party>.crt, <party>.key and pki.json go (default: certs/generated in this repository)
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
    process.stderr.write(`oso-testbank certs: ${(error as Error).message}\n\n${usage}`);
    return 2;
  }

  const dir = out === undefined ? defaultCertDir : resolve(process.cwd(), out);
  const started = performance.now();
  let result: Awaited<ReturnType<typeof ensureTestPki>>;
  try {
    result = await ensureTestPki({ dir });
  } catch (error) {
    process.stderr.write(`oso-testbank certs: could not write the test PKI to ${dir}: ${(error as Error).message}\n`);
    return 1;
  }
  const elapsedMs = Math.round(performance.now() - started);

  const { pki, generated } = result;
  const rows = [['party', 'OIN', 'notAfter', 'SHA-256 fingerprint']];
  for (const issued of pki.parties.values()) {
    rows.push([issued.partyId, issued.oin, issued.notAfter.toISOString().slice(0, 10), issued.sha256Fingerprint]);
  }
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const table = rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd());
  process.stdout.write(
    `Test PKI ${generated ? 'generated' : 'reused'} in ${elapsedMs} ms: ${pki.dir}\n` +
      `CA: ${pki.caCertPath}\n\n${table.join('\n')}\n`,
  );
  return 0;
}
