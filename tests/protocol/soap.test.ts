import { expect, test } from '@playwright/test';
import type { Messages } from '../../simulator/protocol/messages.ts';
import { oso2021, type MessageName } from '../../simulator/protocol/profile.ts';
import { besteResultaat } from '../../simulator/protocol/result-codes.ts';
import { decodeEnvelope, encodeFault, encodeMessage, expectMessage, ProtocolError } from '../../simulator/protocol/soap.ts';
import { zoeksleutelVoor } from '../../simulator/protocol/zoeksleutel.ts';

const sleutel = zoeksleutelVoor('999900018', '2008-03-14');
const resultaat = { code: 'Ok', omschrijving: 'Verzoek geaccepteerd & verwerkt <ok>' };

/** One filled example of every message of the profile, with characters that need escaping. */
const examples: { [N in MessageName]: Messages[N] } = {
  overdrachtRequest: { doelBrin: '99BB', doelRouteringsKenmerk: '0000000700099BB00001', bronBrin: '98RA', overdrachtsoort: 'overstapdossier', zoeksleutel: sleutel.zoeksleutel },
  overdrachtResponse: {
    resultaat,
    sessieId: '5b0c7a52-8f0e-4a8e-9a53-0d7b1c1f2e3d',
    aanleverpunten: [
      { routeringsKenmerk: '0000000700098RA00001', url: 'https://127.0.0.1:1/oso/ap/0000000700098RA00001' },
      { routeringsKenmerk: '0000000700098RA00002', url: 'https://127.0.0.1:2/oso/ap/x?a=1&b=2' },
    ],
  },
  documentRequest: {
    sessieId: 's-1',
    bronBrin: '98RA',
    bronRouteringsKenmerk: '0000000700098RA00001',
    doelBrin: '99BB',
    doelRouteringsKenmerk: '0000000700099BB00001',
    zoeksleutelPgnfrag: sleutel,
    overdrachtsoort: 'overstapdossier',
    aanvraagdatum: '2026-03-16',
    dossierVersie: '2019.1',
  },
  documentResponse: { resultaat: { code: 'DossierGeleverd' }, dossier: Buffer.from('<dossier>Björn</dossier>').toString('base64') },
  sessiecontroleRequest: {
    bronBrin: '98RA',
    bronRouteringsKenmerk: '0000000700098RA00001',
    doelBrin: '99BB',
    doelRouteringsKenmerk: '0000000700099BB00001',
    zoeksleutelPgnfrag: sleutel,
    overdrachtsoort: 'overstapdossier',
    sessieId: 's-1',
  },
  sessiecontroleResponse: { resultaat, doelschoolSector: 'VO' },
  afmeldingRequest: { sessieId: 's-1', doelBrin: '99BB', doelRouteringsKenmerk: '0000000700099BB00001', bronBrin: '98RA', bronRouteringsKenmerk: '0000000700098RA00001', resultaatcode: 'DossierGeleverd' },
  afmeldingResponse: { resultaat },
  meldenNotificatieRequest: {
    bronBrin: '98RA',
    bronRouteringsKenmerk: '0000000700098RA00001',
    doelBrin: '99BB',
    doelRouteringsKenmerk: '0000000700099BB00001',
    sessieId: '5b0c7a52-8f0e-4a8e-9a53-0d7b1c1f2e3d',
    aanvraagdatum: '2026-03-16',
    doel: 'OV',
  },
  meldenNotificatieResponse: { resultaat, url: 'https://127.0.0.1:2/oso/ap/0000000700099BB00001?a=1&b=2' },
  notificatieRequest: {
    bronBrin: '98RA',
    bronRouteringsKenmerk: '0000000700098RA00001',
    doelBrin: '99BB',
    doelRouteringsKenmerk: '0000000700099BB00001',
    koppelsleutel: '5b0c7a52-8f0e-4a8e-9a53-0d7b1c1f2e3d',
    doel: 'OV',
  },
  notificatieResponse: { resultaat: { code: 'NotificatieOntvangen', omschrijving: 'De notificatie is ontvangen.' } },
  pingRequest: {},
  pingResponse: { resultaat, tijd: '2026-03-16T08:00:00.000Z', release: "OSO'21" },
};

for (const name of Object.keys(oso2021.messages) as MessageName[]) {
  test(`${name} round-trips through the SOAP envelope`, () => {
    const xml = encodeMessage(name, examples[name]);
    expect(xml).toContain(`<oso:${oso2021.messages[name].wireName} xmlns:oso="${oso2021.namespace}"`);
    expect(xml).toContain('<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">');
    expect(expectMessage(xml, name)).toEqual(examples[name]);
  });
}

test('fields are written in profile order', () => {
  const xml = encodeMessage('documentRequest', examples.documentRequest);
  const order = oso2021.messages.documentRequest.fields.map((f) => xml.indexOf(`<oso:${f.name}>`));
  expect(order.every((pos) => pos > 0)).toBe(true);
  expect([...order].sort((a, b) => a - b)).toEqual(order);
});

