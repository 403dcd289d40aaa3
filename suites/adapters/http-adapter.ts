/**
 * The http adapter: drives a LAS under test through the test-control API (simulator/control-api.ts), within a deadline
 * per call, and turns every refusal into an error that says what the LAS answered.
 */
import {
  controlPaths,
  type DossiersAntwoord,
  type LaatsteFoutAntwoord,
  type NotificatiesAntwoord,
  type OpvragenAntwoord,
  type ReleaseVerzoek,
} from '../../simulator/control-api.ts';
import { AdapterFout, type SutAdapter } from './sut-adapter.ts';

async function call<T>(baseUrl: string, path: string, timeoutMs: number, body?: unknown): Promise<T> {
  const url = `${baseUrl}${path}`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: body === undefined ? 'GET' : 'POST',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (e) {
    const err = e as Error;
    const reason = err.name === 'TimeoutError' ? `geen antwoord binnen ${timeoutMs} ms (time-out)` : `${err.message}${err.cause ? ` (${String((err.cause as Error).message ?? err.cause)})` : ''}`;
    throw new AdapterFout(`Test-control-API ${url}: ${reason}.`);
  }
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AdapterFout(`Test-control-API ${url} gaf HTTP ${response.status} zonder geldige JSON: ${text.slice(0, 200)}`);
  }
  if (!response.ok) throw new AdapterFout(`Test-control-API ${url} weigerde (HTTP ${response.status}): ${(json as { fout?: string }).fout ?? text.slice(0, 200)}`);
  return json as T;
}

export function httpAdapter(options: { controlUrl: string; timeoutMs: number }): SutAdapter {
  const { controlUrl, timeoutMs } = options;
  return {
    soort: 'http',
    klaarzetten: async (verzoek) => {
      await call(controlUrl, controlPaths.klaarzetten, timeoutMs, verzoek);
    },
    opvragen: (verzoek) => call<OpvragenAntwoord>(controlUrl, controlPaths.opvragen, timeoutMs, verzoek),
    ontvangen: async () => (await call<DossiersAntwoord>(controlUrl, controlPaths.dossiers, timeoutMs)).ontvangen,
    notificaties: async () => (await call<NotificatiesAntwoord>(controlUrl, controlPaths.notificaties, timeoutMs)).notificaties,
    laatsteFout: async () => (await call<LaatsteFoutAntwoord>(controlUrl, controlPaths.laatsteFout, timeoutMs)).melding,
    wisselRelease: async (gegevensset) => {
      await call(controlUrl, controlPaths.release, timeoutMs, { gegevensset } satisfies ReleaseVerzoek);
    },
    close: async () => {},
  };
}
