/** The oso-testbank command line: one subcommand per job; exit codes are part of the stable surface (architecture.md). */
import { didYouMean } from './did-you-mean.ts';
import { harnessVersion } from './harness-version.ts';
import { gegevensset2019 } from '../simulator/dossier/gegevensset.ts';
import { oso2021 } from '../simulator/protocol/profile.ts';

/**
 * Each command's module is loaded when that command runs: loaded all at once, `validate` of one small file spent two
 * thirds of its 2.5 s of CPU reading the server, store and browser code of the other commands.
 */
const commands: Record<string, { run: (args: string[]) => Promise<number>; summary: string }> = {
  qualify: { run: (a) => import('./qualify.ts').then((m) => m.runQualify(a)), summary: 'run the qualification against a LAS (default: the embedded reference LAS) and write the report' },
  scenarios: { run: (a) => import('./scenarios.ts').then((m) => m.runScenarios(a)), summary: 'list the scenarios, the requirements and which scenario verifies which requirement' },
  certs: { run: (a) => import('./certs.ts').then((m) => m.runCerts(a)), summary: 'issue (or reuse) the test PKI: CA and certificates of the TC, testscholen and reference LAS' },
  merge: { run: (a) => import('./merge.ts').then((m) => m.runMerge(a)), summary: 'join the report folders of the parts of a sharded qualification into one report with one verdict' },
  verify: { run: (a) => import('./verify.ts').then((m) => m.runVerify(a)), summary: 'check the evidence bundle of a report folder: signature, file hashes, message-log chain' },
  validate: { run: (a) => import('./validate.ts').then((m) => m.runValidate(a)), summary: 'validate dossier files against the gegevensset (schema, content rules, check digits, attachments)' },
  'reference-las': { run: (a) => import('./reference-las.ts').then((m) => m.runReferenceLas(a)), summary: 'run the reference LAS standalone as a vendor LAS would run, or list its named faults (--list-faults)' },
  serve: { run: (a) => import('./serve.ts').then((m) => m.runServe(a)), summary: 'run the TC, register, testscholen, machine API and portal as one long-running HTTPS service' },
  belasting: { run: (a) => import('./belasting.ts').then((m) => m.runBelastingCommand(a)), summary: 'capacity test: drive a LAS open-loop at the national peak (or a ramp) and report throughput, latency and the breaking point' },
  doctor: { run: (a) => import('./doctor.ts').then((m) => m.runDoctor(a)), summary: 'preflight before a qualification: configuration, certificates, reachability, TLS, ports, control API' },
};

/** Commands of the design that this version does not have yet: say so plainly instead of "unknown command". */
const notYetBuilt: string[] = [];

/** The harness version and what it qualifies against: what a bug report or a CI log needs to say. */
async function version(): Promise<string> {
  return `oso-testbank ${await harnessVersion()}\nprotocol ${oso2021.release} (${oso2021.namespace})\ngegevensset ${gegevensset2019.versie} (${gegevensset2019.namespace})\nnode ${process.versions.node}\n`;
}

const usage = () =>
  `Usage: oso-testbank <command> [options]
       oso-testbank --version\n\nCommands:\n${Object.entries(commands)
    .map(([name, c]) => `  ${name.padEnd(14)} ${c.summary}`)
    .join('\n')}\n\nRun 'oso-testbank <command> --help' for the options of a command.\n`;

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage());
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-V' || name === 'version') {
    process.stdout.write(await version());
    return 0;
  }
  const command = commands[name];
  if (command) return command.run(rest);
  if (notYetBuilt.includes(name)) {
    process.stderr.write(`oso-testbank: '${name}' is part of the design but not available in this version yet.\n`);
    return 2;
  }
  process.stderr.write(`oso-testbank: unknown command '${name}'.${didYouMean(name, Object.keys(commands))}\n\n${usage()}`);
  return 2;
}
