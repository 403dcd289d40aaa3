/**
 * `--config FILE` of a command that drives a vendor LAS (qualify, belasting): the SUT configuration read and checked
 * the same way for each, or the message the command fails with (exit 2).
 */
import { loadSutConfig, sutCertificaatProbleem, type SutConfig } from '../suites/sut-config.ts';
import { SourceError } from '../suites/yaml-source.ts';

export function leesSutConfigOptie(pad: string, faults: readonly string[]): { config: SutConfig } | { fout: string } {
  if (faults.length) return { fout: '--fault switches on a misbehaviour of the embedded reference LAS; it cannot be combined with --config (a vendor LAS).' };
  let config: SutConfig;
  try {
    config = loadSutConfig(pad);
  } catch (e) {
    if (e instanceof SourceError) return { fout: e.message };
    throw e;
  }
  const probleem = sutCertificaatProbleem(config);
  if (probleem)
    return { fout: `${config.bestand}: sut.certificaat: ${probleem}.\n  Fix: renew the certificate (for the test certificate: oso-testbank certs) and check with oso-testbank doctor --config.` };
  return { config };
}
