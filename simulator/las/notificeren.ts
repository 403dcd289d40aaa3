/**
 * The bron side of a notificatie. A bron remembers who asked for a pupil's dossier that it could not yet release; when
 * its user later klaarzet that dossier for that school and chooses to notify, it tells exactly those systems: first
 * meldenNotificatie at the TC for the session of the earlier request (the TC answers the doel AP's current URL), then
 * notificatieRequest at that URL. "Notificatie may go only to a system that requested that dossier before, and only as
 * a conscious user act" [pub]; which refusals count as "asked before" and what the koppelsleutel carries are [ours].
 */
import type { NotificatieUitkomst } from '../control-api.ts';
import type { DocumentRequest } from '../protocol/messages.ts';
import { oso2021 } from '../protocol/profile.ts';
import type { ResultCode } from '../protocol/result-codes.ts';
import type { OsoClient } from './oso-client.ts';

/** Switches that make a bron notify wrongly on purpose (used by the reference LAS's named faults). */
export interface NotificatieGedrag {
  /** Notify every system that ever asked this bron for any dossier, not only those that asked for this one. */
  notificeerIedereen?: boolean;
  /** Send nothing, even when the user chose to notify. */
  notificatieOverslaan?: boolean;
  /** As doel: acknowledge a notificatie but keep no record of it, so the user never learns the dossier is ready. */
  notificatieVergeten?: boolean;
}

/** A request the bron answered, as it remembers it. */
export interface Aanvraag {
  sessieId: string;
  bronBrin: string;
  bronRouteringsKenmerk: string;
  doelBrin: string;
  doelRouteringsKenmerk: string;
  /** The pupil the request was for, when the bron knew it. */
  pgn: string;
  /** YYYY-MM-DD, as the doel sent it. */
  aanvraagdatum: string;
  resultaat: ResultCode;
  /** Set once the doel has been notified, or has had the dossier since: a request is notified once at most. */
  afgehandeld?: boolean;
}

/**
 * The refusals after which the doel is waiting for the dossier [ours]: it was not klaargezet, not for this school, or not
 * in this release (after the summer release it must be klaargezet again). A request refused by the TC's sessiecontrole
 * is not a request of that system and is never notified.
 */
export const wachtOpKlaarzetten: readonly ResultCode[] = ['DossierNietKlaargezet', 'DossierNietVoorDezeSchool', 'DossierVersieOnjuist'];

/** The requests a bron answered for pupils it knows, in the order they came. */
export class Aanvragenboek {
  #aanvragen: Aanvraag[] = [];

  /** `max`: remember only the latest N requests (a long-running service); all when absent. */
  constructor(private readonly max?: number) {}

  /** Forget every request (a reset of the test data). */
  leeg(): void {
    this.#aanvragen = [];
  }

