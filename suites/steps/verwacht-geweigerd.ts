import { CheckFailure } from '../check-failure.ts';
import { ontvangenVan, type StepDefinition } from '../scenario-context.ts';

/** The doel refused to import the dossier it received (it breaks the gegevensset) and told its user why. */
export const verwachtGeweigerd: StepDefinition<{ leerling: string }> = {
  naam: 'verwacht-geweigerd',
  soort: 'controle',
  eisen: { doel: ['DOEL-06'] },
  titel: ({ leerling }) => `De doel weigerde het ontvangen dossier van ${leerling} en meldde waarom`,
  async run(ctx, { leerling }) {
    const l = ctx.leerling(leerling);
    const eis = ctx.eis('DOEL-06');
    const ontvangen = await ontvangenVan(ctx, l);
    const geweigerd = ontvangen.find((o) => o.status === 'geweigerd' && o.reden);
    if (!geweigerd || ontvangen.some((o) => o.status === 'opgeslagen'))
      throw new CheckFailure({
        eis,
        verwacht: `het dossier van ${l.pgn.soort} ${l.pgn.waarde} geweigerd, met de reden die de gebruiker te zien kreeg`,
        ontvangen: ontvangen.length ? ontvangen.map((o) => `${o.status}${o.reden ? `: ${o.reden}` : o.status === 'geweigerd' ? ' zonder reden' : ''}`).join('; ') : 'niets ontvangen voor deze leerling',
        oorzaak: 'de doel controleert een ontvangen dossier niet tegen de gegevensset voordat hij het overneemt.',
      });
  },
};
