/**
 * Reset and klok are optional in the contract: a LAS that answers 404 or 501 does not offer them, and the http adapter
 * says so instead of failing the run; any other refusal is still an error, and the reference LAS offers both.
 */
import { expect, test } from '@playwright/test';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fixtureLeerling } from '../../fixtures/leerlingen.ts';
import { startWorld } from '../../simulator/world.ts';
import { httpAdapter } from '../../suites/adapters/http-adapter.ts';
import { AdapterFout } from '../../suites/adapters/sut-adapter.ts';

async function lasDieAntwoordt(status: number): Promise<{ server: Server; url: string }> {
  const server = createServer((_req, res) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ fout: `HTTP ${status}` })));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

for (const status of [404, 501]) {
  test(`HTTP ${status} on /reset and /klok: not offered`, async () => {
    const { server, url } = await lasDieAntwoordt(status);
    try {
      const adapter = httpAdapter({ controlUrl: url, timeoutMs: 2_000 });
      expect(await adapter.reset!()).toBe('niet-aangeboden');
      expect(await adapter.zetKlok!('2027-03-16')).toBe('niet-aangeboden');
      // A core call answering 404 is still an error.
      await expect(adapter.laatsteFout()).rejects.toThrow(AdapterFout);
    } finally {
      server.close();
    }
  });
}

test('HTTP 500 on /reset is an error that names the LAS\'s message', async () => {
  const { server, url } = await lasDieAntwoordt(500);
  try {
    await expect(httpAdapter({ controlUrl: url, timeoutMs: 2_000 }).reset!()).rejects.toThrow(`Test-control-API ${url}/reset: weigerde (HTTP 500): HTTP 500.`);
  } finally {
    server.close();
  }
});

test('the reference LAS offers both: after reset a klaargezet dossier is gone, after klok it works with that date', async () => {
  const world = await startWorld();
  try {
    const adapter = httpAdapter({ controlUrl: world.sut.controlUrl!, timeoutMs: 5_000 });
    const l = fixtureLeerling('povo-regulier');
    const opvragen = () => world.testscholen.vo.opvragen({ brin: '99BB', bronBrin: '98RA', pgn: l.pgn.waarde, geboortedatum: l.geboortedatum });
    await adapter.klaarzetten({ brin: '98RA', pgn: l.pgn.waarde, doelBrin: '99BB' });
    expect((await opvragen()).resultaat).toBe('DossierGeleverd');
    expect(await adapter.reset!()).toBe('gedaan');
    expect((await opvragen()).resultaat).toBe('DossierNietKlaargezet');
    expect(await adapter.zetKlok!('2027-03-16')).toBe('gedaan');
    expect(await adapter.datum!()).toBe('2027-03-16');
  } finally {
    await world.stop();
  }
});