test('decoding does not depend on prefixes: default namespace and other prefixes work', () => {
  const xml = `<?xml version="1.0"?><e:Envelope xmlns:e="http://schemas.xmlsoap.org/soap/envelope/"><e:Body>
    <pingResponse xmlns="${oso2021.namespace}"><resultaat><code>Ok</code></resultaat><tijd>t</tijd><release>r</release></pingResponse></e:Body></e:Envelope>`;
  expect(expectMessage(xml, 'pingResponse')).toEqual({ resultaat: { code: 'Ok' }, tijd: 't', release: 'r' });
});

test('notificatie messages are written in profile order and refuse a missing koppelsleutel', () => {
  for (const name of ['meldenNotificatieRequest', 'notificatieRequest'] as const) {
    const xml = encodeMessage(name, examples[name]);
    const order = oso2021.messages[name].fields.map((f) => xml.indexOf(`<oso:${f.name}>`));
    expect(order.every((pos) => pos > 0), name).toBe(true);
    expect([...order].sort((a, b) => a - b), name).toEqual(order);
  }
  const zonder = encodeMessage('notificatieRequest', examples.notificatieRequest).replace(/<oso:koppelsleutel>[^<]*<\/oso:koppelsleutel>/, '');
  expect(() => expectMessage(zonder, 'notificatieRequest')).toThrow(/koppelsleutel ontbreekt/);
});

test('leading zeros and whitespace-free values survive', () => {
  const body = { ...examples.afmeldingRequest, sessieId: '0001' };
  expect(expectMessage(encodeMessage('afmeldingRequest', body), 'afmeldingRequest').sessieId).toBe('0001');
});

function reasonOf(xml: string): string {
  try {
    decodeEnvelope(xml);
  } catch (e) {
    if (e instanceof ProtocolError) return e.reason;
    throw e;
  }
  return 'geen fout';
}

test('bad envelopes are refused with the reason from the fault catalogue', () => {
  const env = (body: string) => `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>${body}</s:Body></s:Envelope>`;
  expect(reasonOf('<s:Envelope><unclosed>')).toBe('XmlOngeldig');
  expect(reasonOf('<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><x>&b;</x>')).toBe('DoctypeVerboden');
  expect(reasonOf('<dossier/>')).toBe('GeenSoapEnvelope');
  expect(reasonOf(env(''))).toBe('GeenSoapEnvelope');
  expect(reasonOf(env('<x:pingRequest xmlns:x="http://xml.kennisnet.nl/schemas/Overstapservice/20180404"/>'))).toBe('OnbekendeNamespace');
  expect(reasonOf(env(`<x:bestaatNiet xmlns:x="${oso2021.namespace}"/>`))).toBe('OnbekendeOperatie');
  expect(reasonOf(env(`<x:afmeldingRequest xmlns:x="${oso2021.namespace}"><x:sessieId>1</x:sessieId></x:afmeldingRequest>`))).toBe('BerichtOngeldig');
});

test('a missing field is named in the error', () => {
  const xml = encodeMessage('afmeldingRequest', examples.afmeldingRequest).replace(/<oso:doelBrin>99BB<\/oso:doelBrin>/, '');
  expect(() => decodeEnvelope(xml)).toThrow(/afmeldingRequest\/doelBrin/);
});

test('an element in a foreign namespace does not count as the field', () => {
  const xml = encodeMessage('pingResponse', examples.pingResponse).replace('<oso:release>', '<f:release xmlns:f="urn:other">').replace('</oso:release>', '</f:release>');
  expect(reasonOf(xml)).toBe('BerichtOngeldig');
});

test('a SOAP Fault round-trips with its reason', () => {
  const decoded = decodeEnvelope(encodeFault('GeenClientCertificaat', 'detail & meer'));
  expect(decoded).toEqual({
    kind: 'fault',
    fault: { faultcode: 'soap:Client', faultstring: expect.stringContaining('detail & meer'), reden: 'GeenClientCertificaat' },
  });
});

test('the zoeksleutel follows the profile: base64 SHA-256 of PGN|geboortedatum, pgnfrag the last four digits', () => {
  expect(sleutel.pgnfrag).toBe('0018');
  expect(Buffer.from(sleutel.zoeksleutel, 'base64')).toHaveLength(32);
  expect(zoeksleutelVoor('999900018', '2008-03-15').zoeksleutel).not.toBe(sleutel.zoeksleutel);
});

test('afmelding reports the best result over all APs, the last one on a tie', () => {
  expect(besteResultaat(['LeerlingOnbekend', 'DossierGeleverd', 'DossierNietKlaargezet'])).toBe('DossierGeleverd');
  expect(besteResultaat(['AanleverpuntOnbereikbaar', 'DossierNietVoorDezeSchool'])).toBe('DossierNietVoorDezeSchool');
  expect(besteResultaat([])).toBeUndefined();
});
