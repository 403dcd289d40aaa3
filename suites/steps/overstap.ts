import type { ScenarioProfiel, StepDefinition } from '../scenario-context.ts';

/**
 * The pupil moves on: from here the scenario's parties are those of another transfer profile (an asylum pupil who goes
 * from PO to PO and then from PO to VO). The SUT keeps its role.
 */
export const overstap: StepDefinition<{ profiel: ScenarioProfiel }> = {
  naam: 'overstap',
  soort: 'actie',
  eisen: {},
  titel: ({ profiel }) => `Een volgende overstap: ${profiel}`,
  async run(ctx, { profiel }) {
    Object.assign(ctx, ctx.cast(profiel));
    delete ctx.sessie;
  },
};
