/**
 * The doel side of a LAS: opvragen. A conformant doel starts with overdrachtRequest at the TC, asks each AP the TC
 * returned (documentRequest), and ends with afmeldingRequest reporting the best result over all APs [pub].
 */
import { besteResultaat, isResultCode, type ResultCode } from '../protocol/result-codes.ts';
import { zoeksleutelVoor } from '../protocol/zoeksleutel.ts';
import type { LasSchool } from './las-school.ts';
import type { OsoClient } from './oso-client.ts';

/** Switches that make a doel misbehave on purpose (used by the reference LAS's named faults). */
export interface DoelGedrag {
  /** Never close the session at the TC. */
  afmeldingOverslaan?: boolean;
  /** Report the result of the last AP asked instead of the best over all APs. */
  laatsteApResultaat?: boolean;
  /** Tell the user a general failure instead of the TC's result code when the TC refuses the overdracht. */
  tcWeigeringVerbergen?: boolean;
}

export interface OpvraagVerzoek {
  doelSchool: LasSchool;
  bronBrin: string;
  leerling: { pgn: string; geboortedatum: string };
  overdrachtsoort: string;
  /** The gegevensset version this doel expects. */
  dossierVersie: string;
  /** YYYY-MM-DD */
  aanvraagdatum: string;
}

export interface AanleverpuntUitkomst {
  routeringsKenmerk: string;
  url: string;
  /** The bron's result code, or AanleverpuntOnbereikbaar when the AP gave no usable answer. */
  resultaat: string;
  fout?: string;
}

export interface OpvraagUitkomst {
  /** The TC's code when overdracht was refused, otherwise the best result over all APs. */
  resultaat: string;
  sessieId?: string;
  dossierXml?: string;
  aanleverpunten: AanleverpuntUitkomst[];
  afgemeld: boolean;
  fout?: string;
}

export async function opvragen(client: OsoClient, tcUrl: string, verzoek: OpvraagVerzoek, gedrag: DoelGedrag = {}): Promise<OpvraagUitkomst> {
  const sleutel = zoeksleutelVoor(verzoek.leerling.pgn, verzoek.leerling.geboortedatum);
  const doel = verzoek.doelSchool;
  let overdracht;
  try {
    overdracht = await client.call(tcUrl, 'overdrachtRequest', {
      doelBrin: doel.brin,
      doelRouteringsKenmerk: doel.routeringsKenmerk,
      bronBrin: verzoek.bronBrin,
      overdrachtsoort: verzoek.overdrachtsoort,
      zoeksleutel: sleutel.zoeksleutel,
    });
  } catch (e) {
    return { resultaat: 'TrafficCenterOnbereikbaar', aanleverpunten: [], afgemeld: false, fout: (e as Error).message };
  }
  const sessieId = overdracht.sessieId;
  if (overdracht.resultaat.code !== 'Ok' || !sessieId)
    return gedrag.tcWeigeringVerbergen
      ? { resultaat: 'OpvragenMislukt', aanleverpunten: [], afgemeld: false, fout: 'Er ging iets mis bij het opvragen.' }
      : { resultaat: overdracht.resultaat.code, aanleverpunten: [], afgemeld: false };

  const uitkomsten: AanleverpuntUitkomst[] = [];
  let dossierXml: string | undefined;
  for (const ap of overdracht.aanleverpunten ?? []) {
    try {
      const response = await client.call(ap.url, 'documentRequest', {
        sessieId,
        bronBrin: verzoek.bronBrin,
        bronRouteringsKenmerk: ap.routeringsKenmerk,
        doelBrin: doel.brin,
        doelRouteringsKenmerk: doel.routeringsKenmerk,
        zoeksleutelPgnfrag: sleutel,
        overdrachtsoort: verzoek.overdrachtsoort,
        aanvraagdatum: verzoek.aanvraagdatum,
        dossierVersie: verzoek.dossierVersie,
      });
      uitkomsten.push({ routeringsKenmerk: ap.routeringsKenmerk, url: ap.url, resultaat: response.resultaat.code });
      if (response.resultaat.code === 'DossierGeleverd' && response.dossier) dossierXml = Buffer.from(response.dossier, 'base64').toString('utf8');
    } catch (e) {
      uitkomsten.push({ routeringsKenmerk: ap.routeringsKenmerk, url: ap.url, resultaat: 'AanleverpuntOnbereikbaar', fout: (e as Error).message });
    }
  }

  const codes = uitkomsten.map((u) => u.resultaat).filter(isResultCode) as ResultCode[];
  const beste = (gedrag.laatsteApResultaat ? uitkomsten.at(-1)?.resultaat : besteResultaat(codes)) ?? 'AanleverpuntOnbereikbaar';
  // On a tie the last AP asked counts [pub].
  const besteAp = [...uitkomsten].reverse().find((u) => u.resultaat === beste) ?? uitkomsten.at(-1);
  let afgemeld = false;
  // When no AP gave a usable answer, the user is told why (time-out, reset, garbage …), not only that it failed.
  const apFouten = beste === 'AanleverpuntOnbereikbaar' ? uitkomsten.flatMap((u) => (u.fout ? [u.fout] : [])) : [];
  let fout: string | undefined = apFouten.length ? apFouten.join(' ') : undefined;
  if (gedrag.afmeldingOverslaan) return { resultaat: beste, sessieId, aanleverpunten: uitkomsten, afgemeld, ...(dossierXml ? { dossierXml } : {}), ...(fout ? { fout } : {}) };
  try {
    const afmelding = await client.call(tcUrl, 'afmeldingRequest', {
      sessieId,
      doelBrin: doel.brin,
      doelRouteringsKenmerk: doel.routeringsKenmerk,
      bronBrin: verzoek.bronBrin,
      bronRouteringsKenmerk: besteAp?.routeringsKenmerk ?? '',
      resultaatcode: beste,
    });
    afgemeld = afmelding.resultaat.code === 'Ok';
    if (!afgemeld) fout = [fout, `Afmelding geweigerd: ${afmelding.resultaat.code}`].filter(Boolean).join(' ');
  } catch (e) {
    fout = [fout, `Afmelding mislukt: ${(e as Error).message}`].filter(Boolean).join(' ');
  }
  return { resultaat: beste, sessieId, aanleverpunten: uitkomsten, afgemeld, ...(dossierXml ? { dossierXml } : {}), ...(fout ? { fout } : {}) };
}
