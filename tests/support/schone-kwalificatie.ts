/**
 * The clean, full qualification of the embedded reference LAS, with the dossiers printed to PDF — the command a user
 * types first. Several tests read it: its verdict and evidence bundle, its printed summary, its PDFs, the same verdict
 * from merged shards.
 */
import { gedeeldeKwalificatie, type GedeeldeKwalificatie } from './gedeelde-kwalificatie.ts';

export function schoneKwalificatie(): Promise<GedeeldeKwalificatie> {
  return gedeeldeKwalificatie('schone', []);
}
