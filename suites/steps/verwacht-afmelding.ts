import { CheckFailure } from '../check-failure.ts';
import { decodeEnvelope } from '../../simulator/protocol/soap.ts';
import { beschrijf, tcBericht, vereisSessie, type StepDefinition } from '../scenario-context.ts';

/** The doel closed the session at the TC with afmeldingRequest, reporting the best result over all APs asked [pub]. */
export const verwachtAfmelding: StepDefinition<{ resultaat: string }> = {
  naam: 'verwacht-afmelding',
  soort: 'controle',
  eisen: { doel: ['DOEL-03'] },
  titel: ({ resultaat }) => `De doel meldde de sessie af bij het TC met resultaat ${resultaat}`,
  async run(ctx, { resultaat }) {
    const { sessieId } = vereisSessie(ctx, 'verwacht-afmelding');
    const eis = ctx.eis('DOEL-03');
    const afmeldingen = tcBericht(ctx, 'afmeldingRequest', sessieId, ctx.doel);
    if (afmeldingen.length === 0)
      throw new CheckFailure({
        eis,
        verwacht: `een afmeldingRequest van ${ctx.doel.naam} voor sessie ${sessieId} met resultaat ${resultaat}`,
        ontvangen: 'geen afmelding voor deze sessie',
        oorzaak: 'de doel sluit de sessie niet af na het opvragen bij de aanleverpunten.',
      });
    const gemeld = afmeldingen.map((a) => {
      const d = decodeEnvelope(a.request);
      return { a, code: d.kind === 'message' && d.name === 'afmeldingRequest' ? d.body.resultaatcode : '(onleesbaar)' };
    });
    const juist = gemeld.find((g) => g.code === resultaat && g.a.uitkomst === 'Ok');
    if (!juist)
      throw new CheckFailure({
        eis,
        verwacht: `afmelding met resultaatcode ${resultaat}, door het TC geaccepteerd`,
        ontvangen: gemeld.map((g) => `resultaatcode ${g.code}, TC-antwoord ${g.a.uitkomst}`).join('; '),
        bericht: beschrijf(gemeld[0]!.a),
        oorzaak: 'de doel meldt niet het beste resultaat over alle gevraagde aanleverpunten, of meldt af met gegevens die niet bij de sessie horen.',
      });
  },
};
