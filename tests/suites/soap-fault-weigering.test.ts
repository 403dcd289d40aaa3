/**
 * A bron may refuse a documentRequest with a SOAP Fault instead of a result code. After a sessiecontrole the TC refused,
 * that is a refusal like any other and the run passes; without the sessiecontrole it fails BRON-06; a Fault where a
 * dossier was due fails the run. Never is such a run broken: the harness could carry each of them out.
 */
import { expect, test } from '@playwright/test';
import { referentieLasScholen } from '../../fixtures/scholen.ts';
import { startWorld } from '../../simulator/world.ts';
import { httpAdapter } from '../../suites/adapters/http-adapter.ts';
import { CheckFailure } from '../../suites/check-failure.ts';
import { loadRequirements } from '../../suites/requirements.ts';
import { runScenario } from '../../suites/scenario-runner.ts';
import { loadScenarios } from '../../suites/scenario.ts';
import { stepRecorder } from '../support/step-recorder.ts';
import { startWeigerendeBron, type Weigering } from '../support/weigerende-bron.ts';

const requirements = loadRequirements();
const scenarios = loadScenarios();

/** One scenario with the SUT as bron behind a bron that refuses with a Fault; the outcome as qualification-test.ts derives it. */
async function run(scenarioId: string, weigering: Weigering) {
  const scenario = scenarios.find((s) => s.id === scenarioId)!;
  const world = await startWorld();
  const bron = await startWeigerendeBron(world, referentieLasScholen.po.routeringsKenmerk, weigering);
  const eisen = new Map<string, string>();
  try {
    const sut = httpAdapter({ controlUrl: world.sut.controlUrl!, timeoutMs: 10_000 });
    await runScenario({ world, scenario, rol: 'bron', requirements, reporter: stepRecorder().reporter, sut, onEis: (id, u) => eisen.set(id, u) });
    return { uitkomst: 'passed' as const, error: undefined, eisen, log: world.log.all() };
  } catch (error) {
    return { uitkomst: error instanceof CheckFailure ? ('failed' as const) : ('broken' as const), error, eisen, log: world.log.all() };
  } finally {
    await bron.close();
    await world.stop();
  }
}

for (const scenario of ['sessie-reeds-afgemeld', 'sessie-afwijkend']) {
  test(`${scenario}: a bron that refuses with a SOAP Fault after its sessiecontrole passes BRON-06`, async () => {
    const r = await run(scenario, 'na-sessiecontrole');
    expect(r.error).toBeUndefined();
    expect(r.uitkomst).toBe('passed');
    expect(r.eisen.get('BRON-06')).toBe('passed');
    // The refusal really was a Fault on the wire, not a result code.
    const documentRequest = r.log.filter((e) => e.operation === 'documentRequest').at(-1);
    expect(documentRequest?.uitkomst).toMatch(/^SOAP Fault: /);
  });
}

test('a bron that answers a SOAP Fault without asking the TC fails BRON-06, naming the missing sessiecontrole and the Fault', async () => {
  const r = await run('sessie-reeds-afgemeld', 'meteen');
  expect(r.uitkomst).toBe('failed');
  const failure = r.error as CheckFailure;
  expect(failure.details.eis.id).toBe('BRON-06');
  expect(failure.details.ontvangen).toContain('geen sessiecontrole');
  expect(failure.details.ontvangen).toContain('SOAP Fault');
  expect(r.eisen.get('BRON-06')).toBe('failed');
});

test('a SOAP Fault where the dossier was due fails the run on a requirement, it does not break it', async () => {
  const r = await run('regulier-povo', 'na-sessiecontrole');
  // The regular dossier is released, so the forwarding bron passes it through: the control run for the one below.
  expect(r.error).toBeUndefined();
  const weigert = await run('regulier-povo', 'meteen');
  expect(weigert.uitkomst).toBe('failed');
  expect((weigert.error as CheckFailure).details.eis.id).toMatch(/^BRON-/);
});
