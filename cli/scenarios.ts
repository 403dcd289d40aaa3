/** `oso-testbank scenarios [--json]`: the scenario catalogue, the requirements and their coverage. */
import { parseCommandArgs } from './command-args.ts';
import { loadRequirements } from '../suites/requirements.ts';
import { allEisen, qualificationCatalogue } from '../suites/catalogue.ts';
import { SourceError } from '../suites/yaml-source.ts';

const usage = `Usage: oso-testbank scenarios [--json]

  --json   machine-readable: {"scenarios": [{"id","title","roles","requirements"}], "requirements": [{"id","text","source","scenarios"}]}
`;

export async function runScenarios(args: string[]): Promise<number> {
  const parsed = parseCommandArgs('scenarios', usage, { args, options: { json: { type: 'boolean' }, help: { type: 'boolean' } }, strict: true });
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  let requirements, scenarios;
  try {
    requirements = loadRequirements();
    scenarios = qualificationCatalogue(requirements);
  } catch (e) {
    if (e instanceof SourceError) {
      process.stderr.write(`oso-testbank scenarios: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  const coverage = [...requirements.values()].map((r) => ({
    id: r.id,
    text: r.tekst,
    source: r.bron,
    scenarios: scenarios.filter((s) => allEisen(s).includes(r.id)).map((s) => s.id),
  }));
  if (values.json) {
    const out = {
      scenarios: scenarios.map((s) => ({ id: s.id, title: s.titel, roles: s.rollen, requirements: allEisen(s) })),
      requirements: coverage,
    };
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    return 0;
  }
  // The titles and requirement texts are the catalogue's own, in Dutch: quoted in the English frame.
  process.stdout.write(`Scenarios (${scenarios.length})\n`);
  for (const s of scenarios) process.stdout.write(`  ${s.id.padEnd(24)} ${s.rollen.join('+').padEnd(10)} ${s.titel}\n${' '.repeat(38)}requirements: ${allEisen(s).join(', ')}\n`);
  process.stdout.write(`\nRequirements (${coverage.length})\n`);
  for (const r of coverage) process.stdout.write(`  ${r.id.padEnd(8)} ${(r.scenarios.join(', ') || 'NOT COVERED').padEnd(24)} ${r.text}\n`);
  return 0;
}
