import { onbekendeBrin } from '../../fixtures/scholen.ts';
import { resultCodes, isResultCode } from '../../simulator/protocol/result-codes.ts';
import { CheckFailure } from '../check-failure.ts';
import { beschrijf, type StepDefinition } from '../scenario-context.ts';
import { dossierUitAntwoord } from './geleverd-dossier.ts';

interface Args {
  leerling: string;
  verwacht: string;
  /** Ask with another PGN than the pupil's (a pupil the bron does not know). */
  pgn?: string;
  /** Ask with another birth date than the pupil's. */
  geboortedatum?: string;
  /** Name a bron BRIN no register knows instead of the bron's. */
  bron?: 'onbekend';
}

/** A refusal by the TC: no session, so nothing reaches a bron. */
const doorTc = (code: string) => isResultCode(code) && resultCodes[code].door === 'TC';
/** The doel's own verdict that a server gave no usable answer — e.g. it refused the server's certificate. */
const onbereikbaar = (code: string) => isResultCode(code) && resultCodes[code].door === 'doel';

/** What an opvragen verifies depends on what it expects: a delivery, the release check, or a refusal and by whom. */
function eisenVoor(verwacht: string): Partial<Record<'bron' | 'doel', readonly string[]>> {
  if (verwacht === 'DossierGeleverd') return { bron: ['BRON-02'], doel: ['DOEL-02'] };
  if (verwacht === 'DossierVersieOnjuist') return { bron: ['REL-01'], doel: ['REL-02'] };
  if (doorTc(verwacht)) return { doel: ['DOEL-05'] };
  if (onbereikbaar(verwacht)) return { doel: ['BEV-02'] };
  return { bron: ['BRON-05'], doel: ['DOEL-05'] };
}

/**
 * The doel asks for the pupil's dossier through the TC; the result must be the expected one. With the SUT as bron this
 * is the SUT's answer to documentRequest; with the SUT as doel it is what the SUT reports to its user, and a
 * documentRequest must have reached the bron's AP (unless the TC refused). When a refusal is expected, a bron that
 * answers it but still sends the dossier along is caught too.
 */
export const opvragen: StepDefinition<Args> = {
  naam: 'opvragen',
  soort: 'actie',
  eisen: ({ verwacht }) => eisenVoor(verwacht),
  titel: ({ leerling, verwacht, pgn, geboortedatum, bron }) =>
    `Doel vraagt het dossier van ${leerling} op${pgn ? ` met PGN ${pgn}` : ''}${geboortedatum ? ` met geboortedatum ${geboortedatum}` : ''}${bron ? ` bij een onbekende bronschool (${onbekendeBrin})` : ''} (verwacht: ${verwacht})`,
  async run(ctx, args) {
    const { verwacht } = args;
    const fixture = ctx.leerling(args.leerling);
    const l = { ...fixture, ...(args.pgn ? { pgn: { ...fixture.pgn, waarde: args.pgn } } : {}), ...(args.geboortedatum ? { geboortedatum: args.geboortedatum } : {}) };
    const eis = ctx.eis(eisenVoor(verwacht)[ctx.rol]?.[0] ?? (ctx.rol === 'bron' ? 'BRON-05' : 'DOEL-05'));
    const since = ctx.world.log.lastSeq;
    const uitkomst = await ctx.doel.opvragen(l, args.bron ? onbekendeBrin : ctx.bron.school.brin);
    const nieuw = ctx.world.log.since(since);
    // The session id: as the doel reports it, or else as the TC handed it out to the doel.
    const sessieId =
      uitkomst.sessieId ?? nieuw.find((e) => e.recordedBy === 'TC' && e.operation === 'overdrachtRequest' && e.peerOin === ctx.doel.oin)?.sessieId;
    if (sessieId) ctx.sessie = { sessieId, resultaat: uitkomst.resultaat, leerling: l };
    else delete ctx.sessie;
    const documentRequest = nieuw.find((e) => e.operation === 'documentRequest' && (!sessieId || e.sessieId === sessieId));

    if (ctx.rol === 'doel' && !documentRequest && !doorTc(verwacht) && !onbereikbaar(verwacht))
      throw new CheckFailure({
        eis: ctx.eis('DOEL-02'),
        verwacht: `een documentRequest van ${ctx.doel.naam} bij het aanleverpunt van ${ctx.bron.naam} (${ctx.bron.school.brin})`,
        ontvangen: nieuw.length ? `alleen: ${nieuw.map(beschrijf).join('; ')}` : 'geen enkel bericht',
        oorzaak: 'de doel vraagt het dossier niet op bij het aanleverpunt dat het Traffic Center in overdrachtResponse teruggaf.',
      });
    if (uitkomst.resultaat !== verwacht)
      throw new CheckFailure({
        eis,
        verwacht: `resultaat ${verwacht}${isResultCode(verwacht) ? ` (${resultCodes[verwacht].omschrijving})` : ''}`,
        ontvangen: `resultaat ${uitkomst.resultaat}${uitkomst.fout ? ` (${uitkomst.fout})` : ''}`,
        ...(documentRequest ? { bericht: beschrijf(documentRequest) } : {}),
        oorzaak:
          ctx.rol !== 'bron'
            ? 'de doel meldt zijn gebruiker een ander resultaat dan de bron of het Traffic Center gaf.'
            : uitkomst.resultaat === 'AanleverpuntOnbereikbaar'
              ? 'het aanleverpunt van de bron gaf geen bruikbaar antwoord binnen de time-out (geen antwoord, verbroken verbinding, onleesbaar of te groot antwoord; zie hierboven).'
              : 'de bron beoordeelt het verzoek anders dan verwacht: klaargezet, voor deze school, de juiste leerling (PGN én geboortedatum), de juiste release.',
      });
    // A refusal must come without the dossier.
    if (ctx.rol === 'bron' && verwacht !== 'DossierGeleverd' && documentRequest?.response && dossierUitAntwoord(documentRequest.response))
      throw new CheckFailure({
        eis,
        verwacht: `resultaat ${verwacht} zonder dossier`,
        ontvangen: `resultaat ${uitkomst.resultaat}, maar het antwoord bevat toch een dossier`,
        bericht: beschrijf(documentRequest),
        oorzaak: 'de bron stuurt het dossier mee terwijl hij het verzoek weigert.',
      });
  },
};
