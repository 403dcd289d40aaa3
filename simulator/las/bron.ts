/**
 * The bron side of a LAS: answering a documentRequest. A conformant bron asks the TC (sessiecontrole) before anything
 * else, and releases the dossier only when it is klaargezet, for this doel school, in the requested version [pub];
 * otherwise it answers the result code that says why.
 */
import type { Leerling } from '../dossier/leerling.ts';
import type { DocumentRequest, DocumentResponse } from '../protocol/messages.ts';
import { resultCodes, type ResultCode } from '../protocol/result-codes.ts';
import { ProtocolError } from '../protocol/soap.ts';
import { zoeksleutelVoor } from '../protocol/zoeksleutel.ts';
import type { RequestContext } from '../transport/soap-server.ts';
import type { KlaargezetDossier, KlaarzetStore } from './klaarzet-store.ts';
import type { LasSchool } from './las-school.ts';
import type { OsoClient } from './oso-client.ts';

/** Switches that make a bron misbehave on purpose (used by the reference LAS's named faults). */
export interface BronGedrag {
  /** Release the dossier without asking the TC. */
  sessiecontroleOverslaan?: boolean;
  /** Release the dossier to any caller, not only to the system (OIN) that opened the session. */
  oinNegeren?: boolean;
  /** Ask the TC, but release also when it refuses the session (SessieReedsAfgemeld, SessieAfwijkend …). */
  tcWeigeringNegeren?: boolean;
  /** Release a dossier klaargezet for another school. */
  doelBrinNegeren?: boolean;
  /** Release a dossier of another gegevensset release than the doel asked for. */
  versieNegeren?: boolean;
  /** Find the pupil by the last four digits of the PGN alone, without the zoeksleutel (so without the birth date). */
  zoekOpPgnfrag?: boolean;
  /** Release a dossier for every pupil it knows, klaargezet or not. */
  zonderKlaarzetten?: boolean;
  /** Know pupils by BSN only: a pupil with an onderwijsnummer is not found. */
  alleenBsn?: boolean;
  /** Write the dossier for the sector of the sending school, ignoring the doel's sector from sessiecontrole. */
  doelsectorNegeren?: boolean;
}

export interface BronOptions {
  schools: readonly LasSchool[];
  administratie: () => readonly Leerling[];
  klaargezet: KlaarzetStore;
  client: OsoClient;
  tcUrl: string;
  gedrag?: BronGedrag;
  /** A dossier made on the spot, for a bron that releases without klaarzetten (a fault). */
  maakDossier?: (bron: LasSchool, leerling: Leerling, doelBrin: string) => KlaargezetDossier;
  /**
   * Who asked for what and what was released: a bron logs requests and releases [pub, OSO'16]. Awaited before the
   * answer goes out, so a durable record of a release exists before the dossier leaves.
   */
  onUitgifte?: (u: Uitgifte) => void | Promise<void>;
  /**
   * Every pupil's dossier is klaargezet for whichever school asks, as the public OSO testschool does for its test pupils:
   * a school tries an exchange without calling the testschool first. The session is still checked at the TC. Pupils for
   * which it answers false wait until they are klaargezet for a school (the testschool's notificatie pupil).
   */
  klaargezetVoorIedereen?: (leerling: Leerling) => boolean;
}

export interface Uitgifte {
  sessieId: string;
  doelBrin: string;
  leerlingId?: string;
  resultaat: ResultCode;
  doelOin: string;
  verzoek: DocumentRequest;
  pgn?: string;
  /** The dossier released, when it was. */
  xml?: string;
}

const answer = (code: ResultCode, dossier?: string): DocumentResponse => ({
  resultaat: { code, omschrijving: resultCodes[code].omschrijving },
  ...(dossier ? { dossier } : {}),
});

