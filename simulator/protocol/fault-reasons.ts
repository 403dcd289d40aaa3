/**
 * Why a simulator server answered with a SOAP Fault instead of a result code: transport-level and message-level
 * problems. Answering a fault (rather than dropping the connection) is the harness's choice [ours]; the reason ids
 * are stable so that reports and docs can cite them.
 */
export const faultReasons = {
  GeenClientCertificaat: { faultcode: 'Client', tekst: 'Er is geen clientcertificaat aangeboden; OSO vereist wederzijdse TLS.' },
  CertificaatVerlopen: { faultcode: 'Client', tekst: 'Het clientcertificaat is verlopen.' },
  CertificaatNogNietGeldig: { faultcode: 'Client', tekst: 'Het clientcertificaat is nog niet geldig.' },
  CertificaatOnbekendeUitgever: { faultcode: 'Client', tekst: 'Het clientcertificaat is niet uitgegeven door een vertrouwde CA.' },
  CertificaatIngetrokken: { faultcode: 'Client', tekst: 'Het clientcertificaat is ingetrokken.' },
  CertificaatVerkeerdGebruik: { faultcode: 'Client', tekst: 'Het certificaat is niet bedoeld voor gebruik als clientcertificaat (extended key usage).' },
  CertificaatTeZwak: { faultcode: 'Client', tekst: 'Het certificaat is te zwak: een RSA-sleutel korter dan 2048 bits of een SHA-1-handtekening.' },
  CertificaatOngeldig: { faultcode: 'Client', tekst: 'Het clientcertificaat is ongeldig.' },
  CertificaatZonderOin: { faultcode: 'Client', tekst: 'Het clientcertificaat draagt geen OIN in het subject-serialNumber.' },
  ContentTypeOngeldig: { faultcode: 'Client', tekst: 'Het Content-Type moet text/xml zijn (SOAP 1.1).' },
  XmlOngeldig: { faultcode: 'Client', tekst: 'Het bericht is geen goed gevormde XML.' },
  DoctypeVerboden: { faultcode: 'Client', tekst: 'Het bericht bevat een DOCTYPE; SOAP staat geen DTD toe en entiteiten worden niet verwerkt.' },
  GeenSoapEnvelope: { faultcode: 'Client', tekst: 'Het bericht is geen SOAP 1.1-envelope met een Body.' },
  OnbekendeNamespace: { faultcode: 'Client', tekst: 'Het bericht gebruikt niet de namespace van deze OSO-release.' },
  OnbekendeOperatie: { faultcode: 'Client', tekst: 'Deze operatie wordt op dit adres niet ondersteund.' },
  BerichtOngeldig: { faultcode: 'Client', tekst: 'Het bericht mist verplichte velden of heeft een onjuiste opbouw.' },
  BerichtTeGroot: { faultcode: 'Client', tekst: 'Het bericht is groter dan toegestaan.' },
  OnbekendAdres: { faultcode: 'Client', tekst: 'Op dit adres is geen aanleverpunt.' },
  InterneFout: { faultcode: 'Server', tekst: 'Interne fout van de simulator.' },
} as const satisfies Record<string, { faultcode: 'Client' | 'Server'; tekst: string }>;

export type FaultReason = keyof typeof faultReasons;

export function isFaultReason(s: string): s is FaultReason {
  return Object.hasOwn(faultReasons, s);
}
