/**
 * The evidence bundle of a qualification (DIR/evidence/): the ordered message log of every run, hash-chained, and the
 * signed manifest of every file in the report folder. `oso-testbank verify DIR` checks it offline.
 *
 * A merged report (oso-testbank merge) keeps each part's bundle under evidence/delen/<n>/ — its log, its signed
 * manifest, and the files its verdict rests on — and chains the same messages anew into one log, in the order a single
 * run writes them, under a manifest signed by the merging harness. verify checks both levels and that they agree.
 */
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { runLogFileName, type RunLog } from '../suites/run-settings.ts';
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

interface BundleOptions {
  reportDir: string;
  harness: Manifest['harness'];
  signer: Signer;
}

/** Chains the records into the message log, then signs the manifest of every file in the folder: last, it covers them all. */
async function writeSignedBundle(
  options: BundleOptions,
  records: readonly Record<string, unknown>[],
  delen?: Manifest['delen'],
): Promise<{ berichten: number; bestanden: number }> {
  await mkdir(join(options.reportDir, 'evidence'), { recursive: true });
  const { lines, laatsteHash } = chain(records);
  await writeFile(join(options.reportDir, MESSAGE_LOG), lines.length ? `${lines.join('\n')}\n` : '');
  const manifest = await buildManifest(options.reportDir, {
    harness: options.harness,
    datum: new Date().toISOString(),
    berichtenlog: { pad: MESSAGE_LOG, regels: lines.length, laatsteHash },
    ...(delen ? { delen } : {}),
  });
  const text = `${JSON.stringify(manifest, null, 2)}\n`;
  await writeFile(join(options.reportDir, MANIFEST), text);
  await writeFile(join(options.reportDir, SIGNATURE), `${sign(text, options.signer)}\n`);
  await writeFile(join(options.reportDir, SIGNER_CERTIFICATE), options.signer.certPem);
  return { berichten: lines.length, bestanden: manifest.bestanden.length };
}

export async function writeEvidenceBundle(options: BundleOptions & { runLogDir: string }): Promise<{ berichten: number; bestanden: number }> {
  return writeSignedBundle(options, await assembleLog(options.runLogDir));
}

export const PARTS_DIR = 'evidence/delen';

/** What a merged bundle keeps of a part: its own bundle and the files its verdict and evidence rest on. */
const meegenomen = (pad: string) => pad === 'kwalificatie.json' || pad.startsWith('evidence/') || pad.startsWith('operator/');

/** The records of a chained log without their chain fields. */
function records(log: string): Record<string, unknown>[] {
  return log
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) => {
      const { index: _i, vorigeHash: _v, hash: _h, ...record } = JSON.parse(l) as Record<string, unknown>;
      return record;
    });
}

/** The parts' messages in the order one run of them all would log them: runs in the order of their log files. */
function mergedRecords(partLogs: readonly string[]): Record<string, unknown>[] {
  const file = (r: Record<string, unknown>) => {
    const [id = '', rol = ''] = String(r['run']).split('/');
    return runLogFileName(id, rol);
  };
  return partLogs.flatMap(records).sort((a, b) => (file(a) < file(b) ? -1 : file(a) > file(b) ? 1 : 0));
}

/**
 * The bundle of a merged report. Every part must have been verified (verifyEvidenceBundle) by the caller: the merge's
 * signature vouches for what the parts held.
 */
export async function writeMergedEvidenceBundle(
  options: BundleOptions & { parts: { dir: string; manifest: Manifest; ondertekenaar: string }[] },
): Promise<{ berichten: number; bestanden: number }> {
  const delen: NonNullable<Manifest['delen']> = [];
  const logs: string[] = [];
  for (const [i, part] of options.parts.entries()) {
    const map = `${PARTS_DIR}/${i + 1}`;
    for (const pad of [...part.manifest.bestanden.map((b) => b.pad).filter(meegenomen), MANIFEST, SIGNATURE, SIGNER_CERTIFICATE]) {
      const doel = join(options.reportDir, map, pad);
      await mkdir(dirname(doel), { recursive: true });
      await copyFile(join(part.dir, pad), doel);
    }
    logs.push(await readFile(join(part.dir, MESSAGE_LOG), 'utf8'));
    delen.push({ map, ondertekenaar: part.ondertekenaar });
  }
  return writeSignedBundle(options, mergedRecords(logs), delen);
}

/** Everything wrong with a bundle: signature, files, and the message log line by line. */
export async function verifyEvidenceBundle(reportDir: string): Promise<BundleCheck> {
  const check = await checkManifest(reportDir);
  if (!check.manifest) return check;
  const log = await readFile(join(reportDir, MESSAGE_LOG), 'utf8').catch(() => undefined);
  if (log !== undefined) check.problemen.push(...checkChain(log, check.manifest.berichtenlog).map((p) => `${MESSAGE_LOG}: ${p}`));
  if (check.manifest.delen) await checkParts(reportDir, check.manifest.delen, log, check);
  return check;
}

/** Each part of a merged bundle on its own (signature, carried files, chain), and the merged log against the parts' logs. */
async function checkParts(reportDir: string, delen: NonNullable<Manifest['delen']>, log: string | undefined, check: BundleCheck): Promise<void> {
  check.delen = [];
  const partLogs: string[] = [];
  for (const deel of delen) {
    const dir = join(reportDir, deel.map);
    const sub = await checkManifest(dir, { meegenomen: true });
    check.delen.push({ map: deel.map, ...(sub.ondertekenaar ? { ondertekenaar: sub.ondertekenaar } : {}) });
    const problemen = [...sub.problemen];
    if (sub.manifest) {
      const partLog = await readFile(join(dir, MESSAGE_LOG), 'utf8').catch(() => undefined);
      if (partLog === undefined) problemen.push(`${MESSAGE_LOG} is missing`);
      else {
        problemen.push(...checkChain(partLog, sub.manifest.berichtenlog).map((p) => `${MESSAGE_LOG}: ${p}`));
        partLogs.push(partLog);
      }
    }
    if (sub.ondertekenaar && sub.ondertekenaar.sha256 !== deel.ondertekenaar)
      problemen.push(`signed with another certificate (SHA-256 ${sub.ondertekenaar.sha256}) than the merged manifest names`);
    check.problemen.push(...problemen.map((p) => `${deel.map}: ${p}`));
  }
  if (log === undefined || partLogs.length < delen.length) return;
  let gelijk = false;
  try {
    gelijk = JSON.stringify(records(log)) === JSON.stringify(mergedRecords(partLogs));
  } catch {
    // A line that is no JSON any more: the chain check above has named it.
  }
  if (!gelijk) check.problemen.push(`${MESSAGE_LOG}: does not hold exactly the messages of the parts`);
}
