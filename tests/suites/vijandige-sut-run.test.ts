/**
 * A hostile SUT spoils its own run, never the next one: the scenario run against it ends with a clear failure (broken
 * when the harness could not drive it, failed when it did not answer as an OSO party must), the reason in the error
 * and the steps and messages so far kept; the following run in the same process against a sane SUT passes.
 */
import { expect, test } from '@playwright/test';
import { defaultCertDir } from '../../certs/location.ts';
import { ensureTestPki } from '../../certs/pki.ts';
import { referentieLasScholen } from '../../fixtures/scholen.ts';
import type { Exchange } from '../../simulator/transport/exchange-log.ts';
import { startWorld, type World, type WorldOptions } from '../../simulator/world.ts';
import { httpAdapter } from '../../suites/adapters/http-adapter.ts';
import { AdapterFout, type SutAdapter } from '../../suites/adapters/sut-adapter.ts';
import { CheckFailure } from '../../suites/check-failure.ts';
import { loadRequirements } from '../../suites/requirements.ts';
import { runScenario } from '../../suites/scenario-runner.ts';
import { stepRecorder } from '../support/step-recorder.ts';
import { loadScenarios } from '../../suites/scenario.ts';
import { metVijandigeServer, startVijandigeServer, vijandigeGedragingen } from '../support/vijandige-server.ts';

const requirements = loadRequirements();
const scenario = loadScenarios().find((s) => s.id === 'regulier-povo')!;
const TIMEOUT_MS = 2_000;

/** The outcome a qualification test gets (suites/qualification-test.ts): a finding fails, anything else is broken. */
type Uitkomst = 'passed' | 'failed' | 'broken';

interface Run {
  uitkomst: Uitkomst;
  error: unknown;
  steps: { titel: string; exchanges: Exchange[] }[];
  log: readonly Exchange[];
  ms: number;
}

/** Runs the regular dossier with the SUT as bron in a world of its own, as every qualification test does. */
async function run(options: { worldOptions?: WorldOptions; sut?: (world: World) => SutAdapter; prepare?: (world: World) => void }): Promise<Run> {
  const world = await startWorld(options.worldOptions);
  const { steps, reporter } = stepRecorder();
  const started = Date.now();
  try {
    options.prepare?.(world);
    const sut = options.sut?.(world) ?? httpAdapter({ controlUrl: world.sut.controlUrl!, timeoutMs: 10_000 });
    await runScenario({ world, scenario, rol: 'bron', requirements, reporter, sut });
    return { uitkomst: 'passed', error: undefined, steps, log: world.log.all(), ms: Date.now() - started };
  } catch (error) {
    return { uitkomst: error instanceof CheckFailure ? 'failed' : 'broken', error, steps, log: world.log.all(), ms: Date.now() - started };
  } finally {
    await world.stop();
  }
}

async function expectSaneRunPasses(): Promise<void> {
  const sane = await run({});
  expect(sane.error).toBeUndefined();
  expect(sane.uitkomst).toBe('passed');
}

test.describe('a hostile test-control API: the run is broken with the reason, the next run passes', () => {
  for (const gedrag of vijandigeGedragingen) {
    test(gedrag, async () => {
      await metVijandigeServer(startVijandigeServer({ gedrag }), async (server) => {
        const hostile = await run({ sut: () => httpAdapter({ controlUrl: server.url, timeoutMs: TIMEOUT_MS }) });

        expect(hostile.uitkomst).toBe('broken');
        expect(hostile.error).toBeInstanceOf(AdapterFout);
        // The first call is the reset before the run; its step is in the report, and nothing after it ran.
        expect((hostile.error as Error).message).toContain(`Test-control-API ${server.url}/reset: `);
        expect(hostile.steps.map((s) => s.titel)).toEqual(['0. Beginstand van de SUT']);
        expect(hostile.ms).toBeLessThan(TIMEOUT_MS + 3_000);
      });
      await expectSaneRunPasses();
    });
  }
});

test.describe('a hostile aanleverpunt: the run fails on BRON-02 with the reason, the next run passes', () => {
  for (const gedrag of vijandigeGedragingen) {
    test(gedrag, async () => {
      await metVijandigeServer(startVijandigeServer({ gedrag, tls: await sutTls() }), async (server) => {
        const rk = referentieLasScholen.po.routeringsKenmerk;
        const hostile = await run({
          worldOptions: { timeoutMs: TIMEOUT_MS },
          // The SUT is driven as usual, but the register sends the doel to the hostile server for its aanleverpunt.
          prepare: (world) => {
            const ap = world.register.aanleverpunt(rk)!;
            world.register.addAanleverpunt({ ...ap, url: `${server.url}/oso/ap/${rk}` });
          },
        });

        expect(hostile.uitkomst).toBe('failed');
        const failure = hostile.error as CheckFailure;
        expect(failure.details.eis.id).toBe('BRON-02');
        expect(failure.message).toContain('resultaat AanleverpuntOnbereikbaar');
        expect(failure.message).toContain(server.url);
        expect(failure.details.oorzaak).toContain('het aanleverpunt van de bron gaf geen bruikbaar antwoord');
        // The documentRequest the hostile AP spoiled is kept in the log and reported in its step, with what went wrong.
        const documentRequest = hostile.log.find((e) => e.operation === 'documentRequest' && e.url.startsWith(server.url));
        expect(documentRequest?.uitkomst).toMatch(gedrag === 'onzin' ? /^onleesbaar antwoord: / : /^(time-out|verbinding|te-groot): /);
        expect(hostile.steps.find((s) => s.titel.startsWith('2. '))?.exchanges.map((e) => e.operation)).toContain('documentRequest');
        expect(hostile.ms).toBeLessThan(TIMEOUT_MS + 3_000);
      });
      await expectSaneRunPasses();
    });
  }
});

/** The SUT's own certificate from the test PKI, so the hostile AP passes the TLS handshake like the real one. */
async function sutTls(): Promise<{ certPem: string; keyPem: string }> {
  const { pki } = await ensureTestPki({ dir: defaultCertDir });
  const issued = pki.parties.get('reference-las');
  if (!issued) throw new Error('no certificate for reference-las in the test PKI');
  return { certPem: issued.chainPem, keyPem: issued.keyPem };
}
