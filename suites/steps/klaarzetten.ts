import { derdeSchoolBrin } from '../../fixtures/scholen.ts';
import type { StepDefinition } from '../scenario-context.ts';

/**
 * The bron klaarzet the pupil's dossier — for the doel school, or for a third school that takes no part (a dossier that
 * must not reach the doel). A local act of the bron [pub]: nothing to verify on the wire. `ongeldig` makes a testschool
 * serve a dossier that breaks the gegevensset's rules. With `notificeren: true` the bron's user also chooses to notify who
 * asked for the dossier before (verwacht-notificatie checks it).
 */
export const klaarzetten: StepDefinition<{ leerling: string; voor?: 'doel' | 'andere-school'; ongeldig?: boolean; notificeren?: boolean }> = {
  naam: 'klaarzetten',
  soort: 'actie',
  eisen: {},
  titel: ({ leerling, voor, ongeldig, notificeren }) =>
    `Bron zet ${ongeldig ? 'een ongeldig dossier' : 'het dossier'} van ${leerling} klaar voor ${voor === 'andere-school' ? `een andere school (${derdeSchoolBrin})` : 'de doelschool'}${notificeren ? ' en kiest voor notificeren' : ''}`,
  async run(ctx, { leerling, voor, ongeldig, notificeren }) {
    const doelBrin = voor === 'andere-school' ? derdeSchoolBrin : ctx.doel.school.brin;
    await ctx.bron.klaarzetten(ctx.leerling(leerling), doelBrin, { ...(ongeldig ? { ongeldig } : {}), ...(notificeren ? { notificeren } : {}) });
  },
};
