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
import type { KlaarzetStore } from './klaarzet-store.ts';
import type { LasSchool } from './las-school.ts';
import type { OsoClient } from './oso-client.ts';

/** Switches that make a bron misbehave on purpose (used by the reference LAS's named faults). */
export interface BronGedrag {
  /** Release the dossier without asking the TC. */
  sessiecontroleOverslaan?: boolean;
  /** Release the dossier to any caller, not only to the system (OIN) that opened the session. */
  oinNegeren?: boolean;
}

export interface BronOptions {
  schools: readonly LasSchool[];
  administratie: () => readonly Leerling[];
  klaargezet: KlaarzetStore;
  client: OsoClient;
  tcUrl: string;
  gedrag?: BronGedrag;
  /** Who asked for what and what was released: a bron logs requests and releases [pub, OSO'16]. */
  onUitgifte?: (u: { sessieId: string; doelBrin: string; leerlingId?: string; resultaat: ResultCode; doelOin: string; verzoek: DocumentRequest; pgn?: string }) => void;
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

    const decide = async (): Promise<{ code: ResultCode; leerling?: Leerling; xml?: string }> => {
      if (!options.gedrag?.sessiecontroleOverslaan) {
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
          if (controle.resultaat.code !== 'Ok') return { code: 'SessiecontroleAfgewezen' };
          // The caller must be the system that opened the session [ours: the TC names it in doelOin].
          if (!options.gedrag?.oinNegeren && controle.doelOin !== undefined && controle.doelOin !== ctx.client.oin) return { code: 'CertificaatNietVanDoel' };
        } catch {
          return { code: 'SessiecontroleMislukt' };
        }
      }
      const leerling = options
        .administratie()
        .find(
          (l) =>
            l.pgn.waarde.endsWith(req.zoeksleutelPgnfrag.pgnfrag) &&
            zoeksleutelVoor(l.pgn.waarde, l.geboortedatum).zoeksleutel === req.zoeksleutelPgnfrag.zoeksleutel,
        );
      if (!leerling) return { code: 'LeerlingOnbekend' };
      const dossier = options.klaargezet.voor(req.bronBrin, leerling.pgn.waarde);
      if (!dossier) return { code: 'DossierNietKlaargezet', leerling };
      if (dossier.doelBrin !== req.doelBrin) return { code: 'DossierNietVoorDezeSchool', leerling };
      if (dossier.versie !== req.dossierVersie) return { code: 'DossierVersieOnjuist', leerling };
      return { code: 'DossierGeleverd', leerling, xml: dossier.xml };
    };

    const { code, leerling, xml } = await decide();
    options.onUitgifte?.({
      sessieId: req.sessieId,
      doelBrin: req.doelBrin,
      ...(leerling ? { leerlingId: leerling.id } : {}),
      resultaat: code,
      doelOin: ctx.client.oin,
      verzoek: req,
      ...(leerling ? { pgn: leerling.pgn.waarde } : {}),
    });
    return answer(code, xml === undefined ? undefined : Buffer.from(xml, 'utf8').toString('base64'));
  };
}
