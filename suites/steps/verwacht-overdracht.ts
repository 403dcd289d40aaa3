import { decodeEnvelope } from '../../simulator/protocol/soap.ts';
import { zoeksleutelVoor } from '../../simulator/protocol/zoeksleutel.ts';
import { CheckFailure } from '../check-failure.ts';
import { beschrijf, tcBericht, vereisSessie, type StepDefinition } from '../scenario-context.ts';

/** The doel opened the session with an overdrachtRequest at the TC carrying its own BRIN and AP and the bron's BRIN. */
export const verwachtOverdracht: StepDefinition<Record<string, never>> = {
  naam: 'verwacht-overdracht',
  soort: 'controle',
  eisen: { doel: ['DOEL-01'] },
  titel: () => 'Het TC ontving een overdrachtRequest van de doel',
  async run(ctx) {
    const { sessieId, leerling } = vereisSessie(ctx, 'verwacht-overdracht');
    const sleutel = zoeksleutelVoor(leerling.pgn.waarde, leerling.geboortedatum).zoeksleutel;
    const eis = ctx.eis('DOEL-01');
    const [overdracht] = tcBericht(ctx, 'overdrachtRequest', sessieId, ctx.doel);
    if (!overdracht)
      throw new CheckFailure({
        eis,
        verwacht: `een overdrachtRequest van ${ctx.doel.naam} bij het TC dat sessie ${sessieId} opende`,
        ontvangen: 'geen overdrachtRequest van de doel voor deze sessie',
        oorzaak: 'de doel vraagt het dossier op zonder eerst een sessie te openen bij het Traffic Center.',
      });
    const decoded = decodeEnvelope(overdracht.request);
    // The TC decoded this request before recording it as an overdrachtRequest, so it decodes again.
    if (decoded.kind !== 'message' || decoded.name !== 'overdrachtRequest') throw new Error(`TC-log #${overdracht.seq} is geen overdrachtRequest.`);
    const req = decoded.body;
    const afwijkingen = [
      req.doelBrin !== ctx.doel.school.brin && `doelBrin ${req.doelBrin} (verwacht ${ctx.doel.school.brin})`,
      req.doelRouteringsKenmerk !== ctx.doel.school.routeringsKenmerk &&
        `doelRouteringsKenmerk ${req.doelRouteringsKenmerk} (verwacht ${ctx.doel.school.routeringsKenmerk})`,
      req.bronBrin !== ctx.bron.school.brin && `bronBrin ${req.bronBrin} (verwacht ${ctx.bron.school.brin})`,
      req.zoeksleutel !== sleutel &&
        `zoeksleutel ${req.zoeksleutel ?? '(ontbreekt)'} (verwacht ${sleutel}: base64(SHA-256(PGN|geboortedatum)) volgens het protocolprofiel)`,
    ].filter(Boolean);
    if (afwijkingen.length)
      throw new CheckFailure({
        eis,
        verwacht: 'een overdrachtRequest met de BRIN en het aanleverpunt van de doelschool, de BRIN van de bronschool en de zoeksleutel van de leerling',
        ontvangen: afwijkingen.join('; '),
        bericht: beschrijf(overdracht),
        oorzaak: 'de doel vult het overdrachtRequest niet met de gegevens van deze overstap.',
      });
  },
};
