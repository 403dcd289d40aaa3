import type { StepDefinition } from '../scenario-context.ts';

/**
 * The summer release: the clock moves past it and every LAS — the testscholen and the SUT — works in the new gegevensset
 * from now on [seed documents]. Dossiers klaargezet before it are of last year's release.
 */
export const zomerrelease: StepDefinition<{ gegevensset: string; datum: string }> = {
  naam: 'zomerrelease',
  soort: 'actie',
  eisen: {},
  titel: ({ gegevensset, datum }) => `De zomerrelease (${datum}): iedereen werkt voortaan in gegevensset ${gegevensset}`,
  async run(ctx, { gegevensset, datum }) {
    await ctx.zetDatum(datum);
    for (const las of [ctx.world.testscholen.po, ctx.world.testscholen.vo]) las.wisselRelease(gegevensset);
    await ctx.sut.wisselRelease(gegevensset);
    ctx.release = gegevensset;
  },
};
