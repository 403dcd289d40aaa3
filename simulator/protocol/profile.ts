/**
 * The OSO protocol profile: every wire name, namespace and field order the harness puts on the wire, in one place.
 *
 * The public OSO documentation gives the flow, the message names and most fields but no WSDL. Whatever the public record
 * leaves open is a choice of this harness and is marked `ours` here (and listed in docs/protocol-profile.md), so that
 * aligning with the official WSDL later is a change of this data, not of code.
 */

export type Herkomst = 'pub' | 'ours';

/** A field of a message: a text element, or a group of text elements. Order is wire order. */
export type FieldSpec =
  | { name: string; kind: 'text'; optional?: boolean; herkomst: Herkomst }
  | { name: string; kind: 'group'; optional?: boolean; herkomst: Herkomst; fields: readonly FieldSpec[] }
  | { name: string; kind: 'list'; optional?: boolean; herkomst: Herkomst; item: string; fields: readonly FieldSpec[] };

export interface MessageSpec {
  /** Local name of the body element. */
  wireName: string;
  herkomst: Herkomst;
  fields: readonly FieldSpec[];
}

const text = (name: string, herkomst: Herkomst, optional = false): FieldSpec => ({ name, kind: 'text', herkomst, optional });

const zoeksleutelPgnfrag: FieldSpec = {
  name: 'zoeksleutelPgnfrag',
  kind: 'group',
  herkomst: 'pub',
  fields: [text('zoeksleutel', 'pub'), text('pgnfrag', 'pub')],
};

/** Every response carries a result: the code from the result-code catalogue and a readable description. [ours] */
const resultaat: FieldSpec = {
  name: 'resultaat',
  kind: 'group',
  herkomst: 'ours',
  fields: [text('code', 'ours'), text('omschrijving', 'ours', true)],
};

