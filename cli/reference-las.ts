import { parseArgs } from 'node:util';
import { referenceLasFaults } from '../simulator/reference-las/faults.ts';

const usage = `Usage: oso-testbank reference-las --list-faults

  --list-faults   print the named faults of the embedded reference LAS, one name a line (use them with qualify --fault)
  --verbose       with --list-faults: add what each fault does

The reference LAS runs embedded in 'oso-testbank qualify'; running it standalone for a school's own exchange is not
available in this version yet.
`;

export async function runReferenceLas(args: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args, options: { 'list-faults': { type: 'boolean' }, verbose: { type: 'boolean' }, help: { type: 'boolean' } }, strict: true }));
  } catch (e) {
    process.stderr.write(`oso-testbank reference-las: ${(e as Error).message}\n\n${usage}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(usage);
    return 0;
  }
  if (values['list-faults']) {
    for (const [name, fault] of Object.entries(referenceLasFaults)) process.stdout.write(values.verbose ? `${name}\t${fault.omschrijving}\n` : `${name}\n`);
    return 0;
  }
  process.stderr.write(`oso-testbank reference-las: standalone mode is not available in this version yet.\n\n${usage}`);
  return 2;
}
