import type { StepDefinition } from '../scenario-context.ts';

/** The bron klaarzet the pupil's dossier for the doel school. A local act of the bron [pub]: nothing to verify on the wire. */
export const klaarzetten: StepDefinition<{ leerling: string }> = {
  naam: 'klaarzetten',
  soort: 'actie',
  eisen: {},
  titel: ({ leerling }) => `Bron zet het dossier van ${leerling} klaar voor de doelschool`,
  async run(ctx, { leerling }) {
    await ctx.bron.klaarzetten(ctx.leerling(leerling), ctx.doel.school.brin);
  },
};
