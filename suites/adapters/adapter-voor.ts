/**
 * The adapter a run drives its SUT with, as the SUT configuration chooses it (adapter.soort). One switch, so a new
 * adapter is wired in at exactly one place.
 */
import type { AdapterKeuze, Tijdslimieten } from '../sut-config.ts';
import { httpAdapter } from './http-adapter.ts';
import type { SutAdapter } from './sut-adapter.ts';

/** The configured adapter does not exist in this version: a configuration problem, not a finding about the SUT. */
export class AdapterNietBeschikbaar extends Error {
  override readonly name = 'AdapterNietBeschikbaar';
}

export function sutAdapterVoor(keuze: AdapterKeuze, tijdslimieten: Tijdslimieten): SutAdapter {
  switch (keuze.soort) {
    case 'http':
      return httpAdapter({ controlUrl: keuze.http.controlUrl, timeoutMs: tijdslimieten.adapterMs });
    case 'playwright':
    case 'manual':
      throw new AdapterNietBeschikbaar(`adapter ${keuze.soort} is in deze versie niet beschikbaar; gebruik adapter.soort: http met de test-control-API (docs/control-api.md).`);
  }
}
