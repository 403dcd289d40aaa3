import type { Leerling } from '../../simulator/dossier/leerling.ts';
import { decodeEnvelope } from '../../simulator/protocol/soap.ts';
import { zoeksleutelVoor } from '../../simulator/protocol/zoeksleutel.ts';
import type { Sessie as TcSessie } from '../../simulator/traffic-center/session-store.ts';
import { TC_NAME } from '../../simulator/traffic-center/traffic-center.ts';
import type { Exchange } from '../../simulator/transport/exchange-log.ts';
import { CheckFailure } from '../check-failure.ts';
import { beschrijf, type ScenarioContext, type StepDefinition } from '../scenario-context.ts';

/**
 * After the bron klaarzette the dossier with the choice to notify: the doel that asked for it before got exactly one
 * notificatie, through the TC, and nobody else got one. "Notificatie may go only to a system that requested that dossier
 * before, and only as a conscious user act" [pub]. With the SUT as bron the TC's log and the testscholen's APs show what
 * it sent; with the SUT as doel its AP must answer NotificatieOntvangen and the SUT must report the notificatie.
 */
export const verwachtNotificatie: StepDefinition<{ leerling: string }> = {
  naam: 'verwacht-notificatie',
  soort: 'controle',
  eisen: { bron: ['BRON-10'], doel: ['DOEL-10'] },
  titel: ({ leerling }) => `De doel die het dossier van ${leerling} eerder vroeg kreeg er precies één notificatie van, en niemand anders`,
  async run(ctx, { leerling }) {
    const l = ctx.leerling(leerling);
    const sessies = await eerdereVerzoeken(ctx, l);
    if (sessies.length === 0)
      throw new Error(`Stap verwacht-notificatie heeft een eerder verzoek van ${ctx.doel.naam} om het dossier van ${leerling} nodig: zet er een opvragen-stap vóór het klaarzetten.`);
    if (ctx.rol === 'bron') bronNotificeerde(ctx, sessies);
    else await doelOntving(ctx, l, sessies);
  },
};

/** The doel's sessions at the TC for this pupil at this bron: the requests a notificatie may answer. */
async function eerdereVerzoeken(ctx: ScenarioContext, l: Leerling): Promise<TcSessie[]> {
  const { zoeksleutel } = zoeksleutelVoor(l.pgn.waarde, l.geboortedatum);
  return (await ctx.world.tc.sessions.all()).filter((s) => s.doelOin === ctx.doel.oin && s.doelBrin === ctx.doel.school.brin && s.bronBrin === ctx.bron.school.brin && s.zoeksleutel === zoeksleutel);
}

const koppelsleutelVan = (e: Exchange): string | undefined => {
  const d = decodeEnvelope(e.request);
  return d.kind === 'message' && d.name === 'notificatieRequest' ? d.body.koppelsleutel : undefined;
};

function bronNotificeerde(ctx: ScenarioContext, sessies: TcSessie[]): void {
  const eis = ctx.eis('BRON-10');
  const sessieIds = new Set(sessies.map((s) => s.sessieId));
  const log = ctx.world.log.all();
  const meldingen = log.filter((e) => e.recordedBy === TC_NAME && e.operation === 'meldenNotificatieRequest' && e.peerOin === ctx.bron.oin);
  const voorDoel = meldingen.filter((e) => e.sessieId !== undefined && sessieIds.has(e.sessieId));
  const sessieTekst = [...sessieIds].join(' of ');

  if (!voorDoel.some((e) => e.uitkomst === 'Ok'))
    throw new CheckFailure({
      eis,
      verwacht: `een meldenNotificatieRequest van ${ctx.bron.naam} bij het TC voor sessie ${sessieTekst} (het eerdere verzoek van ${ctx.doel.naam}), door het TC geaccepteerd`,
      ontvangen: voorDoel.length
        ? voorDoel.map(beschrijf).join('; ')
        : meldingen.length
          ? `alleen meldingen voor andere sessies: ${meldingen.map(beschrijf).join('; ')}`
          : 'geen meldenNotificatieRequest',
      ...(voorDoel[0] ? { bericht: beschrijf(voorDoel[0]) } : {}),
      oorzaak: voorDoel.length
        ? 'de bron vult meldenNotificatie niet met de gegevens van de sessie van het eerdere verzoek (BRINs, aanleverpunten, sessieId, doel OV).'
        : 'de bron notificeert niet, terwijl de gebruiker bij klaarzetten koos voor notificeren; of hij onthoudt niet wie het dossier eerder vroeg.',
    });

  const bijDoel = log.filter((e) => e.operation === 'notificatieRequest' && e.recordedBy === ctx.doel.naam && e.peerOin === ctx.bron.oin);
  if (bijDoel.length !== 1)
    throw new CheckFailure({
      eis,
      verwacht: `precies één notificatieRequest van ${ctx.bron.naam} bij het aanleverpunt van ${ctx.doel.naam}, met koppelsleutel ${sessieTekst}`,
      ontvangen: bijDoel.length
        ? `${bijDoel.length} notificatieRequests: ${bijDoel.map((e) => `${beschrijf(e)} koppelsleutel ${koppelsleutelVan(e) ?? '(onleesbaar)'}`).join('; ')}`
        : 'geen notificatieRequest',
      ...(bijDoel[0] ? { bericht: beschrijf(bijDoel[0]) } : {}),
      oorzaak: bijDoel.length
        ? 'de bron notificeert de doel ook voor verzoeken om andere leerlingen, of notificeert hetzelfde verzoek meer dan eens.'
        : 'de bron meldt de notificatie bij het TC maar stuurt het notificatieRequest niet naar de URL die het TC teruggaf.',
    });
  const [notificatie] = bijDoel as [Exchange];
  if (notificatie.uitkomst !== 'NotificatieOntvangen')
    throw new CheckFailure({
      eis,
      verwacht: `het notificatieRequest door ${ctx.doel.naam} beantwoord met NotificatieOntvangen`,
      ontvangen: notificatie.uitkomst,
      bericht: beschrijf(notificatie),
      oorzaak: 'het notificatieRequest past niet bij het aanleverpunt van de doel (doelBrin, doelRouteringsKenmerk) of heeft een ander doel dan OV.',
    });
  const koppelsleutel = koppelsleutelVan(notificatie);
  if (!koppelsleutel || !sessieIds.has(koppelsleutel))
    throw new CheckFailure({
      eis,
      verwacht: `koppelsleutel ${sessieTekst}: de sessie van het eerdere verzoek van ${ctx.doel.naam} (keuze van de testbank, zie docs/protocol-profile.md)`,
      ontvangen: `koppelsleutel ${koppelsleutel ?? '(geen)'}`,
      bericht: beschrijf(notificatie),
      oorzaak: 'de bron zet in de koppelsleutel niet de sessieId van het verzoek dat de notificatie beantwoordt, zodat de doel niet weet om welke leerling het gaat.',
    });

  const anderen = [
    ...log.filter((e) => e.operation === 'notificatieRequest' && e.recordedBy !== ctx.doel.naam && e.peerOin === ctx.bron.oin),
    ...meldingen.filter((e) => e.sessieId === undefined || !sessieIds.has(e.sessieId)),
  ];
  if (anderen.length)
    throw new CheckFailure({
      eis,
      verwacht: `geen notificatie (en geen melding bij het TC) voor systemen of verzoeken die niet om het dossier van deze leerling voor ${ctx.doel.school.brin} vroegen`,
      ontvangen: anderen.map(beschrijf).join('; '),
      bericht: beschrijf(anderen[0]!),
      oorzaak: 'de bron notificeert ook systemen die dit dossier niet eerder vroegen; een notificatie mag alleen naar wie het dossier eerder vroeg.',
    });
}

