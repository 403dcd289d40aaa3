/**
 * A hostile SUT cannot hang the harness or exhaust its memory: whatever it does — hang, reset, break off halfway, answer
 * garbage, flood, trickle — the call fails within its deadline (plus a margin that never flakes) with a reason that says
 * which of these it did. On both sides where the harness meets a SUT: the test-control API (http adapter) and the
 * SUT's aanleverpunt (the client a testschool calls it with).
 */
import { expect, test } from '@playwright/test';
import { defaultCertDir } from '../../certs/location.ts';
import { ensureTestPki } from '../../certs/pki.ts';
import { referentieLasScholen, testscholen } from '../../fixtures/scholen.ts';
import { OsoClient } from '../../simulator/las/oso-client.ts';
import { ProtocolError } from '../../simulator/protocol/soap.ts';
import { zoeksleutelVoor } from '../../simulator/protocol/zoeksleutel.ts';
import { TransportError, type TransportFailure } from '../../simulator/transport/soap-client.ts';
import { httpAdapter } from '../../suites/adapters/http-adapter.ts';
import { AdapterFout } from '../../suites/adapters/sut-adapter.ts';
import { ENORM_BYTES, metVijandigeServer, startVijandigeServer, type VijandigGedrag } from '../support/vijandige-server.ts';

const TIMEOUT_MS = 2_000;
/** Generous: the bound is there to catch a hang, not to time the harness. */
const MARGE_MS = 3_000;

interface Verwachting {
  /** The reason the http adapter gives, after "Test-control-API <url>: ". */
  adapter: RegExp;
  /** The reason the SOAP client gives. */
  ap: RegExp;
  /** How the transport classifies it; absent when the transport delivered and decoding refused. */
  apFailure?: TransportFailure;
  /** Whether the failure can only come at the deadline. */
  wachtOpDeadline: boolean;
  /**
   * A deadline of its own for the SOAP client, when the failure must come before the deadline: reading 64 MB over TLS on a
   * loaded machine can take longer than 2 s, and the test is about the size limit, not the clock.
   */
  apTimeoutMs?: number;
}

const verwachtingen: Record<VijandigGedrag, Verwachting> = {
  hangen: {
    adapter: /: geen antwoord binnen 2000 ms \(time-out\)\.$/,
    ap: /^Geen antwoord van https:\/\/127\.0\.0\.1:\d+\/\S+ binnen 2000 ms \(time-out\)\.$/,
    apFailure: 'time-out',
    wachtOpDeadline: true,
  },
  verbreken: {
    adapter: /: verbinding verbroken door de SUT \(ECONNRESET\)\.$/,
    ap: /verbroken door de andere kant \(ECONNRESET\)\.$/,
    apFailure: 'verbinding',
    wachtOpDeadline: false,
  },
  afbreken: {
    adapter: /: verbinding verbroken door de SUT tijdens het antwoord \(\d+ bytes ontvangen, ECONNRESET\)\.$/,
    ap: /verbroken tijdens het antwoord \(\d+ bytes ontvangen, ECONNRESET\)\.$/,
    apFailure: 'verbinding',
    wachtOpDeadline: false,
  },
  onzin: {
    adapter: /: antwoord \(HTTP 200\) is geen geldige JSON \(content-type text\/html; charset=utf-8\): Onzin: dit is geen JSON/,
    ap: /geen goed gevormde XML.*Onleesbaar antwoord van https:\/\/\S+ op documentRequest \(HTTP 200, text\/html; charset=utf-8\), begint met: "Onzin: /,
    wachtOpDeadline: false,
  },
  enorm: {
    adapter: /: antwoord groter dan 1 MB, afgebroken\.$/,
    ap: /is groter dan 64 MB; afgebroken\.$/,
    apFailure: 'te-groot',
    wachtOpDeadline: false,
    apTimeoutMs: 30_000,
  },
  druppelen: {
    adapter: /: antwoord druppelde binnen 2000 ms niet volledig binnen \(\d+ bytes ontvangen, time-out\)\.$/,
    ap: /druppelde binnen 2000 ms niet volledig binnen \(\d+ bytes ontvangen, time-out\)\.$/,
    apFailure: 'time-out',
    wachtOpDeadline: true,
  },
};

async function gemeten<T>(call: () => Promise<T>): Promise<{ error: unknown; ms: number; rssGroei: number }> {
  const rss = process.memoryUsage().rss;
  const started = Date.now();
  const error = await call().then(
    () => undefined,
    (e: unknown) => e,
  );
  return { error, ms: Date.now() - started, rssGroei: process.memoryUsage().rss - rss };
}

