/** The OSO messages as typed data. Field names equal the wire names of the profile. */
import type { MessageName } from './profile.ts';
import type { ResultCode } from './result-codes.ts';

export interface Resultaat {
  /** A code of the catalogue when a harness party wrote it; a SUT may answer anything, so readers check. */
  code: ResultCode | (string & {});
  omschrijving?: string;
}

export interface ZoeksleutelPgnfrag {
  zoeksleutel: string;
  pgnfrag: string;
}

export interface OverdrachtRequest {
  doelBrin: string;
  doelRouteringsKenmerk: string;
  bronBrin: string;
  overdrachtsoort: string;
  zoeksleutel?: string;
  koppelsleutel?: string;
}

export interface Aanleverpunt {
  routeringsKenmerk: string;
  url: string;
}

export interface OverdrachtResponse {
  resultaat: Resultaat;
  sessieId?: string;
  aanleverpunten?: Aanleverpunt[];
}

export interface DocumentRequest {
  sessieId: string;
  bronBrin: string;
  bronRouteringsKenmerk: string;
  doelBrin: string;
  doelRouteringsKenmerk: string;
  zoeksleutelPgnfrag: ZoeksleutelPgnfrag;
  overdrachtsoort: string;
  aanvraagdatum: string;
  dossierVersie: string;
}

export interface DocumentResponse {
  resultaat: Resultaat;
  /** The gegevensset XML, UTF-8, base64. */
  dossier?: string;
}

export interface SessiecontroleRequest {
  bronBrin: string;
  bronRouteringsKenmerk: string;
  doelBrin: string;
  doelRouteringsKenmerk: string;
  zoeksleutelPgnfrag: ZoeksleutelPgnfrag;
  overdrachtsoort: string;
  sessieId: string;
}

export interface SessiecontroleResponse {
  resultaat: Resultaat;
  doelschoolSector?: string;
  doelOin?: string;
}

export interface AfmeldingRequest {
  sessieId: string;
  doelBrin: string;
  doelRouteringsKenmerk: string;
  bronBrin: string;
  bronRouteringsKenmerk: string;
  resultaatcode: string;
}

export interface AfmeldingResponse {
  resultaat: Resultaat;
}

export interface MeldenNotificatieRequest {
  bronBrin: string;
  bronRouteringsKenmerk: string;
  doelBrin: string;
  doelRouteringsKenmerk: string;
  /** The session of the doel's earlier request. */
  sessieId: string;
  /** YYYY-MM-DD: the date of that earlier request. */
  aanvraagdatum: string;
  /** `OV` [pub]. */
  doel: string;
}

export interface MeldenNotificatieResponse {
  resultaat: Resultaat;
  /** The current URL of the doel AP. */
  url?: string;
}

export interface NotificatieRequest {
  bronBrin: string;
  bronRouteringsKenmerk: string;
  doelBrin: string;
  doelRouteringsKenmerk: string;
  /** A GUID: the sessieId of the doel's earlier request [ours]. */
  koppelsleutel: string;
  /** `OV` [pub]. */
  doel: string;
}

export interface NotificatieResponse {
  resultaat: Resultaat;
}

export type PingRequest = Record<string, never>;

export interface PingResponse {
  resultaat: Resultaat;
  tijd: string;
  release: string;
}

export interface Messages {
  overdrachtRequest: OverdrachtRequest;
  overdrachtResponse: OverdrachtResponse;
  documentRequest: DocumentRequest;
  documentResponse: DocumentResponse;
  sessiecontroleRequest: SessiecontroleRequest;
  sessiecontroleResponse: SessiecontroleResponse;
  afmeldingRequest: AfmeldingRequest;
  afmeldingResponse: AfmeldingResponse;
  meldenNotificatieRequest: MeldenNotificatieRequest;
  meldenNotificatieResponse: MeldenNotificatieResponse;
  notificatieRequest: NotificatieRequest;
  notificatieResponse: NotificatieResponse;
  pingRequest: PingRequest;
  pingResponse: PingResponse;
}

// Keep the typed messages and the profile's message list in step.
type SameKeys<A, B> = [Exclude<keyof A, B>, Exclude<B, keyof A>] extends [never, never] ? true : never;
export const messagesMatchProfile: SameKeys<Messages, MessageName> = true;
