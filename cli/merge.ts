/**
 * `oso-testbank merge DIR... [--report OUT]`: joins the report folders of the parts of one qualification (qualify --shard
 * I/N, on several machines) into one report: one kwalificatie.json with one verdict, the summary page, one Allure report
 * of all parts' results, merged JUnit, and one evidence bundle signed by this harness that keeps each part's bundle.
 * Exit 0 = GESLAAGD or ONVOLLEDIG, 1 = NIET GESLAAGD (or ONVOLLEDIG with --strict), 2 = usage error or parts that cannot
 * be merged (not intact, of different runs, duplicated).
 */
import { X509Certificate } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { defaultCertDir } from '../certs/location.ts';
import { ensureHarnessSigner } from '../certs/harness-signer.ts';
import { environmentProperties } from '../reports/allure-environment.ts';
import { allureKoppelingen } from '../reports/allure-koppeling.ts';
import { renderAllureReport } from '../reports/allure-report.ts';
import { verifyEvidenceBundle, writeMergedEvidenceBundle } from '../reports/evidence-bundle.ts';
import { mergeJunit } from '../reports/junit.ts';
import type { Kwalificatie } from '../reports/kwalificatie.ts';
import type { Manifest } from '../reports/manifest.ts';
import { exitCode, verdictTekst } from '../reports/oordeel.ts';
import { maakRapportmap } from '../reports/rapportmap.ts';
import { renderSamenvatting } from '../reports/samenvatting.ts';
import { MergeFout, samenvoegen } from '../reports/samenvoegen.ts';
import { loadRequirements } from '../suites/requirements.ts';
import { harnessVersion } from './harness-version.ts';
import { summary } from './report-summary.ts';

const repoRoot = fileURLToPath(new URL('../', import.meta.url));

const usage = `Usage: oso-testbank merge DIR... [--report OUT] [--strict]

Joins the report folders of the parts of one qualification (qualify --shard I/N) into one report with one verdict.
Every part must be intact (as verify checks it) and of the same run: the same SUT and version, harness version,
faults, seed and selection; each part and each run once. Parts that do not add up to the full set give ONVOLLEDIG.

  --report OUT   where the merged report goes (default: reports/latest-merged); a folder holding anything but an
                 earlier report is refused
  --strict       exit 1 for ONVOLLEDIG too: for a CI step that must prove the whole qualification

The merged evidence keeps each part's signed bundle under evidence/delen/<n>/ and is signed anew by this harness;
oso-testbank verify OUT checks both.
Exit codes: 0 GESLAAGD or ONVOLLEDIG, 1 NIET GESLAAGD (and ONVOLLEDIG with --strict), 2 usage error or parts that
cannot be merged.
`;

const fail = (message: string) => {
  process.stderr.write(`oso-testbank merge: ${message}\n`);
  return 2;
};

/** Whether dir is ouder or lies inside it. */
function binnen(dir: string, ouder: string): boolean {
  const pad = relative(ouder, dir);
  return pad === '' || (!pad.startsWith('..') && !isAbsolute(pad));
}

