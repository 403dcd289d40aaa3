/**
 * How every command reads its options: strictly, a bad option answered with the error (with a did-you-mean) and the
 * usage on stderr and exit 2, --help with the usage on stdout and exit 0.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { argumentError } from './did-you-mean.ts';

/** The parsed options, or the exit code when the command should stop here (a usage error, or --help answered). */
export function parseCommandArgs<T extends ParseArgsConfig>(command: string, usage: string, config: T): ReturnType<typeof parseArgs<T>> | number {
  let parsed: ReturnType<typeof parseArgs<T>>;
  try {
    parsed = parseArgs(config);
  } catch (e) {
    process.stderr.write(`oso-testbank ${command}: ${argumentError(e, usage)}\n\n${usage}`);
    return 2;
  }
  if ((parsed.values as { help?: boolean }).help) {
    process.stdout.write(usage);
    return 0;
  }
  return parsed;
}
