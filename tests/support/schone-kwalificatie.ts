/**
 * The clean, full qualification of the embedded reference LAS, with the dossiers printed to PDF — the command a user
 * types first. Several tests read it: its verdict and evidence bundle, its printed summary, its PDFs, the same verdict
 * from merged shards.
 *
 * Where that very command has just run, its outcome may be handed in instead of running it again: .ci/run runs the
 * README's quick start (`oso-testbank qualify`, the same arguments but the report folder) and names the file with its
 * folder, exit code and output in OSO_SCHONE_KWALIFICATIE. Without it the first test to ask runs the command.
 */
import { readFileSync } from 'node:fs';
import { gedeeldeKwalificatie, type GedeeldeKwalificatie } from './gedeelde-kwalificatie.ts';

export const SCHONE_KWALIFICATIE_ENV = 'OSO_SCHONE_KWALIFICATIE';

export async function schoneKwalificatie(): Promise<GedeeldeKwalificatie> {
  const gegeven = process.env[SCHONE_KWALIFICATIE_ENV];
  if (gegeven) return gegevenKwalificatie(gegeven);
  return gedeeldeKwalificatie('schone', []);
}

/** The outcome file .ci/run writes: a mistake in it is a clear failure of the tests that read it, never a silent rerun. */
function gegevenKwalificatie(pad: string): GedeeldeKwalificatie {
  let uitkomst: Partial<GedeeldeKwalificatie>;
  try {
    uitkomst = JSON.parse(readFileSync(pad, 'utf8')) as Partial<GedeeldeKwalificatie>;
  } catch (e) {
    throw new Error(`${SCHONE_KWALIFICATIE_ENV}=${pad}: the outcome of the clean qualification cannot be read: ${(e as Error).message}`);
  }
  const { dir, code, stdout, stderr } = uitkomst;
  if (typeof dir !== 'string' || (typeof code !== 'number' && code !== null) || typeof stdout !== 'string' || typeof stderr !== 'string')
    throw new Error(`${SCHONE_KWALIFICATIE_ENV}=${pad}: expected {"dir", "code", "stdout", "stderr"}`);
  return { dir, code, stdout, stderr };
}
