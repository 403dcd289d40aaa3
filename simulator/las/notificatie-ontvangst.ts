/**
 * The doel side of a notificatie: the AP answers notificatieRequest with NotificatieOntvangen [pub] and the LAS records
 * it for its user — who notified, for which of its own requests (the koppelsleutel is that request's sessieId [ours],
 * so the LAS can name the pupil), and when.
 */
import type { SimulatedClock } from '../clock.ts';
import type { OntvangenNotificatie } from '../control-api.ts';
import type { NotificatieRequest, NotificatieResponse } from '../protocol/messages.ts';
import { oso2021 } from '../protocol/profile.ts';
import { resultCodes } from '../protocol/result-codes.ts';
import { ProtocolError } from '../protocol/soap.ts';
import type { RequestContext } from '../transport/soap-server.ts';
import type { LasSchool } from './las-school.ts';

/** The doel's own requests by session, and the notificaties that answered them. */
export class NotificatieInbox {
  #aanvragen = new Map<string, { doelBrin: string; bronBrin: string; pgn: string }>();
  #ontvangen: OntvangenNotificatie[] = [];

  /** `max`: keep only the latest N requests and notificaties (a long-running service); all when absent. */
  constructor(private readonly max?: number) {}

  /** Remember a request this LAS made as doel, so a later notificatie for it can name the pupil. */
  onthoudAanvraag(sessieId: string, aanvraag: { doelBrin: string; bronBrin: string; pgn: string }): void {
    this.#aanvragen.set(sessieId, aanvraag);
    // A Map iterates in insertion order: the first key is the oldest request.
    if (this.max !== undefined && this.#aanvragen.size > this.max) this.#aanvragen.delete(this.#aanvragen.keys().next().value!);
  }

  /** Forget every request and notificatie (a reset of the test data). */
  leeg(): void {
    this.#aanvragen.clear();
    this.#ontvangen = [];
  }

  ontvangen(): readonly OntvangenNotificatie[] {
    return this.#ontvangen;
  }

  /** `vergeten`: answer NotificatieOntvangen but keep nothing (the fault of a doel that loses notificaties). */
  handler(options: { schools: readonly LasSchool[]; clock: SimulatedClock; vergeten?: boolean }) {
    return async (req: NotificatieRequest, ctx: RequestContext): Promise<NotificatieResponse> => {
      const school = options.schools.find((s) => s.routeringsKenmerk === ctx.params['routeringsKenmerk']);
      if (!school) throw new ProtocolError('OnbekendAdres', `Geen aanleverpunt ${ctx.params['routeringsKenmerk']} bij dit systeem.`);
      if (school.brin !== req.doelBrin || school.routeringsKenmerk !== req.doelRouteringsKenmerk)
        throw new ProtocolError('BerichtOngeldig', `doelBrin ${req.doelBrin} / doelRouteringsKenmerk ${req.doelRouteringsKenmerk} horen niet bij dit aanleverpunt.`);
      const doelen: readonly string[] = oso2021.notificatieDoelen;
      if (!doelen.includes(req.doel)) throw new ProtocolError('BerichtOngeldig', `doel ${req.doel} is geen geldig notificatiedoel; verwacht: ${doelen.join(', ')}.`);
      const ontvangen = { resultaat: { code: 'NotificatieOntvangen', omschrijving: resultCodes.NotificatieOntvangen.omschrijving } } as const;
      if (options.vergeten) return ontvangen;
      const eigen = this.#aanvragen.get(req.koppelsleutel);
      const pgn = eigen && eigen.doelBrin === req.doelBrin && eigen.bronBrin === req.bronBrin ? eigen.pgn : undefined;
      this.#ontvangen.push({
        bronBrin: req.bronBrin,
        bronRouteringsKenmerk: req.bronRouteringsKenmerk,
        doelBrin: req.doelBrin,
        doelRouteringsKenmerk: req.doelRouteringsKenmerk,
        koppelsleutel: req.koppelsleutel,
        ...(pgn ? { pgn } : {}),
        ontvangenOp: options.clock.now().toISOString(),
      });
      if (this.max !== undefined && this.#ontvangen.length > this.max) this.#ontvangen.shift();
      return ontvangen;
    };
  }
}
