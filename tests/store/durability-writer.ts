/**
 * Child process of the durability test: opens the store named in argv[2] (JSON: openStore's options) and writes until
 * it is killed, four writes in flight. After each write resolves it prints what was acknowledged, one line each:
 *   bericht <id> <nr>        a bericht whose request carries <nr>
 *   afgemeld <sessieId> <nr> a session opened and closed with resultaatcode R<nr>
 * stdout to a pipe is synchronous on Linux: a printed line is in the pipe before the next write starts.
 */
import { openStore } from '../../store/open-store.ts';

const store = await openStore(JSON.parse(process.argv[2]!));
process.stdout.write('open\n');

let volgende = 0;
async function schrijver(): Promise<never> {
  for (;;) {
    const nr = volgende++;
    if (nr % 5 === 4) {
      const sessie = await store.sessies.open({
        doelBrin: '21AA',
        doelRouteringsKenmerk: 'rk-doel',
        bronBrin: '22BB',
        overdrachtsoort: 'overstapdossier',
        doelOin: '00000001234567890000',
        geopendOp: new Date(),
      });
      if (!(await store.sessies.afmelden(sessie.sessieId, { op: new Date(), resultaatcode: `R${nr}`, bronRouteringsKenmerk: 'rk-bron' })))
        throw new Error(`afmelding of ${sessie.sessieId} refused`);
      process.stdout.write(`afgemeld ${sessie.sessieId} ${nr}\n`);
    } else {
      const b = await store.berichtToevoegen({
        recordedBy: 'TC',
        operation: 'overdrachtRequest',
        van: '21AA',
        naar: 'TC',
        url: 'https://tc.example.test/oso',
        request: `<verzoek nr="${nr}">${'x'.repeat(2000)}</verzoek>`,
        uitkomst: 'OK',
        startedAt: new Date().toISOString(),
        durationMs: 1,
        brins: ['21AA'],
        instantie: 'kill-test',
      });
      process.stdout.write(`bericht ${b.id} ${nr}\n`);
    }
  }
}

await Promise.all([schrijver(), schrijver(), schrijver(), schrijver()]);
