import type { Exchange } from '../../simulator/transport/exchange-log.ts';
import { CheckFailure } from '../check-failure.ts';
import { beschrijf, documentRequestVan, tcBericht, vereisSessie, type StepDefinition } from '../scenario-context.ts';

/**
 * The bron asked the TC for sessiecontrole before it answered the documentRequest [pub]: the TC's log must hold an
 * accepted sessiecontroleRequest from the bron's certificate for the session, made while the documentRequest was open.
 */
export const verwachtSessiecontrole: StepDefinition<Record<string, never>> = {
  naam: 'verwacht-sessiecontrole',
  soort: 'controle',
  eisen: { bron: ['BRON-01'] },
  titel: () => 'De bron deed sessiecontrole bij het TC vóór het vrijgeven van het dossier',
  async run(ctx) {
    const { sessieId } = vereisSessie(ctx, 'verwacht-sessiecontrole');
    const eis = ctx.eis('BRON-01');
    const documentRequest = documentRequestVan(ctx, sessieId);
    const controles = tcBericht(ctx, 'sessiecontroleRequest', sessieId, ctx.bron);
    const tcInSessie = ctx.world.log.all().filter((e) => e.recordedBy === 'TC' && e.sessieId === sessieId);
    if (controles.length === 0)
      throw new CheckFailure({
        eis,
        verwacht: `een sessiecontroleRequest van ${ctx.bron.naam} bij het TC voor sessie ${sessieId}, vóór het antwoord op documentRequest`,
        ontvangen: `geen sessiecontroleRequest van ${ctx.bron.naam}; ${inSessie(tcInSessie)}`,
        ...(documentRequest ? { bericht: `${beschrijf(documentRequest)} — beantwoord zonder sessiecontrole` } : {}),
        oorzaak: oorzaakZonderControle(documentRequest),
      });
    const geldig = controles.find((c) => c.uitkomst === 'Ok');
    if (!geldig)
      throw new CheckFailure({
        eis,
        verwacht: 'een sessiecontroleRequest die het TC accepteert (resultaat Ok)',
        ontvangen: controles.map((c) => `${beschrijf(c)}`).join('; '),
        bericht: beschrijf(controles[0]!),
        oorzaak: 'de bron vult de sessiecontrole niet met de gegevens van de sessie (BRINs, aanleverpunten, zoeksleutel, overdrachtsoort).',
      });
    if (documentRequest) {
      const started = Date.parse(documentRequest.startedAt);
      const inTime = controles.some((c) => c.seq < documentRequest.seq && Date.parse(c.startedAt) >= started);
      if (!inTime)
        throw new CheckFailure({
          eis,
          verwacht: 'de sessiecontrole terwijl het documentRequest openstond, vóór het antwoord',
          ontvangen: `sessiecontrole ${controles.map(beschrijf).join('; ')} buiten het documentRequest ${beschrijf(documentRequest)}`,
          bericht: beschrijf(documentRequest),
          oorzaak: 'de bron doet de sessiecontrole op een ander moment dan bij het vrijgeven van het dossier.',
        });
    }
  },
};

/** What the TC did receive in the session, with each sender: a sessiecontroleRequest of another party is not the bron's. */
function inSessie(tcInSessie: readonly Exchange[]): string {
  if (tcInSessie.length === 0) return 'het TC ontving in deze sessie geen enkel bericht';
  const perAfzender = new Map<string, string[]>();
  for (const e of tcInSessie) perAfzender.set(e.van, [...(perAfzender.get(e.van) ?? []), e.operation]);
  return `het TC ontving in deze sessie ${[...perAfzender].map(([van, berichten]) => `van ${van}: ${berichten.join(', ')}`).join('; ')}`;
}

/** The likely cause, by the bron's actual answer: only an answer that delivered the dossier released it. */
function oorzaakZonderControle(documentRequest: Exchange | undefined): string {
  const vraag = 'het Traffic Center te vragen of de sessie geldig is en bij deze doel hoort';
  if (!documentRequest) return 'de bron vraagt het Traffic Center niet of de sessie geldig is en bij deze doel hoort.';
  if (documentRequest.uitkomst === 'DossierGeleverd') return `de bron geeft het dossier vrij zonder ${vraag}.`;
  return `de bron beantwoordt het documentRequest (${documentRequest.uitkomst}) zonder eerst ${vraag}.`;
}
