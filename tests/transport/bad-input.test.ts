/**
 * Whatever arrives at a server of the simulated world, the answer is HTTP 500 with a SOAP 1.1 Fault naming the reason
 * from the fault catalogue, the refusal is in the exchange log, and the server stays up (soap-server.ts). And a client
 * call never waits longer than its deadline (soap-client.ts).
 */
import { expect } from '@playwright/test';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer, request } from 'node:https';
import type { AddressInfo } from 'node:net';
import forge from 'node-forge';
import { referentieLasScholen, testscholen } from '../../fixtures/scholen.ts';
import { faultReasons, type FaultReason } from '../../simulator/protocol/fault-reasons.ts';
import { oso2021, type MessageName } from '../../simulator/protocol/profile.ts';
import { decodeEnvelope, encodeMessage, type SoapFault } from '../../simulator/protocol/soap.ts';
import { zoeksleutelVoor } from '../../simulator/protocol/zoeksleutel.ts';
import { testschoolName } from '../../simulator/testschool/testschool.ts';
import { TC_NAME } from '../../simulator/traffic-center/traffic-center.ts';
import { ExchangeLog } from '../../simulator/transport/exchange-log.ts';
import { postSoap, TransportError } from '../../simulator/transport/soap-client.ts';
import { startSoapServer } from '../../simulator/transport/soap-server.ts';
import type { TlsIdentity } from '../../simulator/transport/tls-identity.ts';
import type { World } from '../../simulator/world.ts';
import { test as worldTest } from '../world-per-worker.ts';

const test = worldTest.extend<{}, { vreemdCertificaat: { certPem: string; keyPem: string } }>({
  vreemdCertificaat: [async ({}, use) => use(selfSignedCertificate('00000003999000099999')), { scope: 'worker' }],
});

/** A certificate with a well-formed OIN that no CA of the world issued. */
function selfSignedCertificate(oin: string): { certPem: string; keyPem: string } {
  const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keyPem = keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(keys.publicKey.export({ type: 'spki', format: 'pem' }).toString());
  cert.serialNumber = '01';
  cert.validity.notBefore = new Date(Date.now() - 60 * 60_000);
  cert.validity.notAfter = new Date(Date.now() + 24 * 60 * 60_000);
  const subject = [
    { name: 'serialNumber', value: oin },
    { name: 'commonName', value: 'Niet uitgegeven door de test-CA' },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.sign(forge.pki.privateKeyFromPem(keyPem), forge.md.sha256.create());
  return { certPem: forge.pki.certificateToPem(cert), keyPem };
}

function identity(world: World, partyId: string): TlsIdentity {
  const issued = world.pki.parties.get(partyId);
  if (!issued) throw new Error(`no certificate for ${partyId} in the test PKI`);
  return { certPem: issued.certPem, keyPem: issued.keyPem, caPem: world.pki.caCertPem };
}

type Certificaat = 'testschool-vo' | 'geen' | 'vreemd';

interface Aanbieding {
  url: string;
  body: string;
  contentType?: string;
  certificaat?: Certificaat;
}

interface Ontvangen {
  status: number;
  contentType: string;
  body: string;
  ms: number;
}

/** A raw HTTPS POST on a fresh connection, so that what is sent is exactly what the test says. */
function aanbieden(world: World, vreemd: { certPem: string; keyPem: string }, a: Aanbieding): Promise<Ontvangen> {
  const started = Date.now();
  const certificaat = a.certificaat ?? 'testschool-vo';
  const clientCert =
    certificaat === 'geen' ? {} : certificaat === 'vreemd' ? { cert: vreemd.certPem, key: vreemd.keyPem } : { cert: identity(world, certificaat).certPem, key: identity(world, certificaat).keyPem };
  return new Promise((resolve, reject) => {
    const req = request(a.url, {
      method: 'POST',
      agent: false,
      ca: world.pki.caCertPem,
      ...clientCert,
      headers: { 'content-type': a.contentType ?? 'text/xml; charset=utf-8', 'content-length': Buffer.byteLength(a.body) },
    });
    req.setTimeout(5_000, () => req.destroy(new Error(`no answer from ${a.url} within 5 s`)));
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), body: Buffer.concat(chunks).toString('utf8'), ms: Date.now() - started }),
      );
    });
    req.on('error', reject);
    req.end(a.body);
  });
}