function binnenDeadline(ms: number, verwachting: Verwachting, timeoutMs = TIMEOUT_MS): void {
  expect(ms).toBeLessThan(timeoutMs + MARGE_MS);
  if (verwachting.wachtOpDeadline) expect(ms).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
}

test.describe('the http adapter against a hostile test-control API', () => {
  for (const [gedrag, verwachting] of Object.entries(verwachtingen) as [VijandigGedrag, Verwachting][]) {
    test(`${gedrag}: fails within the deadline, saying why`, async () => {
      await metVijandigeServer(startVijandigeServer({ gedrag }), async (server) => {
        const sut = httpAdapter({ controlUrl: server.url, timeoutMs: TIMEOUT_MS });

        const { error, ms, rssGroei } = await gemeten(() =>
          sut.opvragen({ brin: referentieLasScholen.vo.brin, bronBrin: testscholen.po.brin, pgn: '123456782', geboortedatum: '2013-04-05' }),
        );

        expect(error).toBeInstanceOf(AdapterFout);
        const melding = (error as AdapterFout).message;
        expect(melding.startsWith(`Test-control-API ${server.url}/opvragen: `), melding).toBe(true);
        expect(melding).toMatch(verwachting.adapter);
        expect(server.verzoeken).toBe(1);
        binnenDeadline(ms, verwachting);
        if (gedrag === 'enorm') {
          // Broken off after the first megabyte: the SUT got to send a sliver of its gigabyte, and nothing piled up here.
          expect(server.bytesVerstuurd).toBeLessThan(64 * 1024 * 1024);
          expect(rssGroei).toBeLessThan(256 * 1024 * 1024);
        }
      });
    });
  }
});

test.describe('a testschool calling a hostile aanleverpunt', () => {
  const pki = ensureTestPki({ dir: defaultCertDir }).then(({ pki }) => pki);
  const party = async (id: string) => {
    const issued = (await pki).parties.get(id);
    if (!issued) throw new Error(`no certificate for ${id} in the test PKI`);
    return { certPem: issued.chainPem, keyPem: issued.keyPem, caPem: (await pki).caCertPem };
  };
  const sutAp = referentieLasScholen.po.routeringsKenmerk;

  for (const [gedrag, verwachting] of Object.entries(verwachtingen) as [VijandigGedrag, Verwachting][]) {
    test(`${gedrag}: documentRequest fails within the deadline, saying why`, async () => {
      // The AP presents the SUT's own certificate of the test PKI: the TLS handshake succeeds, only the answer is hostile.
      await metVijandigeServer(startVijandigeServer({ gedrag, tls: await party('reference-las') }), async (server) => {
        const client = new OsoClient({ name: 'Testschool VO', tls: await party('testschool-vo'), timeoutMs: verwachting.apTimeoutMs ?? TIMEOUT_MS });

        const { error, ms, rssGroei } = await gemeten(() =>
          client.call(`${server.url}/oso/ap/${sutAp}`, 'documentRequest', {
            sessieId: 'sessie-vijandig',
            bronBrin: referentieLasScholen.po.brin,
            bronRouteringsKenmerk: sutAp,
            doelBrin: testscholen.vo.brin,
            doelRouteringsKenmerk: testscholen.vo.routeringsKenmerk,
            zoeksleutelPgnfrag: zoeksleutelVoor('123456782', '2013-04-05'),
            overdrachtsoort: 'overstapdossier',
            aanvraagdatum: '2026-03-16',
            dossierVersie: '2019.1',
          }),
        );

        if (verwachting.apFailure) {
          expect(error).toBeInstanceOf(TransportError);
          expect((error as TransportError).failure).toBe(verwachting.apFailure);
        } else expect(error).toBeInstanceOf(ProtocolError);
        expect((error as Error).message).toContain(server.url);
        expect((error as Error).message).toMatch(verwachting.ap);
        expect(server.verzoeken).toBe(1);
        binnenDeadline(ms, verwachting, verwachting.apTimeoutMs);
        if (gedrag === 'enorm') {
          // Broken off at the 64 MB limit, a small part of the gigabyte; what was read is not held after the refusal.
          expect(server.bytesVerstuurd).toBeLessThan(ENORM_BYTES / 4);
          expect(rssGroei).toBeLessThan(512 * 1024 * 1024);
        }
      });
    });
  }
});
