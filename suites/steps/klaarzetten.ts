import type { StepDefinition } from '../scenario-context.ts';

/**
 * The bron klaarzet the pupil's dossier for the doel school. A local act of the bron [pub]: nothing to verify on the wire.
 * With `notificeren: true` its user also chooses to notify who asked for the dossier before (verwacht-notificatie checks it).
 */
export const klaarzetten: StepDefinition<{ leerling: string; notificeren?: boolean }> = {
  naam: 'klaarzetten',
  soort: 'actie',
  eisen: {},
  titel: ({ leerling, notificeren }) => `Bron zet het dossier van ${leerling} klaar voor de doelschool${notificeren ? ' en kiest voor notificeren' : ''}`,
  async run(ctx, { leerling, notificeren }) {
    await ctx.bron.klaarzetten(ctx.leerling(leerling), ctx.doel.school.brin, notificeren ? { notificeren: true } : {});
  },
};
