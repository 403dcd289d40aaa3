/**
 * Declares one qualification run as a Playwright test: Allure labels (epic = role or concern, feature = capability,
 * story = scenario), parameters, and the annotations from which kwalificatie.json derives the verdict per scenario run and
 * per requirement. YAML scenarios and the fixed suites (security) both declare their runs through here.
 */
import * as allure from 'allure-js-commons';
import { LabelName } from 'allure-js-commons';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gegevensset2019 } from '../simulator/dossier/gegevensset.ts';
import { oso2021 } from '../simulator/protocol/profile.ts';
import type { World, WorldOptions } from '../simulator/world.ts';
import { runMetadata } from './allure-metadata.ts';
import { AdapterFout, type SutAdapter } from './adapters/sut-adapter.ts';
import { NietUitvoerbaar } from './beginstand.ts';
import { uitkomstVan } from './check-failure.ts';
import { ANNOTATION, qualificationRunFromEnv, runLogFileName, type RunLog } from './run-settings.ts';
import { meet } from './run-timings.ts';
import type { Rol } from './scenario-context.ts';
import type { StepReporter } from './scenario-runner.ts';
import { test } from './world-fixture.ts';

// Loaded when a run starts, not when Playwright's runner collects the tests (suites/run-plan.ts says why).
const allureReporter = () => import('./allure-reporter.ts');
const dossierAfdruk = () => import('./dossier-afdruk.ts');

export type Epic = 'Bronsysteem' | 'Doelsysteem' | 'Beveiliging' | 'Release';

export interface QualificationRunInfo {
  id: string;
  titel: string;
  beschrijving?: string;
  rol: Rol;
  epic: Epic;
  capaciteit: string;
  /** Requirements this run verifies. */
  eisen: readonly string[];
  parameters?: Record<string, string>;
  /** A world other than the standard one (e.g. a TC presenting a bad certificate). */
  worldOptions?: Omit<WorldOptions, 'faults'>;
  /** Why this run cannot be carried out against a running serve (qualify --tegen), if it cannot. */
  nietTegenDienst?: string;
}

export interface RunBody {
  world: World;
  /** How the SUT is driven. */
  sut: SutAdapter;
  /** Tell the report whether the SUT met a requirement. */
  onEis: (id: string, uitkomst: 'passed' | 'failed') => void;
  /** Where the run's steps and evidence go. */
  reporter: StepReporter;
}

export function declareQualificationTest(info: QualificationRunInfo, body: (run: RunBody) => Promise<void>): void {
  if (info.worldOptions) {
    const worldOptions = info.worldOptions;
    test.describe(() => {
      test.use({ worldOptions });
      declareTest(info, body);
    });
  } else declareTest(info, body);
}

function declareTest(info: QualificationRunInfo, body: (run: RunBody) => Promise<void>): void {
  const titel = `${info.id} [SUT als ${info.rol}] ${info.titel}`;
  const annotation = [
    { type: ANNOTATION.scenario, description: info.id },
    { type: ANNOTATION.rol, description: info.rol },
    { type: ANNOTATION.eisen, description: info.eisen.join(' ') },
  ];
  // Against a running serve a run that needs more than a shared service offers is not executed, saying why; it asks
  // for no world, so nothing is started for it.
  const nietTegenDienst = qualificationRunFromEnv()?.tegen ? info.nietTegenDienst : undefined;
  if (nietTegenDienst) {
    test(titel, { annotation }, async () => {
      await allure.epic(info.epic);
      await allure.story(info.titel);
      await allure.parameter('rol van de SUT', info.rol);
      test.skip(true, nietTegenDienst);
    });
    return;
  }
  test(
    titel,
    { annotation },
    async ({ world, sut }) => {
      const seed = qualificationRunFromEnv()?.seed;
      await runMetadata({
        labels: [
          { name: LabelName.EPIC, value: info.epic },
          { name: LabelName.FEATURE, value: info.capaciteit },
          { name: LabelName.STORY, value: info.titel },
          { name: LabelName.SEVERITY, value: 'critical' },
          ...info.eisen.map((id) => ({ name: LabelName.TAG, value: id })),
        ],
        // The summary page next to the report explains each requirement and its verdict.
        links: info.eisen.map((id) => ({ url: `samenvatting.html#${id}`, name: `Eis ${id}`, type: 'eis' })),
        parameters: [
          { name: 'rol van de SUT', value: info.rol },
          ...Object.entries(info.parameters ?? {}).map(([name, value]) => ({ name, value })),
          { name: 'gegevensset', value: gegevensset2019.versie },
          { name: 'protocol', value: oso2021.release },
          ...(seed !== undefined ? [{ name: 'seed', value: seed }] : []),
        ],
        ...(info.beschrijving ? { description: info.beschrijving } : {}),
      });
      try {
        const { allureStepReporter } = await allureReporter();
        await body({ world, sut, reporter: allureStepReporter, onEis: (id, uitkomst) => test.info().annotations.push({ type: ANNOTATION.eis, description: `${id}=${uitkomst}` }) });
      } catch (e) {
        // A run that cannot be judged from the state the SUT is in is skipped, saying why.
        if (e instanceof NietUitvoerbaar) test.skip(true, e.message);
        test.info().annotations.push({ type: ANNOTATION.uitkomst, description: uitkomstVan(e) });
        // What the vendor's own UI showed when the playwright adapter failed.
        if (e instanceof AdapterFout && e.schermafdruk) await allure.attachment('schermafdruk.png', await readFile(e.schermafdruk), 'image/png');
        throw e;
      } finally {
        const settings = qualificationRunFromEnv();
        if (settings?.runLogDir) {
          const log: RunLog = { run: `${info.id}/${info.rol}`, exchanges: world.log.all(), handshakeFailures: world.log.handshakeFailures() };
          await writeFile(join(settings.runLogDir, runLogFileName(info.id, info.rol)), JSON.stringify(log));
        }
        await allure.attachment('berichtenlog.json', JSON.stringify(world.log.all(), null, 2), 'application/json');
        const { attachPrintableDossiers } = await dossierAfdruk();
        await meet('PDFs', () => attachPrintableDossiers(world.log.all(), { pdf: !settings?.zonderPdf }));
        if (world.log.handshakeFailures().length)
          await allure.attachment('mislukte-tls-handshakes.json', JSON.stringify(world.log.handshakeFailures(), null, 2), 'application/json');
      }
    },
  );
}