export function bronDocumentRequestHandler(options: BronOptions) {
  return async (req: DocumentRequest, ctx: RequestContext): Promise<DocumentResponse> => {
    const school = options.schools.find((s) => s.routeringsKenmerk === ctx.params['routeringsKenmerk']);
    if (!school) throw new ProtocolError('OnbekendAdres', `Geen aanleverpunt ${ctx.params['routeringsKenmerk']} bij dit systeem.`);
    if (school.brin !== req.bronBrin || school.routeringsKenmerk !== req.bronRouteringsKenmerk)
      throw new ProtocolError('BerichtOngeldig', `bronBrin ${req.bronBrin} / bronRouteringsKenmerk ${req.bronRouteringsKenmerk} horen niet bij dit aanleverpunt.`);

    const gedrag = options.gedrag ?? {};
    const decide = async (): Promise<{ code: ResultCode; leerling?: Leerling; xml?: string }> => {
      let doelSector: string | undefined;
      if (!gedrag.sessiecontroleOverslaan) {
        try {
          const controle = await options.client.call(options.tcUrl, 'sessiecontroleRequest', {
            bronBrin: req.bronBrin,
            bronRouteringsKenmerk: req.bronRouteringsKenmerk,
            doelBrin: req.doelBrin,
            doelRouteringsKenmerk: req.doelRouteringsKenmerk,
            zoeksleutelPgnfrag: req.zoeksleutelPgnfrag,
            overdrachtsoort: req.overdrachtsoort,
            sessieId: req.sessieId,
          });
          if (controle.resultaat.code !== 'Ok' && !gedrag.tcWeigeringNegeren) return { code: 'SessiecontroleAfgewezen' };
          // The caller must be the system that opened the session [ours: the TC names it in doelOin].
          if (!gedrag.oinNegeren && controle.doelOin !== undefined && controle.doelOin !== ctx.client.oin) return { code: 'CertificaatNietVanDoel' };
          if (!gedrag.doelsectorNegeren) doelSector = controle.doelschoolSector;
        } catch {
          return { code: 'SessiecontroleMislukt' };
        }
      }
      const { pgnfrag, zoeksleutel } = req.zoeksleutelPgnfrag;
      const leerling = options
        .administratie()
        .filter((l) => !gedrag.alleenBsn || l.pgn.soort === 'bsn')
        .find((l) => l.pgn.waarde.endsWith(pgnfrag) && (gedrag.zoekOpPgnfrag || zoeksleutelVoor(l.pgn.waarde, l.geboortedatum).zoeksleutel === zoeksleutel));
      if (!leerling) return { code: 'LeerlingOnbekend' };
      const dossier =
        options.klaargezet.voor(req.bronBrin, leerling.pgn.waarde, req.doelBrin) ??
        (gedrag.zonderKlaarzetten || options.klaargezetVoorIedereen?.(leerling) ? options.maakDossier?.(school, leerling, req.doelBrin) : undefined);
      if (!dossier) return { code: 'DossierNietKlaargezet', leerling };
      if (dossier.doelBrin !== req.doelBrin && !gedrag.doelBrinNegeren) return { code: 'DossierNietVoorDezeSchool', leerling };
      if (dossier.versie !== req.dossierVersie && !gedrag.versieNegeren) return { code: 'DossierVersieOnjuist', leerling };
      return { code: 'DossierGeleverd', leerling, xml: dossier.xmlVoor(doelSector) };
    };

    const { code, leerling, xml } = await decide();
    await options.onUitgifte?.({
      sessieId: req.sessieId,
      doelBrin: req.doelBrin,
      ...(leerling ? { leerlingId: leerling.id } : {}),
      resultaat: code,
      doelOin: ctx.client.oin,
      verzoek: req,
      ...(leerling ? { pgn: leerling.pgn.waarde } : {}),
      ...(xml !== undefined ? { xml } : {}),
    });
    return answer(code, xml === undefined ? undefined : Buffer.from(xml, 'utf8').toString('base64'));
  };
}
