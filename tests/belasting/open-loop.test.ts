/**
 * The open-loop generator on its own: arrivals keep to the clock whatever the answers do, the generator's own lag is
 * recorded, and the profiles follow from the national figures.
 */
import { expect, test } from '@playwright/test';
import { BelastingMeting } from '../../simulator/load/belasting-meting.ts';
import { landelijkeCijfers, leesDuur, leesSnelheid, PIEK_PER_SECONDE, stappenVoor } from '../../simulator/load/belasting-profielen.ts';
import { runOpenLoop } from '../../simulator/load/open-loop.ts';
import { seededRandom } from '../../simulator/load/seeded-random.ts';
import { beoordeelStap, breekpuntVan, standaardGrenzen } from '../../suites/belasting/belastingresultaat.ts';
import { uitwisselingSoort } from '../../suites/belasting/uitwisselingen.ts';

test('arrivals do not wait for answers: with every answer taking 1 s, a 20/s schedule still starts about 20 a second', async () => {
  const starts: number[] = [];
  const verloop = await runOpenLoop({
    stappen: [{ snelheid: 20, duurMs: 1000 }],
    aankomsten: 'vast',
    start: async (a) => {
      starts.push(a.gestartMs);
      await new Promise((r) => setTimeout(r, 1000));
    },
  });
  // Evenly spaced at 50 ms, the first one gap after the start: 50, 100 … 950.
  expect(verloop.gestart).toBe(19);
  expect(starts[18]!).toBeLessThan(1000);
  // A closed loop would have waited a second per answer; this one had them all in flight at once.
  expect(verloop.eindeMs).toBeLessThan(2500);
});

test('a generator that cannot keep up records its own lag, and the books count it as late', async () => {
  const meting = new BelastingMeting(1000, 100);
  let eerste = true;
  await runOpenLoop({
    stappen: [{ snelheid: 50, duurMs: 600 }],
    aankomsten: 'vast',
    start: async (a) => {
      meting.gestart(a);
      if (eerste) {
        eerste = false;
        // The event loop blocked for 300 ms: every arrival due meanwhile starts late.
        const tot = performance.now() + 300;
        while (performance.now() < tot);
      }
    },
  });
  const t = meting.totaal();
  expect(t.gestart).toBe(29);
  expect(t.teLaat).toBeGreaterThanOrEqual(8);
  expect(t.generatorAchterstandMaxMs).toBeGreaterThan(150);
});

test('Poisson arrivals are seeded: the same seed gives the same schedule, at about the stated rate', async () => {
  const schema = async (seed: string) => {
    const gepland: number[] = [];
    let t = 0;
    await runOpenLoop({ stappen: [{ snelheid: 200, duurMs: 10_000 }], seed, nu: () => (t += 7), start: async (a) => void gepland.push(a.geplandMs) });
    return gepland;
  };
  const a = await schema('x');
  expect(await schema('x')).toEqual(a);
  expect(await schema('y')).not.toEqual(a);
  expect(a.length).toBeGreaterThan(1800);
  expect(a.length).toBeLessThan(2200);
  const r = seededRandom('z');
  const xs = Array.from({ length: 10_000 }, r);
  expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
  expect(Math.max(...xs)).toBeLessThan(1);
  expect(xs.reduce((s, x) => s + x, 0) / xs.length).toBeCloseTo(0.5, 1);
});

test('the piek profile follows from the national figures, and the ramp doubles from the given rate', () => {
  const c = landelijkeCijfers;
  const perUur = (c.overstappenPerJaar.waarde * c.aandeelInPiek.waarde * c.marktaandeel.waarde * c.piekuurFactor.waarde) / (c.piekWerkdagen.waarde * c.werkurenPerDag.waarde);
  expect(PIEK_PER_SECONDE * 3600).toBeCloseTo(perUur, 6);
  expect(stappenVoor('piek', 60_000)).toEqual([{ snelheid: PIEK_PER_SECONDE, duurMs: 60_000 }]);
  expect(stappenVoor('trap', 60_000, 2).map((s) => s.snelheid)).toEqual([2, 4, 8, 16, 32, 64]);
  expect(leesDuur('1h30m')).toBe(5_400_000);
  expect(leesDuur('90s')).toBe(90_000);
  expect(leesSnelheid('300/m')).toBe(5);
  expect(() => leesDuur('10 minuten')).toThrow(/no duration/);
  expect(() => leesSnelheid('0/s')).toThrow(/larger than zero/);
});

