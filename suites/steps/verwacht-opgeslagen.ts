import { CheckFailure } from '../check-failure.ts';
import { ontvangenVan, type StepDefinition } from '../scenario-context.ts';

/** The doel stored the received dossier with the pupil (asked of the doel itself: its adapter or its own record). */
export const verwachtOpgeslagen: StepDefinition<{ leerling: string }> = {
  naam: 'verwacht-opgeslagen',
  soort: 'controle',
  eisen: { doel: ['DOEL-04'] },
  titel: ({ leerling }) => `De doel heeft het dossier van ${leerling} opgeslagen`,
  async run(ctx, { leerling }) {
    const l = ctx.leerling(leerling);
    const ontvangen = await ontvangenVan(ctx, l);
    if (!ontvangen.some((o) => o.status === 'opgeslagen'))
      throw new CheckFailure({
        eis: ctx.eis('DOEL-04'),
        verwacht: `het dossier van ${l.pgn.soort} ${l.pgn.waarde} opgeslagen bij ${ctx.doel.naam}`,
        ontvangen: ontvangen.length ? ontvangen.map((o) => `${o.status}${o.reden ? `: ${o.reden}` : ''}`).join('; ') : 'niets ontvangen voor deze leerling',
        oorzaak: ontvangen.length ? 'de doel weigert een geldig dossier.' : 'de doel neemt het geleverde dossier niet over in de eigen administratie.',
      });
  },
};
