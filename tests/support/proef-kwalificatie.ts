/**
 * The fields of a kwalificatie.json that say who ran what (SUT, harness, protocol, gegevensset, date, duration, runner,
 * seed), for tests that build a qualification by hand to judge it: each spreads this and gives its own runs and
 * requirements (and overrides what it tests).
 */
import type { Kwalificatie } from '../../reports/kwalificatie.ts';

export const proefKop: Pick<Kwalificatie, 'sut' | 'harness' | 'protocol' | 'gegevensset' | 'datum' | 'duurMs' | 'uitvoerder' | 'seed'> = {
  sut: { naam: 'Proef-LAS', versie: '1.0', soort: 'ingebouwd', faults: [] },
  harness: { naam: 'oso-testbank', versie: '0.1.0' },
  protocol: { release: 'OSO21', namespace: 'urn:x' },
  gegevensset: { versie: '2019.1', namespace: 'urn:y' },
  datum: '2026-01-01T10:00:00.000Z',
  duurMs: 1000,
  uitvoerder: 'proef@machine',
  seed: '1',
};
