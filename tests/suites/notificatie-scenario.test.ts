/**
 * The notificatie scenario through the scenario runner, in both SUT roles: the clean reference LAS passes, and each
 * notificatie fault is caught by verwacht-notificatie under BRON-10 with a message that says what went wrong.
 */
import { expect, test } from '@playwright/test';
import type { ReferenceLasFault } from '../../simulator/reference-las/faults.ts';
import { startWorld } from '../../simulator/world.ts';
import { httpAdapter } from '../../suites/adapters/http-adapter.ts';
import type { SutAdapter } from '../../suites/adapters/sut-adapter.ts';
import { CheckFailure } from '../../suites/check-failure.ts';
import { loadRequirements } from '../../suites/requirements.ts';
import type { Rol } from '../../suites/scenario-context.ts';
import { runScenario } from '../../suites/scenario-runner.ts';
import { stepRecorder } from '../support/step-recorder.ts';
import { loadScenarios } from '../../suites/scenario.ts';

const requirements = loadRequirements();
const scenario = loadScenarios().find((s) => s.id === 'notificatie')!;

async function run(rol: Rol, options: { faults?: ReferenceLasFault[]; sut?: (adapter: SutAdapter) => SutAdapter } = {}) {
  const world = await startWorld({ faults: options.faults ?? [] });
  const eisen = new Map<string, string>();
  const adapter = httpAdapter({ controlUrl: world.sut.controlUrl!, timeoutMs: 10_000 });
  try {
    await runScenario({ world, scenario, rol, requirements, reporter: stepRecorder().reporter, sut: options.sut ? options.sut(adapter) : adapter, onEis: (id, u) => eisen.set(id, u) });
    return { eisen, error: undefined };
  } catch (error) {
    return { eisen, error };
  } finally {
    await world.stop();
  }
}

test('the scenario verifies BRON-10 as bron and DOEL-10 as doel', () => {
  expect(scenario.rollen).toEqual(['bron', 'doel']);
  expect(scenario.eisen).toEqual(expect.arrayContaining(['BRON-10', 'DOEL-10']));
});

for (const rol of ['bron', 'doel'] as const) {
  test(`the clean reference LAS passes the notificatie scenario as ${rol}`, async () => {
    const { error, eisen } = await run(rol);
    expect(error).toBeUndefined();
    expect(eisen.get(rol === 'bron' ? 'BRON-10' : 'DOEL-10')).toBe('passed');
  });
}

test('no-notificatie is caught as bron: BRON-10, no meldenNotificatie at the TC', async () => {
  const { error, eisen } = await run('bron', { faults: ['no-notificatie'] });
  expect(error).toBeInstanceOf(CheckFailure);
  const failure = error as CheckFailure;
  expect(failure.details.eis.id).toBe('BRON-10');
  expect(failure.message).toContain('Ontvangen: geen meldenNotificatieRequest');
  expect(failure.message).toContain('de bron notificeert niet');
  expect(eisen.get('BRON-10')).toBe('failed');
  // The later opvragen still runs and passes: the dossier itself was klaargezet.
  expect(eisen.get('BRON-02')).toBe('passed');
});

test('notify-everyone is caught as bron: BRON-10, the doel got a notificatie for another pupil too', async () => {
  const { error, eisen } = await run('bron', { faults: ['notify-everyone'] });
  expect(error).toBeInstanceOf(CheckFailure);
  const failure = error as CheckFailure;
  expect(failure.details.eis.id).toBe('BRON-10');
  expect(failure.message).toContain('precies één notificatieRequest');
  expect(failure.message).toContain('Ontvangen: 2 notificatieRequests');
  expect(eisen.get('BRON-10')).toBe('failed');
});

for (const fault of ['no-notificatie', 'notify-everyone'] as const) {
  test(`${fault} does not affect the SUT as doel: the testschool is the bron there`, async () => {
    const { error } = await run('doel', { faults: [fault] });
    expect(error).toBeUndefined();
  });
}

test('a doel that answers the notificatie but does not report it fails DOEL-10', async () => {
  const { error, eisen } = await run('doel', { sut: (adapter) => ({ ...adapter, notificaties: async () => [] }) });
  expect(error).toBeInstanceOf(CheckFailure);
  const failure = error as CheckFailure;
  expect(failure.details.eis.id).toBe('DOEL-10');
  expect(failure.message).toContain('Ontvangen: geen enkele notificatie');
  expect(eisen.get('DOEL-10')).toBe('failed');
});

test('an adapter that cannot read notificaties back breaks the doel run with a clear message instead of failing the SUT', async () => {
  const { error, eisen } = await run('doel', { sut: ({ notificaties: _n, ...adapter }) => adapter });
  expect(error).not.toBeInstanceOf(CheckFailure);
  expect((error as Error).message).toContain('kan niet uitlezen welke notificaties');
  expect(eisen.get('DOEL-10')).toBeUndefined();
});