function expectSoapFault(answer: Ontvangen, reden: FaultReason): SoapFault {
  expect(answer.status, answer.body).toBe(500);
  expect(answer.contentType).toMatch(/^text\/xml/);
  const decoded = decodeEnvelope(answer.body);
  if (decoded.kind !== 'fault') throw new Error(`expected a SOAP Fault with reason ${reden}, got ${decoded.name}`);
  expect(decoded.fault.reden, decoded.fault.faultstring).toBe(reden);
  expect(decoded.fault.faultcode).toBe(`soap:${faultReasons[reden].faultcode}`);
  return decoded.fault;
}

/** The same XML without one element; fails loudly when the element was not there to remove. */
function zonderVeld(xml: string, veld: string): string {
  const zonder = xml.replace(new RegExp(`<oso:${veld}>[^<]*</oso:${veld}>`), '');
  if (zonder === xml) throw new Error(`${veld} is not in the request to remove`);
  return zonder;
}

const OSO18_NAMESPACE = 'http://xml.kennisnet.nl/schemas/Overstapservice/20180404';

const envelope = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="${oso2021.soapEnvelopeNamespace}"><soap:Header/><soap:Body>${body}</soap:Body></soap:Envelope>`;

// Ten levels of ten: a billion "lol"s if a parser expanded it.
const billionLaughs = (() => {
  const entities = ['<!ENTITY lol0 "lol">'];
  for (let i = 1; i <= 9; i++) entities.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`);
  return `<?xml version="1.0"?><!DOCTYPE lolz [${entities.join('')}]>${envelope(`<lolz>&lol9;</lolz>`).replace(/^<\?xml[^>]*>/, '')}`;
})();

const documentRequest = encodeMessage('documentRequest', {
  // Unknown to the TC: a bron that asks the TC (as it must) answers SessiecontroleAfgewezen.
  sessieId: randomUUID(),
  bronBrin: testscholen.po.brin,
  bronRouteringsKenmerk: testscholen.po.routeringsKenmerk,
  doelBrin: referentieLasScholen.vo.brin,
  doelRouteringsKenmerk: referentieLasScholen.vo.routeringsKenmerk,
  zoeksleutelPgnfrag: zoeksleutelVoor('123456782', '2013-04-05'),
  overdrachtsoort: 'overstapdossier',
  aanvraagdatum: '2025-06-01',
  dossierVersie: '2019',
});

const overdrachtRequest = encodeMessage('overdrachtRequest', {
  doelBrin: testscholen.vo.brin,
  doelRouteringsKenmerk: testscholen.vo.routeringsKenmerk,
  bronBrin: referentieLasScholen.po.brin,
  overdrachtsoort: 'overstapdossier',
  zoeksleutel: zoeksleutelVoor('123456782', '2013-04-05').zoeksleutel,
});

const pingRequest = encodeMessage('pingRequest', {});

/** A server of the world, and what it takes to talk to it. */
interface Server {
  naam: string;
  /** Who records its exchanges in the world's log. */
  recordedBy: string;
  url(world: World): string;
  /** A request it answers with 200: the proof that it is still up. */
  goedVerzoek: { xml: string; antwoord: MessageName };
  /** A valid request of an operation served elsewhere, not here. */
  andermansOperatie: string;
  /** A request of its own operation, without a required field. */
  onvolledig: { xml: string; ontbrekendVeld: string };
}

const servers: Server[] = [
  {
    naam: 'the Traffic Center',
    recordedBy: TC_NAME,
    url: (world) => world.tc.url,
    goedVerzoek: { xml: pingRequest, antwoord: 'pingResponse' },
    andermansOperatie: documentRequest,
    onvolledig: { xml: zonderVeld(overdrachtRequest, 'bronBrin'), ontbrekendVeld: 'bronBrin' },
  },
  {
    naam: 'a testschool AP',
    recordedBy: testschoolName(testscholen.po),
    url: (world) => world.testscholen.po.apUrl(testscholen.po.routeringsKenmerk),
    goedVerzoek: { xml: documentRequest, antwoord: 'documentResponse' },
    andermansOperatie: pingRequest,
    onvolledig: { xml: zonderVeld(documentRequest, 'sessieId'), ontbrekendVeld: 'sessieId' },
  },
];

interface SlechtVerzoek {
  titel: string;
  reden: FaultReason;
  aanbieding(server: Server, url: string): Aanbieding;
  /** Text the faultstring must contain, to tell the vendor what exactly was wrong. */
  faultstringBevat?(server: Server): string;
  /** The answer must come within this many ms (no work proportional to what the request asks for). */
  binnenMs?: number;
}

