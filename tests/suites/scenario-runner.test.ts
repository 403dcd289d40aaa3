import { expect, test } from '@playwright/test';
import { startWorld, type World } from '../../simulator/world.ts';
import { httpAdapter } from '../../suites/adapters/http-adapter.ts';
import { stepRecorder } from '../support/step-recorder.ts';
import { CheckFailure } from '../../suites/check-failure.ts';
import { loadRequirements } from '../../suites/requirements.ts';
import type { Rol } from '../../suites/scenario-context.ts';
import { runScenario } from '../../suites/scenario-runner.ts';
import { loadScenarios } from '../../suites/scenario.ts';
import type { ReferenceLasFault } from '../../simulator/reference-las/faults.ts';

const requirements = loadRequirements();
const scenario = loadScenarios().find((s) => s.id === 'regulier-povo')!;


async function run(rol: Rol, faults: ReferenceLasFault[] = []) {
  const world: World = await startWorld({ faults });
  const { steps, reporter } = stepRecorder();
  const eisen = new Map<string, string>();
  try {
    await runScenario({ world, scenario, rol, requirements, reporter, sut: httpAdapter({ controlUrl: world.sut.controlUrl!, timeoutMs: 10_000 }), onEis: (id, u) => eisen.set(id, u) });
    return { steps, eisen, error: undefined, world };
  } catch (error) {
    return { steps, eisen, error, world };
  } finally {
    await world.stop();
  }
}

for (const rol of ['bron', 'doel'] as const) {
  test(`the clean reference LAS passes the regular dossier as ${rol}`, async () => {
    const { error, eisen, steps } = await run(rol);
    expect(error).toBeUndefined();
    expect([...eisen.values()].every((u) => u === 'passed')).toBe(true);
    expect(eisen.size).toBe(4);
    // The opvragen step caused the whole exchange: overdracht, sessiecontrole, documentRequest, afmelding.
    const opvragen = steps.find((s) => s.titel.includes('vraagt het dossier'))!;
    expect(opvragen.exchanges.map((e) => e.operation).sort()).toEqual(['afmeldingRequest', 'documentRequest', 'overdrachtRequest', 'sessiecontroleRequest']);
    expect(opvragen.exchanges.every((e) => e.request.includes('Envelope') && e.response?.includes('Envelope'))).toBe(true);
    // The scenario's steps are numbered 1, 2, 3, … within the role (after the 0. preparation), skipping no number for a
    // controle that belongs to the other role.
    const nummers = steps.map((s) => Number(/^(\d+)\. /.exec(s.titel)?.[1])).filter((n) => n > 0);
    expect(nummers).toEqual(nummers.map((_, i) => i + 1));
  });
}

test('skip-sessiecontrole is caught as bron, naming sessiecontrole and BRON-01, and the other controles still run', async () => {
  const { error, eisen } = await run('bron', ['skip-sessiecontrole']);
  expect(error).toBeInstanceOf(CheckFailure);
  const failure = error as CheckFailure;
  expect(failure.details.eis.id).toBe('BRON-01');
  expect(failure.message).toContain('sessiecontroleRequest');
  expect(failure.message).toMatch(/Bericht: #\d+ documentRequest/);
  expect(eisen.get('BRON-01')).toBe('failed');
  expect(eisen.get('BRON-03')).toBe('passed');
});

test('skip-sessiecontrole does not affect the SUT as doel: the testschool is the bron there', async () => {
  const { error } = await run('doel', ['skip-sessiecontrole']);
  expect(error).toBeUndefined();
});

test('a profile whose party the world lacks names the extension to add, before anything is sent', async () => {
  const binnenBrin = loadScenarios().find((s) => s.id === 'binnen-brin')!;
  const world = await startWorld();
  try {
    const { reporter } = stepRecorder();
    const error = await runScenario({ world, scenario: binnenBrin, rol: 'bron', requirements, reporter, sut: httpAdapter({ controlUrl: world.sut.controlUrl!, timeoutMs: 10_000 }) }).catch((e: unknown) => e);
    expect((error as Error).message).toContain("uitbreidingen: [binnen-brin]");
    expect(world.log.all()).toEqual([]);
  } finally {
    await world.stop();
  }
});

test('with the extension, the other vestiging of the SUT school gets a binnen-BRIN dossier', async () => {
  const binnenBrin = loadScenarios().find((s) => s.id === 'binnen-brin')!;
  const world = await startWorld({ uitbreidingen: ['binnen-brin'] });
  try {
    const { reporter } = stepRecorder();
    await runScenario({ world, scenario: binnenBrin, rol: 'bron', requirements, reporter, sut: httpAdapter({ controlUrl: world.sut.controlUrl!, timeoutMs: 10_000 }) });
    // The doel asked the SUT's AP for a transfer within the BRIN.
    const documentRequest = world.log.all().find((e) => e.operation === 'documentRequest' && e.uitkomst === 'DossierGeleverd')!;
    expect(documentRequest.request).toContain('overdrachtbinnenbrin');
  } finally {
    await world.stop();
  }
});
