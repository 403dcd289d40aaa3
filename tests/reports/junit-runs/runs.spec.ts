/**
 * Qualification runs with a known outcome, for tests/reports/junit.test.ts: declared through the same function as the
 * real suites, so the JUnit reporter reads the annotations the real runs leave. Not part of any project's testMatch.
 */
import { AdapterFout } from '../../../suites/adapters/sut-adapter.ts';
import { CheckFailure } from '../../../suites/check-failure.ts';
import { declareQualificationTest, type QualificationRunInfo } from '../../../suites/qualification-test.ts';
import { loadRequirements } from '../../../suites/requirements.ts';
import { test } from '../../../suites/world-fixture.ts';

const eis = loadRequirements().get('BRON-06')!;
const run = (id: string): QualificationRunInfo => ({ id, titel: id, rol: 'bron', epic: 'Bronsysteem', capaciteit: 'JUnit', eisen: ['BRON-06'] });

declareQualificationTest(run('voldoet'), async () => {});
declareQualificationTest(run('bevinding'), async () => {
  throw new CheckFailure({ eis, verwacht: 'geen dossier', ontvangen: 'een dossier & <meer>', oorzaak: 'de bron geeft vrij.' });
});
declareQualificationTest(run('adapter-stuk'), async () => {
  throw new AdapterFout('Test-control-API http://127.0.0.1:1/klaarzetten: verbinding geweigerd');
});
test('tijd-op', async () => {
  test.setTimeout(300);
  await new Promise((r) => setTimeout(r, 5_000));
});
test.skip('overgeslagen', () => {});