const slechteVerzoeken: SlechtVerzoek[] = [
  {
    titel: 'malformed XML',
    reden: 'XmlOngeldig',
    aanbieding: (s, url) => ({ url, body: s.goedVerzoek.xml.slice(0, -'</soap:Envelope>'.length) }),
  },
  { titel: 'a DOCTYPE with a billion laughs', reden: 'DoctypeVerboden', aanbieding: (_, url) => ({ url, body: billionLaughs }), binnenMs: 1_000 },
  {
    titel: 'a well-formed document that is no SOAP envelope',
    reden: 'GeenSoapEnvelope',
    aanbieding: (_, url) => ({ url, body: '<?xml version="1.0"?><leerling><naam>Jan</naam></leerling>' }),
  },
  {
    titel: 'an unknown operation in the OSO namespace',
    reden: 'OnbekendeOperatie',
    aanbieding: (_, url) => ({ url, body: envelope(`<oso:dossierWissenRequest xmlns:oso="${oso2021.namespace}"/>`) }),
  },
  {
    titel: 'an OSO’18 message',
    reden: 'OnbekendeNamespace',
    aanbieding: (s, url) => ({ url, body: s.goedVerzoek.xml.replace(oso2021.namespace, OSO18_NAMESPACE) }),
  },
  { titel: 'an operation another party serves', reden: 'OnbekendeOperatie', aanbieding: (s, url) => ({ url, body: s.andermansOperatie }) },
  {
    titel: 'a request without a required field',
    reden: 'BerichtOngeldig',
    aanbieding: (s, url) => ({ url, body: s.onvolledig.xml }),
    faultstringBevat: (s) => s.onvolledig.ontbrekendVeld,
  },
  {
    titel: 'content type application/json',
    reden: 'ContentTypeOngeldig',
    aanbieding: (s, url) => ({ url, body: s.goedVerzoek.xml, contentType: 'application/json' }),
    faultstringBevat: () => 'application/json',
  },
  { titel: 'no client certificate', reden: 'GeenClientCertificaat', aanbieding: (s, url) => ({ url, body: s.goedVerzoek.xml, certificaat: 'geen' }) },
  {
    titel: 'a client certificate from a CA the server does not trust',
    reden: 'CertificaatOnbekendeUitgever',
    aanbieding: (s, url) => ({ url, body: s.goedVerzoek.xml, certificaat: 'vreemd' }),
  },
  {
    titel: 'an unknown URL path',
    reden: 'OnbekendAdres',
    aanbieding: (s, url) => ({ url: new URL('/oso/onbekend', url).href, body: s.goedVerzoek.xml }),
  },
];

for (const server of servers) {
  test.describe(`${server.naam} refuses with a SOAP Fault and stays up`, () => {
    for (const slecht of slechteVerzoeken) {
      test(`${slecht.titel}: ${slecht.reden}`, async ({ world, vreemdCertificaat }) => {
        const vanaf = world.log.lastSeq;
        const aanbieding = slecht.aanbieding(server, server.url(world));

        const answer = await aanbieden(world, vreemdCertificaat, aanbieding);

        const fault = expectSoapFault(answer, slecht.reden);
        if (slecht.faultstringBevat) expect(fault.faultstring).toContain(slecht.faultstringBevat(server));
        if (slecht.binnenMs) expect(answer.ms).toBeLessThan(slecht.binnenMs);
        const gelogd = world.log.since(vanaf).filter((e) => e.recordedBy === server.recordedBy);
        expect(gelogd.map((e) => e.uitkomst)).toEqual([`SOAP Fault: ${slecht.reden}`]);
        expect(gelogd[0]).toMatchObject({ request: aanbieding.body, httpStatus: 500, response: answer.body });

        const goed = await aanbieden(world, vreemdCertificaat, { url: server.url(world), body: server.goedVerzoek.xml });
        expect(goed.status, goed.body).toBe(200);
        expect(decodeEnvelope(goed.body)).toMatchObject({ kind: 'message', name: server.goedVerzoek.antwoord });
      });

    }
  });
}

test('a fault’s faultstring gives the catalogue text once', async ({ world, vreemdCertificaat }) => {
  const answer = await aanbieden(world, vreemdCertificaat, { url: world.tc.url, body: '<?xml version="1.0"?><leerling><naam>Jan</naam></leerling>' });
  const fault = expectSoapFault(answer, 'GeenSoapEnvelope');
  expect(fault.faultstring.split(faultReasons.GeenSoapEnvelope.tekst)).toHaveLength(2);
});