export const oso2021 = {
  release: "OSO'21",
  soapEnvelopeNamespace: 'http://schemas.xmlsoap.org/soap/envelope/',
  /** [pub] namespace of the OSO'21 messages and later. */
  namespace: 'http://xml.kennisnet.nl/schemas/Overstapservice/20200910',
  /** Prefix the harness writes; readers accept any prefix bound to the namespace. [ours] */
  prefix: 'oso',
  /** [pub] overdrachtsoort values; swv flows add an aanvraag kind that the harness does not model yet. */
  overdrachtsoorten: ['overstapdossier', 'overdrachtbinnenbrin'] as const,
  /**
   * [ours] how long after overdrachtRequest the TC accepts sessiecontrole for a session. Afmelding is accepted after that
   * too, so that a doel whose bron answered slowly can still close the session and report the result.
   */
  sessieGeldigheidMinuten: 30,
  /** [pub] the `doel` of meldenNotificatie and notificatie: `OV`. */
  notificatieDoelen: ['OV'] as const,
  messages: {
    overdrachtRequest: {
      wireName: 'overdrachtRequest',
      herkomst: 'pub',
      fields: [
        text('doelBrin', 'pub'),
        text('doelRouteringsKenmerk', 'pub'),
        text('bronBrin', 'pub'),
        text('overdrachtsoort', 'pub'),
        text('zoeksleutel', 'pub', true),
        text('koppelsleutel', 'pub', true),
      ],
    },
    overdrachtResponse: {
      wireName: 'overdrachtResponse',
      herkomst: 'ours',
      fields: [
        resultaat,
        text('sessieId', 'pub', true),
        {
          name: 'aanleverpunten',
          kind: 'list',
          item: 'aanleverpunt',
          herkomst: 'pub',
          optional: true,
          fields: [text('routeringsKenmerk', 'pub'), text('url', 'pub')],
        },
      ],
    },
    documentRequest: {
      wireName: 'documentRequest',
      herkomst: 'pub',
      fields: [
        text('sessieId', 'pub'),
        text('bronBrin', 'pub'),
        text('bronRouteringsKenmerk', 'pub'),
        text('doelBrin', 'pub'),
        text('doelRouteringsKenmerk', 'pub'),
        zoeksleutelPgnfrag,
        text('overdrachtsoort', 'pub'),
        text('aanvraagdatum', 'pub'),
        text('dossierVersie', 'ours'),
      ],
    },
    documentResponse: {
      wireName: 'documentResponse',
      herkomst: 'ours',
      // [ours] the gegevensset XML, UTF-8, base64 in one element. [ours] A bron may also refuse with a SOAP Fault
      // instead of this response: after a refused sessiecontrole that counts as a refusal (docs/protocol-profile.md).
      fields: [resultaat, text('dossier', 'ours', true)],
    },
    sessiecontroleRequest: {
      wireName: 'sessiecontroleRequest',
      herkomst: 'pub',
      fields: [
        text('bronBrin', 'pub'),
        text('bronRouteringsKenmerk', 'pub'),
        text('doelBrin', 'pub'),
        text('doelRouteringsKenmerk', 'pub'),
        zoeksleutelPgnfrag,
        text('overdrachtsoort', 'pub'),
        text('sessieId', 'pub'),
      ],
    },
    sessiecontroleResponse: {
      wireName: 'sessiecontroleResponse',
      herkomst: 'ours',
      // [ours] doelOin: the OIN of the certificate that opened the session, so the bron can check that the system asking
      // for the dossier is that same system. The public record is silent on how a bron ties the caller to the session.
      fields: [resultaat, text('doelschoolSector', 'pub', true), text('doelOin', 'ours', true)],
    },
    afmeldingRequest: {
      wireName: 'afmeldingRequest',
      herkomst: 'pub',
      fields: [
        text('sessieId', 'pub'),
        text('doelBrin', 'pub'),
        text('doelRouteringsKenmerk', 'pub'),
        text('bronBrin', 'pub'),
        // [pub] the best result over all APs asked; on a tie the last AP asked. Which AP it was is [ours].
        text('bronRouteringsKenmerk', 'ours'),
        text('resultaatcode', 'pub'),
      ],
    },
    afmeldingResponse: {
      wireName: 'afmeldingResponse',
      herkomst: 'ours',
      fields: [resultaat],
    },
    meldenNotificatieRequest: {
      wireName: 'meldenNotificatieRequest',
      herkomst: 'pub',
      // [pub] the fields; their order is [ours]. aanvraagdatum: the date of the doel's earlier request (from its documentRequest) [ours].
      fields: [
        text('bronBrin', 'pub'),
        text('bronRouteringsKenmerk', 'pub'),
        text('doelBrin', 'pub'),
        text('doelRouteringsKenmerk', 'pub'),
        text('sessieId', 'pub'),
        text('aanvraagdatum', 'pub'),
        text('doel', 'pub'),
      ],
    },
    meldenNotificatieResponse: {
      wireName: 'meldenNotificatieResponse',
      herkomst: 'ours',
      // [pub] the answer is the current URL of the doel AP; the element name `url` is [ours].
      fields: [resultaat, text('url', 'ours', true)],
    },
    notificatieRequest: {
      wireName: 'notificatieRequest',
      herkomst: 'pub',
      // [ours] koppelsleutel: the sessieId of the doel's earlier request this notificatie answers, so the doel knows
      // which of its requests (which pupil) the dossier is now klaargezet for. The public record says only "a GUID".
      fields: [
        text('bronBrin', 'pub'),
        text('bronRouteringsKenmerk', 'pub'),
        text('doelBrin', 'pub'),
        text('doelRouteringsKenmerk', 'pub'),
        text('koppelsleutel', 'pub'),
        text('doel', 'pub'),
      ],
    },
    notificatieResponse: {
      wireName: 'notificatieResponse',
      herkomst: 'ours',
      // [pub] resultaat NotificatieOntvangen.
      fields: [resultaat],
    },
    pingRequest: { wireName: 'pingRequest', herkomst: 'ours', fields: [] },
    pingResponse: {
      wireName: 'pingResponse',
      herkomst: 'ours',
      fields: [resultaat, text('tijd', 'ours'), text('release', 'ours')],
    },
  },
} as const;

export type ProtocolProfile = typeof oso2021;
export type MessageName = keyof ProtocolProfile['messages'];

/** Which response answers which request. */
export const responseFor = {
  overdrachtRequest: 'overdrachtResponse',
  documentRequest: 'documentResponse',
  sessiecontroleRequest: 'sessiecontroleResponse',
  afmeldingRequest: 'afmeldingResponse',
  meldenNotificatieRequest: 'meldenNotificatieResponse',
  notificatieRequest: 'notificatieResponse',
  pingRequest: 'pingResponse',
} as const satisfies Partial<Record<MessageName, MessageName>>;

export type RequestName = keyof typeof responseFor;
export type TrafficCenterRequest = 'overdrachtRequest' | 'sessiecontroleRequest' | 'afmeldingRequest' | 'meldenNotificatieRequest' | 'pingRequest';