async function doelOntving(ctx: ScenarioContext, l: Leerling, sessies: TcSessie[]): Promise<void> {
  const eis = ctx.eis('DOEL-10');
  const sessieIds = new Set(sessies.map((s) => s.sessieId));
  const verstuurd = ctx.world.log
    .all()
    .filter((e) => e.operation === 'notificatieRequest' && e.recordedBy === ctx.bron.naam && sessieIds.has(koppelsleutelVan(e) ?? ''));
  // The testschool notifies as soon as it klaarzet; no notificatie sent means the harness could not, not that the SUT failed.
  if (verstuurd.length === 0) {
    const meldingen = ctx.world.log.all().filter((e) => e.recordedBy === TC_NAME && e.operation === 'meldenNotificatieRequest' && e.peerOin === ctx.bron.oin);
    throw new Error(
      `${ctx.bron.naam} heeft geen notificatieRequest naar ${ctx.doel.naam} gestuurd; meldingen bij het TC: ${meldingen.map(beschrijf).join('; ') || 'geen'}. Staat er een klaarzetten-stap met notificeren: true vóór deze stap?`,
    );
  }
  const notificatie = verstuurd.at(-1)!;
  if (notificatie.uitkomst !== 'NotificatieOntvangen')
    throw new CheckFailure({
      eis,
      verwacht: `het aanleverpunt van ${ctx.doel.naam} beantwoordt het notificatieRequest met NotificatieOntvangen`,
      ontvangen: notificatie.uitkomst,
      bericht: beschrijf(notificatie),
      oorzaak: 'het aanleverpunt van de doel kent notificatieRequest niet, of weigert een notificatie van een bron waar het eerder een dossier vroeg.',
    });
  const koppelsleutel = koppelsleutelVan(notificatie)!;
  const gemeld = await ctx.doel.notificaties();
  const deze = gemeld.find((n) => n.bronBrin === ctx.bron.school.brin && n.koppelsleutel === koppelsleutel);
  const lijst = gemeld.map((n) => `van ${n.bronBrin}, koppelsleutel ${n.koppelsleutel}${n.pgn ? `, leerling ${n.pgn}` : ''}`).join('; ');
  if (!deze)
    throw new CheckFailure({
      eis,
      verwacht: `${ctx.doel.naam} meldt de notificatie van ${ctx.bron.naam.includes(ctx.bron.school.brin) ? ctx.bron.naam : `${ctx.bron.naam} (${ctx.bron.school.brin})`} met koppelsleutel ${koppelsleutel}`,
      ontvangen: gemeld.length ? lijst : 'geen enkele notificatie',
      bericht: beschrijf(notificatie),
      oorzaak: 'de doel beantwoordt de notificatie wel, maar legt haar niet vast of toont haar niet aan de gebruiker.',
    });
  if (deze.pgn !== undefined && deze.pgn !== l.pgn.waarde)
    throw new CheckFailure({
      eis,
      verwacht: `de notificatie gekoppeld aan het eerdere verzoek om leerling ${l.pgn.waarde}`,
      ontvangen: `gekoppeld aan leerling ${deze.pgn}`,
      bericht: beschrijf(notificatie),
      oorzaak: 'de doel koppelt de koppelsleutel (de sessieId van het eigen verzoek) aan een verkeerd verzoek.',
    });
}