test.describe('a body over the server’s limit', () => {
  const limiet = 2_048;
  // Padding in the SOAP Header keeps the envelope valid: only its size is wrong.
  const teGroot = pingRequest.replace('<soap:Header/>', `<soap:Header><opvulling>${'x'.repeat(4 * limiet)}</opvulling></soap:Header>`);

  async function metKleineServer(world: World, body: (url: string, log: ExchangeLog) => Promise<void>) {
    const log = new ExchangeLog();
    const server = await startSoapServer({
      name: 'Kleine TC',
      tls: identity(world, 'tc'),
      log,
      bodyLimitBytes: limiet,
      routes: [{ path: '/oso/tc', operations: { pingRequest: async () => ({ resultaat: { code: 'Ok' }, tijd: new Date().toISOString(), release: oso2021.release }) } }],
    });
    try {
      await body(`${server.url}/oso/tc`, log);
    } finally {
      await server.close();
    }
  }

  test('BerichtTeGroot, and the server stays up', async ({ world, vreemdCertificaat }) => {
    expect(Buffer.byteLength(pingRequest)).toBeLessThan(limiet);
    await metKleineServer(world, async (url) => {
      expectSoapFault(await aanbieden(world, vreemdCertificaat, { url, body: teGroot }), 'BerichtTeGroot');
      const goed = await aanbieden(world, vreemdCertificaat, { url, body: pingRequest });
      expect(goed.status, goed.body).toBe(200);
      expect(decodeEnvelope(goed.body)).toMatchObject({ kind: 'message', name: 'pingResponse' });
    });
  });

  test('the refusal is in the exchange log', async ({ world, vreemdCertificaat }) => {
    await metKleineServer(world, async (url, log) => {
      await aanbieden(world, vreemdCertificaat, { url, body: teGroot });
      expect(log.all().map((e) => e.uitkomst)).toEqual(['SOAP Fault: BerichtTeGroot']);
    });
  });
});

test.describe('postSoap (the client side)', () => {
  test('a server that never answers: TransportError time-out within the deadline', async ({ world }) => {
    const tls = identity(world, 'testschool-po');
    const server = createServer({ cert: tls.certPem, key: tls.keyPem }, (req) => req.resume());
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const { port } = server.address() as AddressInfo;
      const aangekomen = once(server, 'request');
      const started = Date.now();

      const error = await postSoap({ url: `https://127.0.0.1:${port}/oso/ap`, xml: pingRequest, tls, timeoutMs: 300 }).then(
        () => undefined,
        (e: unknown) => e,
      );

      const ms = Date.now() - started;
      await aangekomen; // the request did arrive: it is the answer that never came
      expect(error).toBeInstanceOf(TransportError);
      expect((error as TransportError).failure).toBe('time-out');
      expect(ms).toBeGreaterThanOrEqual(290);
      expect(ms).toBeLessThan(3_000);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  // A kept-alive socket emits 'secureConnect' only once; the certificate must still be reported on later calls.
  test('the server certificate is reported on every call, also over a kept-alive connection', async ({ world }) => {
    const tls = identity(world, 'testschool-vo');
    const tcOin = world.pki.parties.get('tc')?.oin;
    const eerste = await postSoap({ url: world.tc.url, xml: pingRequest, tls, timeoutMs: 5_000 });
    const tweede = await postSoap({ url: world.tc.url, xml: pingRequest, tls, timeoutMs: 5_000 });
    expect([eerste.server?.oin, tweede.server?.oin]).toEqual([tcOin, tcOin]);
  });
});

test('an untrusted certificate is not taken at its word: the refusal names no sender OIN', async ({ world, vreemdCertificaat }) => {
  const vanaf = world.log.lastSeq;
  const answer = await aanbieden(world, vreemdCertificaat, { url: world.tc.url, body: encodeMessage('pingRequest', {}), certificaat: 'vreemd' });
  expectSoapFault(answer, 'CertificaatOnbekendeUitgever');
  const [entry] = world.log.since(vanaf);
  expect(entry?.peerOin).toBeUndefined();
  expect(entry?.van).toBe('onbekend');
});

test('a documentRequest at an AP path the system does not serve is OnbekendAdres', async ({ world, vreemdCertificaat }) => {
  const url = world.testscholen.po.apUrl('0000000700099ZZ00001');
  const answer = await aanbieden(world, vreemdCertificaat, { url, body: encodeMessage('documentRequest', {
    sessieId: 'x', bronBrin: '99ZZ', bronRouteringsKenmerk: '0000000700099ZZ00001', doelBrin: '99BB', doelRouteringsKenmerk: testscholen.vo.routeringsKenmerk,
    zoeksleutelPgnfrag: { zoeksleutel: 'x', pgnfrag: '0000' }, overdrachtsoort: 'overstapdossier', aanvraagdatum: '2026-03-16', dossierVersie: '2019.1',
  }) });
  expect(expectSoapFault(answer, 'OnbekendAdres').faultstring).toContain('0000000700099ZZ00001');
});