export async function runMerge(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { report: { type: 'string' }, strict: { type: 'boolean' }, help: { type: 'boolean' } }, strict: true });
  } catch (e) {
    process.stderr.write(`oso-testbank merge: ${(e as Error).message}\n\n${usage}`);
    return 2;
  }
  if (parsed.values.help) {
    process.stdout.write(usage);
    return 0;
  }
  if (parsed.positionals.length === 0) {
    process.stderr.write(`oso-testbank merge: give the report folders of the parts.\n\n${usage}`);
    return 2;
  }
  const dirs = parsed.positionals.map((d) => resolve(d));
  const outDir = resolve(process.cwd(), parsed.values.report ?? join(repoRoot, 'reports/latest-merged'));

  // The parts: each given once, each a report folder, none the output, each intact.
  for (const [i, dir] of dirs.entries()) {
    const eerder = dirs.indexOf(dir);
    if (eerder !== i) return fail(`${parsed.positionals[i]} is given twice.`);
    if (!existsSync(join(dir, 'kwalificatie.json'))) return fail(`${parsed.positionals[i]} is not a report folder (no kwalificatie.json).`);
    if (binnen(outDir, dir) || binnen(dir, outDir)) return fail(`--report ${outDir} overlaps with the part ${parsed.positionals[i]}; choose another folder.`);
  }
  const versie = await harnessVersion();
  const delen: { map: string; dir: string; kwalificatie: Kwalificatie; manifest: Manifest; ondertekenaar: string }[] = [];
  for (const [i, dir] of dirs.entries()) {
    const map = parsed.positionals[i]!;
    const check = await verifyEvidenceBundle(dir);
    if (!check.manifest || !check.ondertekenaar || check.problemen.length)
      return fail(`${map} is not intact, so it cannot be merged (oso-testbank verify ${map}):\n${check.problemen.map((p) => `  - ${p}`).join('\n')}`);
    const kwalificatie = JSON.parse(await readFile(join(dir, 'kwalificatie.json'), 'utf8')) as Kwalificatie;
    if (kwalificatie.harness?.versie !== versie || !kwalificatie.reikwijdte || !kwalificatie.selectie?.runs)
      return fail(`${map} was made by oso-testbank ${kwalificatie.harness?.versie ?? '(unknown)'}; merge parts made by this version (${versie}).`);
    delen.push({ map, dir, kwalificatie, manifest: check.manifest, ondertekenaar: check.ondertekenaar.sha256 });
  }
  let kwalificatie: Kwalificatie;
  try {
    kwalificatie = samenvoegen(delen);
  } catch (e) {
    if (e instanceof MergeFout) return fail(e.message);
    throw e;
  }

  let signer;
  try {
    const refused = await maakRapportmap(outDir);
    if (refused) return fail(refused);
    signer = await ensureHarnessSigner(defaultCertDir);
  } catch (e) {
    return fail(`cannot prepare ${outDir} or the signing key: ${(e as Error).message}`);
  }
  process.stdout.write(`Merging ${delen.length} ${delen.length === 1 ? 'part' : 'parts'} of the qualification of ${kwalificatie.sut.naam} ${kwalificatie.sut.versie}\n`);
  await writeFile(join(outDir, 'kwalificatie.json'), `${JSON.stringify(kwalificatie, null, 2)}\n`);
  await writeFile(
    join(outDir, 'samenvatting.html'),
    renderSamenvatting(kwalificatie, {
      catalogus: loadRequirements(),
      allure: await allureKoppelingen(delen.map((d) => join(d.dir, 'allure-results'))),
      ondertekenaar: new X509Certificate(signer.certPem).fingerprint256,
    }),
  );

  // What could not be written is said, and everything written so far is kept.
  let complete = true;
  const resultsDir = join(outDir, 'allure-results');
  try {
    await mkdir(resultsDir, { recursive: true });
    for (const d of delen) {
      const from = join(d.dir, 'allure-results');
      // Result and attachment files carry unique names; only the environment panel is the merge's own.
      for (const f of existsSync(from) ? await readdir(from) : []) if (f !== 'environment.properties') await copyFile(join(from, f), join(resultsDir, f));
    }
    await writeFile(join(resultsDir, 'environment.properties'), environmentProperties(kwalificatie));
    await renderAllureReport({ resultsDir, outputDir: outDir, reportName: `OSO Testbank kwalificatie — ${kwalificatie.sut.naam} — ${verdictTekst[kwalificatie.verdict]}` });
  } catch (e) {
    complete = false;
    process.stderr.write(`oso-testbank merge: the Allure report could not be rendered: ${(e as Error).message}\n`);
  }
  try {
    if (delen.every((d) => existsSync(join(d.dir, 'junit.xml'))))
      await writeFile(join(outDir, 'junit.xml'), mergeJunit(await Promise.all(delen.map((d) => readFile(join(d.dir, 'junit.xml'), 'utf8')))));
    else process.stderr.write('oso-testbank merge: not every part has a junit.xml; the merged report has none.\n');
  } catch (e) {
    process.stderr.write(`oso-testbank merge: junit.xml could not be merged: ${(e as Error).message}\n`);
  }
  try {
    // Last: the manifest covers every file the merge wrote.
    await writeMergedEvidenceBundle({ reportDir: outDir, harness: { naam: 'oso-testbank', versie }, signer, parts: delen });
  } catch (e) {
    complete = false;
    process.stderr.write(`oso-testbank merge: the evidence bundle could not be written: ${(e as Error).message}\n`);
  }
  process.stdout.write(summary(kwalificatie, outDir));
  if (!complete) return 2;
  return exitCode(kwalificatie.verdict, parsed.values.strict);
}
