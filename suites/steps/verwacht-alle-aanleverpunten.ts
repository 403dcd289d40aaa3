import { CheckFailure } from '../check-failure.ts';
import { tcBericht, vereisSessie, type StepDefinition } from '../scenario-context.ts';
import { decodeEnvelope } from '../../simulator/protocol/soap.ts';

/** The doel asked every AP the TC returned for the session, not only the first [pub]. */
export const verwachtAlleAanleverpunten: StepDefinition<Record<string, never>> = {
  naam: 'verwacht-alle-aanleverpunten',
  soort: 'controle',
  eisen: { doel: ['DOEL-08'] },
  titel: () => 'De doel vroeg het dossier op bij elk aanleverpunt dat het TC teruggaf',
  async run(ctx) {
    const { sessieId } = vereisSessie(ctx, 'verwacht-alle-aanleverpunten');
    const [overdracht] = tcBericht(ctx, 'overdrachtRequest', sessieId, ctx.doel);
    const decoded = overdracht?.response ? decodeEnvelope(overdracht.response) : undefined;
    const teruggegeven = decoded?.kind === 'message' && decoded.name === 'overdrachtResponse' ? (decoded.body.aanleverpunten ?? []) : [];
    const gevraagd = new Set(
      ctx.world.log
        .all()
        .filter((e) => e.operation === 'documentRequest' && e.sessieId === sessieId)
        .map((e) => {
          const d = decodeEnvelope(e.request);
          return d.kind === 'message' && d.name === 'documentRequest' ? d.body.bronRouteringsKenmerk : '';
        }),
    );
    const overgeslagen = teruggegeven.filter((ap) => !gevraagd.has(ap.routeringsKenmerk));
    if (overgeslagen.length)
      throw new CheckFailure({
        eis: ctx.eis('DOEL-08'),
        verwacht: `een documentRequest bij elk van de ${teruggegeven.length} aanleverpunten: ${teruggegeven.map((a) => a.routeringsKenmerk).join(', ')}`,
        ontvangen: `niet gevraagd: ${overgeslagen.map((a) => a.routeringsKenmerk).join(', ')}`,
        oorzaak: 'de doel stopt na het eerste aanleverpunt, terwijl de leerling op meer plekken bekend kan zijn.',
      });
  },
};