  onthoud(verzoek: DocumentRequest, pgn: string, resultaat: ResultCode): void {
    // A doel that got the dossier waits no longer: its earlier requests for this pupil need no notificatie.
    if (resultaat === 'DossierGeleverd') this.afgehandeld(verzoek.doelRouteringsKenmerk, verzoek.bronBrin, pgn);
    this.#bewaar({
      sessieId: verzoek.sessieId,
      bronBrin: verzoek.bronBrin,
      bronRouteringsKenmerk: verzoek.bronRouteringsKenmerk,
      doelBrin: verzoek.doelBrin,
      doelRouteringsKenmerk: verzoek.doelRouteringsKenmerk,
      pgn,
      aanvraagdatum: verzoek.aanvraagdatum,
      resultaat,
    });
  }

  /**
   * A request this bron answered as it was recorded elsewhere (a `serve` instance that restarted, or another instance
   * behind the same load balancer, answered it): remembered once, by its session.
   */
  herinner(aanvraag: Aanvraag): void {
    if (!this.#aanvragen.some((a) => a.sessieId === aanvraag.sessieId)) this.#bewaar({ ...aanvraag });
  }

  #bewaar(aanvraag: Aanvraag): void {
    this.#aanvragen.push(aanvraag);
    if (this.max !== undefined && this.#aanvragen.length > this.max) this.#aanvragen.shift();
  }

  /**
   * Who to notify now that the pupil's dossier is klaargezet for doelBrin: each doel AP that asked for it and is still
   * waiting, once, for its latest request. The faulty `notificeerIedereen` takes every system that ever asked anything.
   */
  teNotificeren(bronBrin: string, pgn: string, doelBrin: string, gedrag: NotificatieGedrag = {}): Aanvraag[] {
    const kandidaten = gedrag.notificeerIedereen
      ? this.#aanvragen.filter((a) => !a.afgehandeld)
      : this.#aanvragen.filter((a) => a.bronBrin === bronBrin && a.pgn === pgn && a.doelBrin === doelBrin && !a.afgehandeld && wachtOpKlaarzetten.includes(a.resultaat));
    const laatstePerDoel = new Map<string, Aanvraag>();
    for (const a of kandidaten) laatstePerDoel.set(gedrag.notificeerIedereen ? `${a.doelRouteringsKenmerk}/${a.pgn}` : a.doelRouteringsKenmerk, a);
    return [...laatstePerDoel.values()];
  }

  /** The doel AP waits no longer for this pupil's dossier (notified, or delivered): none of its requests for it is notified again. */
  afgehandeld(doelRouteringsKenmerk: string, bronBrin: string, pgn: string): void {
    for (const a of this.#aanvragen) if (a.doelRouteringsKenmerk === doelRouteringsKenmerk && a.bronBrin === bronBrin && a.pgn === pgn) a.afgehandeld = true;
  }
}

/**
 * Notifies each request's doel: meldenNotificatie at the TC, then notificatieRequest at the URL it answered. Never
 * throws: every failure becomes an outcome, because klaarzetten has already succeeded and the user must see both.
 */
export async function notificeer(client: OsoClient, tcUrl: string, aanvragen: readonly Aanvraag[], boek: Aanvragenboek): Promise<NotificatieUitkomst[]> {
  const doel = oso2021.notificatieDoelen[0];
  const uitkomsten: NotificatieUitkomst[] = [];
  for (const a of aanvragen) {
    const basis = { doelBrin: a.doelBrin, doelRouteringsKenmerk: a.doelRouteringsKenmerk, sessieId: a.sessieId };
    const partijen = { bronBrin: a.bronBrin, bronRouteringsKenmerk: a.bronRouteringsKenmerk, doelBrin: a.doelBrin, doelRouteringsKenmerk: a.doelRouteringsKenmerk };
    let url: string;
    try {
      const melding = await client.call(tcUrl, 'meldenNotificatieRequest', { ...partijen, sessieId: a.sessieId, aanvraagdatum: a.aanvraagdatum, doel });
      if (melding.resultaat.code !== 'Ok' || !melding.url) {
        uitkomsten.push({ ...basis, resultaat: melding.resultaat.code, ...(melding.resultaat.code === 'Ok' ? { fout: 'Het Traffic Center gaf geen URL van het aanleverpunt.' } : {}) });
        continue;
      }
      url = melding.url;
    } catch (e) {
      uitkomsten.push({ ...basis, resultaat: 'TrafficCenterOnbereikbaar', fout: (e as Error).message });
      continue;
    }
    try {
      // The koppelsleutel is the session of the earlier request, so the doel knows which request it answers [ours].
      const antwoord = await client.call(url, 'notificatieRequest', { ...partijen, koppelsleutel: a.sessieId, doel });
      uitkomsten.push({ ...basis, resultaat: antwoord.resultaat.code });
      if (antwoord.resultaat.code === 'NotificatieOntvangen') boek.afgehandeld(a.doelRouteringsKenmerk, a.bronBrin, a.pgn);
    } catch (e) {
      uitkomsten.push({ ...basis, resultaat: 'AanleverpuntOnbereikbaar', fout: (e as Error).message });
    }
  }
  return uitkomsten;
}