test('a Poisson step can get no arrival at all: every arrival stays inside its own step, and a step without arrivals is no evidence (never "held")', async () => {
  // 0.2 a second for 100 ms: no arrival with probability e^-0.02 (98 %); then a busy step.
  const stappen = [
    { snelheid: 0.2, duurMs: 100 },
    { snelheid: 300, duurMs: 200 },
  ];
  const gepland: { stap: number; geplandMs: number }[] = [];
  let t = 0;
  const verloop = await runOpenLoop({ stappen, seed: '1', nu: () => (t += 5), start: async (a) => void gepland.push(a) });
  expect(gepland.filter((a) => a.stap === 0)).toEqual([]);
  expect(gepland.filter((a) => a.stap === 1).length).toBeGreaterThan(20);
  for (const a of gepland) {
    const begin = verloop.stapBeginMs[a.stap]!;
    expect(a.geplandMs).toBeGreaterThanOrEqual(begin);
    expect(a.geplandMs).toBeLessThan(begin + stappen[a.stap]!.duurMs);
  }

  const meting = new BelastingMeting(1000, standaardGrenzen.generatorAchterstandMs);
  const leeg = beoordeelStap(meting.stap(0), { index: 0, snelheid: 0.2, duurMs: 100 }, ['bron'], standaardGrenzen);
  expect(leeg.oordeel).toBe('geen-aankomsten');
  expect(leeg.redenen.join(' ')).toContain('zegt niets over de LAS');
  const binnen = { ...leeg, index: 1, snelheid: 2, oordeel: 'binnen' as const, redenen: [] };
  const over = { ...leeg, index: 2, snelheid: 4, oordeel: 'overschreden' as const, redenen: ['p99 van een hele uitwisseling 3000 ms (grens 2000 ms)'] };
  // The highest rate within the limits is a step that had arrivals; an empty one before a break is not "the last held".
  expect(breekpuntVan([leeg, over])).toMatchObject({ oordeel: 'BEZWEKEN', breekpunt: { tekst: expect.stringContaining('Al de eerste stap lag buiten de grenzen') } });
  expect(breekpuntVan([leeg, over]).breekpunt.laatsteBinnen).toBeUndefined();
  expect(breekpuntVan([binnen, { ...leeg, index: 2, snelheid: 4 }]).breekpunt.laatsteBinnen).toEqual({ stap: 1, snelheid: 2 });
  expect(breekpuntVan([leeg])).toMatchObject({ oordeel: 'ONBESLIST', breekpunt: { tekst: expect.stringContaining('in geen enkele stap viel een aankomst') } });
});

test('a step in which the generator lagged is never blamed on the LAS: not over the limits, not the breaking point, not the last held', () => {
  const stap = (index: number, snelheid: number, p99Ms: number, generatorAchterstandP99Ms: number) =>
    beoordeelStap(
      {
        gestart: 20,
        voltooid: 20,
        fouten: {},
        foutfractie: 0,
        latentie: { [uitwisselingSoort.bron]: { count: 20, meanMs: p99Ms / 2, minMs: 1, p50Ms: p99Ms / 2, p95Ms: p99Ms, p99Ms, maxMs: p99Ms } },
        maxInBehandeling: 4,
        generatorAchterstandP99Ms,
        generatorAchterstandMaxMs: generatorAchterstandP99Ms,
        teLaat: generatorAchterstandP99Ms > standaardGrenzen.generatorAchterstandMs ? 5 : 0,
      },
      { index, snelheid, duurMs: 4000 },
      ['bron'],
      standaardGrenzen,
    );
  const gehouden = stap(0, 3, 400, 5);
  const traagEnAchter = stap(1, 6, 3000, 250);
  const traag = stap(2, 12, 3000, 5);
  expect([gehouden.oordeel, traagEnAchter.oordeel, traag.oordeel]).toEqual(['binnen', 'generator-achter', 'overschreden']);
  expect(traagEnAchter.redenen.join('; ')).toContain('de lastgenerator liep zelf achter op zijn schema (p99 250 ms te laat, grens 100 ms)');
  const { breekpunt, oordeel } = breekpuntVan([gehouden, traagEnAchter, traag]);
  expect(oordeel).toBe('BEZWEKEN');
  expect(breekpunt.eersteOverschreden).toMatchObject({ stap: 2, snelheid: 12 });
  expect(breekpunt.laatsteBinnen).toEqual({ stap: 0, snelheid: 3 });
  // The generator lagged above the last held step: the rates above it are unproven, so no verdict on the LAS.
  const boven = breekpuntVan([gehouden, traagEnAchter]);
  expect(boven.oordeel).toBe('ONBESLIST');
  expect(boven.breekpunt.tekst).toBe('De LAS bleef binnen de grenzen tot en met 3,0 uitwisselingen per seconde per rol; bij een hogere stap liep de lastgenerator zelf achter, daarboven is niets vastgesteld.');
  // A lag below a held step does not matter: the LAS held more than that.
  const onder = breekpuntVan([stap(0, 3, 400, 250), stap(1, 6, 400, 5)]);
  expect(onder.oordeel).toBe('GEHOUDEN');
  expect(onder.breekpunt.tekst).toBe('De LAS bleef binnen de grenzen tot en met 6,0 uitwisselingen per seconde per rol.');
});
