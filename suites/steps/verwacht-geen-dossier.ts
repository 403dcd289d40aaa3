import { CheckFailure } from '../check-failure.ts';
import { beschrijf, type StepDefinition } from '../scenario-context.ts';
import { geleverdDossier } from './geleverd-dossier.ts';

/**
 * No dossier of the pupil moved: with the SUT as bron, no answer in the session carried one; with the SUT as doel, it
 * stored nothing for the pupil.
 */
export const verwachtGeenDossier: StepDefinition<{ leerling: string }> = {
  naam: 'verwacht-geen-dossier',
  soort: 'controle',
  eisen: { bron: ['BRON-05'], doel: ['DOEL-05'] },
  titel: ({ leerling }) => `Er is geen dossier van ${leerling} overgedragen`,
  async run(ctx, { leerling }) {
    const l = ctx.leerling(leerling);
    if (ctx.rol === 'bron') {
      const { exchange, xml } = ctx.sessie ? geleverdDossier(ctx, ctx.sessie.sessieId) : {};
      if (exchange && xml !== undefined)
        throw new CheckFailure({
          eis: ctx.eis('BRON-05'),
          verwacht: 'geen dossier in het antwoord van de bron',
          ontvangen: `een dossier (${xml.length} tekens) in documentResponse`,
          bericht: beschrijf(exchange),
          oorzaak: `de bron levert het dossier mee in een antwoord (${exchange.uitkomst}) waarin het scenario geen dossier toestaat.`,
        });
      return;
    }
    const opgeslagen = (await ctx.doel.ontvangen()).filter((o) => o.pgn === l.pgn.waarde && o.status === 'opgeslagen');
    if (opgeslagen.length)
      throw new CheckFailure({
        eis: ctx.eis('DOEL-05'),
        verwacht: `geen opgeslagen dossier van ${l.pgn.soort} ${l.pgn.waarde} bij ${ctx.doel.naam}`,
        ontvangen: opgeslagen.length === 1 ? 'een opgeslagen dossier' : `${opgeslagen.length} opgeslagen dossiers`,
        oorzaak: 'de doel slaat een dossier op terwijl het opvragen geweigerd werd.',
      });
  },
};
