import { testscholen } from '../../fixtures/scholen.ts';
import { SoapFaultAnswer } from '../../simulator/las/oso-client.ts';
import { zoeksleutelVoor } from '../../simulator/protocol/zoeksleutel.ts';
import { harnessClient, openSessieBijSut } from '../sessie-bij-sut.ts';
import { CheckFailure } from '../check-failure.ts';
import { beschrijf, tcBericht, type StepDefinition } from '../scenario-context.ts';
import { dossierUitAntwoord } from './geleverd-dossier.ts';

interface Args {
  leerling: string;
  /** Open the session for this pupil instead, so the documentRequest differs from the session (SessieAfwijkend). */
  sessieVoor?: string;
  /** Close the session at the TC before asking (SessieReedsAfgemeld). */
  afgemeld?: boolean;
  /** What the TC must answer the bron's sessiecontrole. */
  tc: string;
}

/**
 * The doel testschool asks the SUT's AP for a dossier in a session the TC will refuse — already closed, or opened for
 * another pupil — and the SUT, after sessiecontrole, must not release it. Answering with a result code or with a SOAP
 * Fault are both refusals [ours]: the public record names no way to refuse, and a Fault releases nothing. What the step
 * judges is that the bron asked the TC first and released nothing, however it said no.
 */
export const documentrequestBijSut: StepDefinition<Args> = {
  naam: 'documentrequest-bij-sut',
  soort: 'controle',
  eisen: { bron: ['BRON-06'] },
  titel: ({ leerling, sessieVoor, afgemeld, tc }) =>
    `De doel vraagt het dossier van ${leerling} op in een sessie ${afgemeld ? 'die al is afgemeld' : `voor ${sessieVoor ?? leerling}`}; het TC antwoordt ${tc} en de bron geeft niets vrij`,
  async run(ctx, { leerling, sessieVoor, afgemeld, tc }) {
    if (ctx.rol !== 'bron' || ctx.doel.isSut) throw new Error('documentrequest-bij-sut speelt de doel zelf: alleen met de SUT als bron.');
    const eis = ctx.eis('BRON-06');
    const bron = ctx.bron.school;
    const doel = ctx.doel.school;
    const client = harnessClient(ctx.world, ctx.doel.naam, ctx.world.identity(doel.brin === testscholen.po.brin ? 'testschool-po' : 'testschool-vo'));
    const gevraagd = ctx.leerling(leerling);
    const { apUrl, documentRequest: geopend } = await openSessieBijSut(ctx.world, client, { bron, doel, leerling: ctx.leerling(sessieVoor ?? leerling), dossierVersie: ctx.release });
    const sessieId = geopend.sessieId;
    if (afgemeld)
      await client.call(ctx.world.tc.url, 'afmeldingRequest', {
        sessieId,
        doelBrin: doel.brin,
        doelRouteringsKenmerk: doel.routeringsKenmerk,
        bronBrin: bron.brin,
        bronRouteringsKenmerk: geopend.bronRouteringsKenmerk,
        resultaatcode: 'DossierGeleverd',
      });
    const since = ctx.world.log.lastSeq;
    // The session's own request, but for the asked pupil (another one for SessieAfwijkend).
    let fault: SoapFaultAnswer | undefined;
    try {
      await client.call(apUrl, 'documentRequest', { ...geopend, zoeksleutelPgnfrag: zoeksleutelVoor(gevraagd.pgn.waarde, gevraagd.geboortedatum) });
    } catch (e) {
      // A Fault is the bron saying no; anything else (no connection, an unreadable answer) leaves the step undecided.
      if (!(e instanceof SoapFaultAnswer)) throw e;
      fault = e;
    }
    const documentRequest = ctx.world.log.since(since).find((e) => e.operation === 'documentRequest');
    const antwoord = documentRequest?.response;
    const controles = tcBericht(ctx, 'sessiecontroleRequest', sessieId, ctx.bron);
    if (antwoord && dossierUitAntwoord(antwoord) !== undefined)
      throw new CheckFailure({
        eis,
        verwacht: `geen dossier: de sessiecontrole bij het TC levert ${tc} op`,
        ontvangen: `een dossier in documentResponse, ${controles.length ? `na een sessiecontrole met uitkomst ${controles.map((c) => c.uitkomst).join(', ')}` : 'zonder sessiecontrole'}`,
        ...(documentRequest ? { bericht: beschrijf(documentRequest) } : {}),
        oorzaak: controles.length ? 'de bron geeft het dossier vrij ondanks de weigering van het Traffic Center.' : 'de bron geeft het dossier vrij zonder sessiecontrole.',
      });
    if (!controles.some((c) => c.uitkomst === tc))
      throw new CheckFailure({
        eis,
        verwacht: `een sessiecontrole van ${ctx.bron.naam} die het TC met ${tc} afwijst`,
        ontvangen: `${controles.length ? `sessiecontrole met uitkomst ${controles.map((c) => c.uitkomst).join(', ')}` : 'geen sessiecontrole'}${fault ? `; de bron antwoordde met ${fault.message}` : ''}`,
        ...(documentRequest ? { bericht: beschrijf(documentRequest) } : {}),
        oorzaak: 'de bron vraagt het Traffic Center niet met de gegevens van het verzoek of de sessie geldig is.',
      });
  },
};
