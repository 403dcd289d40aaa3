/**
 * Targeted regression tests for the defects the fuzz suite found; each fails without its fix.
 */
import { expect } from '@playwright/test';
import { encodeFault, MAX_FAULT_DETAIL } from '../../simulator/protocol/soap.ts';
import { MAX_GEWEIGERD_VERZOEK } from '../../simulator/transport/soap-server.ts';
import { test } from '../world-per-worker.ts';
import { stuurRuw } from './ruwe-client.ts';
import { kop } from './vijandige-verzoeken.ts';

test('a Fault quotes at most a bounded part of a malformed request: 1 MB of "<" no longer comes back as 4 MB', async ({ world }) => {
  const tc = new URL(world.tc.url);
  const id = world.identity('testschool-vo');
  const body = Buffer.alloc(1024 * 1024, '<');
  const sinds = world.log.lastSeq;
  const o = await stuurRuw(
    { host: tc.hostname, port: Number(tc.port), tls: { ca: id.caPem, cert: id.certPem, key: id.keyPem } },
    { kop: kop('POST', tc.pathname, tc.host, [['Content-Type', 'text/xml; charset=utf-8']], body.length), body },
    30_000,
  );
  expect(o.uitkomst).toBe('antwoord');
  expect(o.status).toBe(500);
  expect(o.tekst).toContain('Het bericht is geen goed gevormde XML.');
  expect(o.tekst).toContain('(ingekort;');
  expect(o.body.length).toBeLessThan(16 * 1024);
  const vastgelegd = world.log.since(sinds).find((e) => e.naar === 'TC' && e.request.startsWith('<<<<'));
  expect(vastgelegd?.response?.length ?? Infinity).toBeLessThan(16 * 1024);
});

test('encodeFault keeps a short detail whole and cuts a long one, saying so', () => {
  expect(encodeFault('XmlOngeldig', 'regel 1, kolom 2')).toContain('Het bericht is geen goed gevormde XML. regel 1, kolom 2</faultstring>');
  const lang = encodeFault('XmlOngeldig', 'x'.repeat(MAX_FAULT_DETAIL * 10));
  expect(lang).toContain(`… (ingekort; ${MAX_FAULT_DETAIL * 10} tekens)`);
  expect(lang.length).toBeLessThan(MAX_FAULT_DETAIL + 1_000);
});

test('a refused request is logged as an excerpt: 2 MB of garbage does not go into the log whole', async ({ world }) => {
  const tc = new URL(world.tc.url);
  const id = world.identity('testschool-vo');
  const body = Buffer.alloc(2 * 1024 * 1024, 'x');
  const sinds = world.log.lastSeq;
  const o = await stuurRuw(
    { host: tc.hostname, port: Number(tc.port), tls: { ca: id.caPem, cert: id.certPem, key: id.keyPem } },
    { kop: kop('POST', tc.pathname, tc.host, [['Content-Type', 'text/xml; charset=utf-8']], body.length), body },
    30_000,
  );
  expect(o.status).toBe(500);
  const vastgelegd = world.log.since(sinds).find((e) => e.naar === 'TC' && e.request.startsWith('xxxx'));
  expect(vastgelegd, 'the refusal is still logged').toBeDefined();
  expect(vastgelegd!.request.length).toBeLessThan(MAX_GEWEIGERD_VERZOEK + 100);
  expect(vastgelegd!.request.endsWith(`… (ingekort; ${body.length} tekens ontvangen)`)).toBe(true);
  expect(vastgelegd!.uitkomst).toBe('SOAP Fault: XmlOngeldig');
});
