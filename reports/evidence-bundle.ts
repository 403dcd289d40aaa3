/**
 * The evidence bundle of a qualification (DIR/evidence/): the ordered message log of every run, hash-chained, and the
 * signed manifest of every file in the report folder. `oso-testbank verify DIR` checks it offline.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunLog } from '../suites/run-settings.ts';
import { chain, checkChain } from './evidence-log.ts';
import { buildManifest, checkManifest, MANIFEST, sign, SIGNATURE, SIGNER_CERTIFICATE, type BundleCheck, type Manifest, type Signer } from './manifest.ts';

export const MESSAGE_LOG = 'evidence/berichten.jsonl';

/** The message log: runs in name order, each run's exchanges in the order they completed. */
async function assembleLog(runLogDir: string): Promise<Record<string, unknown>[]> {
  const files = (await readdir(runLogDir).catch(() => [] as string[])).filter((f) => f.endsWith('.json')).sort();
  const records: Record<string, unknown>[] = [];
  for (const file of files) {
    const log = JSON.parse(await readFile(join(runLogDir, file), 'utf8')) as RunLog;
    for (const e of log.exchanges) records.push({ soort: 'bericht', run: log.run, ...e });
    for (const h of log.handshakeFailures) records.push({ soort: 'tls-handshake-mislukt', run: log.run, ...h });
  }
  return records;
}

export async function writeEvidenceBundle(options: {
  reportDir: string;
  runLogDir: string;
  harness: Manifest['harness'];
  signer: Signer;
}): Promise<{ berichten: number; bestanden: number }> {
  await mkdir(join(options.reportDir, 'evidence'), { recursive: true });
  const { lines, laatsteHash } = chain(await assembleLog(options.runLogDir));
  await writeFile(join(options.reportDir, MESSAGE_LOG), lines.length ? `${lines.join('\n')}\n` : '');
  const manifest = await buildManifest(options.reportDir, {
    harness: options.harness,
    datum: new Date().toISOString(),
    berichtenlog: { pad: MESSAGE_LOG, regels: lines.length, laatsteHash },
  });
  const text = `${JSON.stringify(manifest, null, 2)}\n`;
  await writeFile(join(options.reportDir, MANIFEST), text);
  await writeFile(join(options.reportDir, SIGNATURE), `${sign(text, options.signer)}\n`);
  await writeFile(join(options.reportDir, SIGNER_CERTIFICATE), options.signer.certPem);
  return { berichten: lines.length, bestanden: manifest.bestanden.length };
}

/** Everything wrong with a bundle: signature, files, and the message log line by line. */
export async function verifyEvidenceBundle(reportDir: string): Promise<BundleCheck> {
  const check = await checkManifest(reportDir);
  if (!check.manifest) return check;
  const log = await readFile(join(reportDir, MESSAGE_LOG), 'utf8').catch(() => undefined);
  if (log !== undefined) check.problemen.push(...checkChain(log, check.manifest.berichtenlog).map((p) => `${MESSAGE_LOG}: ${p}`));
  return check;
}
