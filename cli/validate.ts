/**
 * oso-testbank validate [--json] [--gegevensset VERSION] FILE...
 *
 * Judges dossier files as the official toolchain does (schema + content rules, with the official rule ids) plus the
 * harness's own checks (check digits, attachments). Exit codes (architecture.md): 0 all valid, 1 findings (an error in
 * at least one dossier), 2 unreadable input (a file that cannot be read, is not XML, or hides a DTD) or a usage error.
 * Every file is reported, also when another one is unreadable.
 */
import { didYouMean } from './did-you-mean.ts';
import { readFile, stat } from 'node:fs/promises';
import type { Finding } from '../simulator/dossier/finding.ts';
import { OnbekendeGegevenssetFout, resolveVersie, validateDossier, type ValidationResult } from '../simulator/dossier/validator.ts';
import type { VolledigeVersie } from '../simulator/dossier/versies/index.ts';

const usage = `Usage: oso-testbank validate [--json] [--gegevensset VERSION] FILE...

Validates OSO dossiers (gegevensset XML) and reports every finding with its rule id and location.
  --json                 print an array of {file, valid, gegevensset, profile, findings[{rule, severity, path, message}]}
  --gegevensset VERSION  the release to validate against (default: 2019.1)
Exit codes: 0 all valid, 1 findings, 2 unreadable input or usage error.
`;

// No size limit exists in the standard; this one only keeps a stray multi-gigabyte file from exhausting memory.
const maximaleBestandsgrootte = 512 * 1024 * 1024;

interface Uitslag extends ValidationResult {
  file: string;
}

interface Opties {
  json: boolean;
  gegevensset?: string;
  bestanden: string[];
}

function leesArgumenten(args: string[]): Opties | string {
  const opties: Opties = { json: false, bestanden: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--json') opties.json = true;
    else if (a === '--gegevensset') {
      const v = args[++i];
      if (v === undefined || v.startsWith('--')) return 'oso-testbank validate: --gegevensset needs a version, e.g. --gegevensset 2019.1';
      opties.gegevensset = v;
    } else if (a.startsWith('--gegevensset=')) opties.gegevensset = a.slice('--gegevensset='.length);
    else if (a === '--') opties.bestanden.push(...args.slice(i + 1)), (i = args.length);
    else if (a.startsWith('-') && a !== '-') return `oso-testbank validate: unknown option '${a}'.${didYouMean(a.split('=')[0]!, ['--json', '--gegevensset'])}`;
    else opties.bestanden.push(a);
  }
  if (opties.bestanden.length === 0) return 'oso-testbank validate: no file given';
  return opties;
}

function onleesbaar(file: string, message: string): Uitslag {
  return { file, valid: false, gegevensset: null, profile: null, unreadable: true, findings: [{ rule: 'XML.onleesbaar', severity: 'error', path: '/', message }] };
}

async function valideerBestand(file: string, versie: VolledigeVersie): Promise<Uitslag> {
  let bytes: Buffer;
  try {
    const info = await stat(file);
    if (info.isDirectory()) return onleesbaar(file, `Bestand niet te lezen: ${file} is een map, geen bestand.`);
    if (info.size > maximaleBestandsgrootte) return onleesbaar(file, `Bestand niet te lezen: ${file} is ${Math.round(info.size / 1024 / 1024)} MB, meer dan de ${maximaleBestandsgrootte / 1024 / 1024} MB die validate leest.`);
    bytes = await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reden = code === 'ENOENT' ? 'bestaat niet' : code === 'EACCES' || code === 'EPERM' ? 'geen leesrechten' : (e as Error).message;
    return onleesbaar(file, `Bestand niet te lezen: ${file} (${reden}).`);
  }
  return { file, ...validateDossier(bytes, { gegevensset: versie }) };
}

// The frame is English, like every command; the findings quote the official (Dutch) rule texts.
const ernst = (f: Finding) => (f.severity === 'error' ? 'error' : 'warning');
const count = (n: number, one: string, more: string) => `${n} ${n === 1 ? one : more}`;

function leesbaar(u: Uitslag): string {
  const errors = u.findings.filter((f) => f.severity === 'error').length;
  const warnings = u.findings.length - errors;
  const kop = u.unreadable
    ? `${u.file}: UNREADABLE`
    : `${u.file}: ${u.valid ? 'VALID' : 'INVALID'} — gegevensset ${u.gegevensset ?? 'unknown'}, profile ${u.profile ?? 'unknown'}` +
      (u.findings.length ? ` (${[errors ? count(errors, 'error', 'errors') : '', warnings ? count(warnings, 'warning', 'warnings') : ''].filter(Boolean).join(', ')})` : '');
  const regels = u.findings.map((f) => `  ${ernst(f)} ${f.rule}  ${f.path}\n      ${f.message}`);
  return [kop, ...regels].join('\n');
}

export async function runValidate(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(usage);
    return 0;
  }
  const opties = leesArgumenten(args);
  if (typeof opties === 'string') {
    process.stderr.write(`${opties}\n\n${usage}`);
    return 2;
  }
  let versie: VolledigeVersie;
  try {
    versie = resolveVersie(opties.gegevensset);
  } catch (e) {
    if (e instanceof OnbekendeGegevenssetFout) {
      process.stderr.write(`oso-testbank validate: ${e.message}\n`);
      return 2;
    }
    throw e;
  }

  const uitslagen: Uitslag[] = [];
  for (const file of opties.bestanden) {
    const u = await valideerBestand(file, versie);
    uitslagen.push(u);
    if (u.unreadable) process.stderr.write(`oso-testbank validate: ${file}: ${u.findings[0]?.message ?? 'unreadable'}\n`);
    if (!opties.json) process.stdout.write(`${leesbaar(u)}\n`);
  }

  if (opties.json) {
    const uit = uitslagen.map(({ file, valid, gegevensset, profile, findings }) => ({ file, valid, gegevensset, profile, findings }));
    process.stdout.write(`${JSON.stringify(uit, null, 2)}\n`);
  } else {
    const onleesbaarAantal = uitslagen.filter((u) => u.unreadable).length;
    const geldig = uitslagen.filter((u) => u.valid).length;
    process.stdout.write(
      `\nTotal: ${count(uitslagen.length, 'file', 'files')} — ${geldig} valid, ${uitslagen.length - geldig - onleesbaarAantal} invalid, ${onleesbaarAantal} unreadable (gegevensset ${versie.versie}).\n`,
    );
  }
  if (uitslagen.some((u) => u.unreadable)) return 2;
  return uitslagen.every((u) => u.valid) ? 0 : 1;
}
