/**
 * A message of the exchange log as a school administrator understands it: what kind of message it was in plain words,
 * and what its outcome means. The outcome is a result code (simulator/protocol/result-codes.ts), a SOAP Fault with a
 * reason (fault-reasons.ts), or a transport error in words; each gets its Dutch meaning from the catalogue that owns it.
 */
import { faultReasons, isFaultReason } from '../../simulator/protocol/fault-reasons.ts';
import { isResultCode, resultCodes } from '../../simulator/protocol/result-codes.ts';

const soorten: Record<string, string> = {
  overdrachtRequest: 'Aanvraag van een overstap bij het Traffic Center (de nieuwe school vraagt een dossier aan)',
  documentRequest: 'Opvragen van het dossier bij het aanleverpunt van de huidige school',
  sessiecontroleRequest: 'Controle bij het Traffic Center of de aanvraag geldig is, vóór het dossier wordt vrijgegeven',
  afmeldingRequest: 'Afronden van de overstap bij het Traffic Center, met het resultaat',
  meldenNotificatieRequest: 'Melding aan het Traffic Center dat een dossier klaarstaat (notificatie)',
  notificatieRequest: 'Bericht aan de nieuwe school dat een dossier klaarstaat',
  pingRequest: 'Bereikbaarheidscontrole (ping)',
  onbekend: 'Een bericht dat niet te lezen was',
};

export function berichtsoort(operation: string): string {
  return soorten[operation] ?? `Bericht ${operation}`;
}

export interface UitkomstUitleg {
  /** The code or reason as the log holds it, for whoever compares with the LAS's own log. */
  code: string;
  betekenis: string;
  gelukt: boolean;
}

export function uitkomstUitleg(uitkomst: string): UitkomstUitleg {
  if (isResultCode(uitkomst)) return { code: uitkomst, betekenis: resultCodes[uitkomst].omschrijving, gelukt: resultCodes[uitkomst].succes };
  const fault = /^SOAP Fault: (.*)$/.exec(uitkomst);
  if (fault) {
    const reden = fault[1]!;
    return {
      code: reden,
      betekenis: `Het bericht is geweigerd (SOAP Fault). ${isFaultReason(reden) ? faultReasons[reden].tekst : ''}`.trim(),
      gelukt: false,
    };
  }
  return { code: uitkomst, betekenis: 'Er kwam geen bruikbaar antwoord (bijvoorbeeld geen verbinding of een time-out).', gelukt: false };
}
