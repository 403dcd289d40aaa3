import { CheckFailure } from '../check-failure.ts';
import { beschrijf, type StepDefinition } from '../scenario-context.ts';

/**
 * The doel asks for the pupil's dossier through the TC; the result must be the expected one. With the SUT as bron this
 * is the SUT's answer to documentRequest; with the SUT as doel it is what the SUT reports to its user, and a
 * documentRequest must have reached the bron's AP.
 */
export const opvragen: StepDefinition<{ leerling: string; verwacht: string }> = {
  naam: 'opvragen',
  soort: 'actie',
  eisen: { bron: ['BRON-02'], doel: ['DOEL-02'] },
  titel: ({ leerling, verwacht }) => `Doel vraagt het dossier van ${leerling} op (verwacht: ${verwacht})`,
  async run(ctx, { leerling, verwacht }) {
    const l = ctx.leerling(leerling);
    const since = ctx.world.log.lastSeq;
    const uitkomst = await ctx.doel.opvragen(l, ctx.bron.school.brin);
    const nieuw = ctx.world.log.since(since);
    // The session id: as the doel reports it, or else as the TC handed it out to the doel.
    const sessieId =
      uitkomst.sessieId ?? nieuw.find((e) => e.recordedBy === 'TC' && e.operation === 'overdrachtRequest' && e.peerOin === ctx.doel.oin)?.sessieId;
    if (sessieId) ctx.sessie = { sessieId, resultaat: uitkomst.resultaat, leerling: l };
    const documentRequest = nieuw.find((e) => e.operation === 'documentRequest' && (!sessieId || e.sessieId === sessieId));

    if (ctx.rol === 'doel' && !documentRequest)
      throw new CheckFailure({
        eis: ctx.eis('DOEL-02'),
        verwacht: `een documentRequest van ${ctx.doel.naam} bij het aanleverpunt van ${ctx.bron.naam} (${ctx.bron.school.brin})`,
        ontvangen: nieuw.length ? `alleen: ${nieuw.map(beschrijf).join('; ')}` : 'geen enkel bericht',
        oorzaak: 'de doel vraagt het dossier niet op bij het aanleverpunt dat het Traffic Center in overdrachtResponse teruggaf.',
      });
    if (uitkomst.resultaat !== verwacht) {
      const eis = ctx.eis(ctx.rol === 'bron' ? 'BRON-02' : 'DOEL-02');
      throw new CheckFailure({
        eis,
        verwacht: `resultaat ${verwacht}`,
        ontvangen: `resultaat ${uitkomst.resultaat}${uitkomst.fout ? ` (${uitkomst.fout})` : ''}`,
        ...(documentRequest ? { bericht: beschrijf(documentRequest) } : {}),
        oorzaak:
          ctx.rol !== 'bron'
            ? 'de doel meldt zijn gebruiker een ander resultaat dan de bron gaf.'
            : uitkomst.resultaat === 'AanleverpuntOnbereikbaar'
              ? 'het aanleverpunt van de bron gaf geen bruikbaar antwoord binnen de time-out (geen antwoord, verbroken verbinding, onleesbaar of te groot antwoord; zie hierboven).'
              : 'de bron beoordeelt het klaargezette dossier anders dan verwacht (klaargezet, voor deze school, juiste versie).',
      });
    }
  },
};
