/**
 * `oso-testbank serve`: the simulated TC, register, testscholen, machine API and portal as one long-running service on
 * the durable store (PGlite in --data by default, PostgreSQL with --database), until SIGINT or SIGTERM. It prints one
 * start-up block with every URL; on a signal it closes the server, then the store.
 */
import { isIP } from 'node:net';
import { join, resolve } from 'node:path';
import { defaultCertDir } from '../certs/location.ts';
import { beheerToken, BEHEER_TOKEN_ENV } from '../serve/beheer-token.ts';
import { startServe } from '../serve/server.ts';
import { openStore } from '../store/open-store.ts';
import type { Store } from '../store/store.ts';
import { SourceError } from '../suites/yaml-source.ts';
import { parseCommandArgs } from './command-args.ts';
import { totStopsignaal } from './stopsignaal.ts';
import { readServeConfig, type ServeConfig } from './serve-config.ts';

export const DEFAULT_DATA_DIR = './.oso-testbank/data';
const DEFAULT_PORT = 8443;
const DEFAULT_HOST = '127.0.0.1';

const usage = `Usage: oso-testbank serve [--config FILE] [--host ADDRESS] [--hostname NAME] [--port N] [--data DIR] [--database URL]

Runs the simulated Traffic Center, the register, the testscholen (PO 99AA, VO 99BB, SWV 99SW), the machine API and
the portal as one service on one HTTPS port, until it receives SIGINT (Ctrl+C) or SIGTERM. See docs/serve.md.

  --config FILE      YAML with host, hostnaam, poort, data, database, beheer.token, vertrouwensankers (options win)
  --host ADDRESS     the address it listens on (default ${DEFAULT_HOST}; 0.0.0.0 for every address)
  --hostname NAME    the name schools' LASes reach it by: in every URL and in the server certificate (default: --host)
  --port N           the HTTPS port (default ${DEFAULT_PORT})
  --data DIR         where the embedded database (PGlite) and the admin token live (default ${DEFAULT_DATA_DIR})
  --database URL     a PostgreSQL database (postgres://…) instead of the embedded one; several instances may share it
`;

const fail = (message: string) => {
  process.stderr.write(`oso-testbank serve: ${message}\n`);
  return 2;
};

export async function runServe(args: string[]): Promise<number> {
  const parsed = parseCommandArgs('serve', usage, {
    args,
    options: {
      config: { type: 'string' },
      host: { type: 'string' },
      hostname: { type: 'string' },
      port: { type: 'string' },
      data: { type: 'string' },
      database: { type: 'string' },
      help: { type: 'boolean' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;

  let config: ServeConfig = {};
  if (values.config !== undefined) {
    try {
      config = readServeConfig(values.config);
    } catch (e) {
      if (e instanceof SourceError) return fail(e.message);
      return fail(`cannot read --config ${values.config}: ${(e as Error).message}`);
    }
  }
  const host = values.host ?? config.host ?? DEFAULT_HOST;
  if (!isIP(host)) return fail(`--host must be an IP address to listen on, not '${host}'; a name goes in --hostname.`);
  const hostnaam = values.hostname ?? config.hostnaam ?? (host === '0.0.0.0' || host === '::' ? undefined : host);
  if (hostnaam === undefined) return fail(`--host ${host} listens on every address; give --hostname, the name schools' LASes reach the service by.`);
  if (!/^[A-Za-z0-9.:-]+$/.test(hostnaam)) return fail(`--hostname must be a DNS name or an IP address, not '${hostnaam}'.`);
  let port = config.poort ?? DEFAULT_PORT;
  if (values.port !== undefined) {
    const n = Number(values.port);
    if (!/^\d+$/.test(values.port) || n < 1 || n > 65535) return fail(`--port must be a port number (1-65535), not '${values.port}'.`);
    port = n;
  }
  const database = values.database ?? config.database;
  if (database !== undefined && !/^postgres(ql)?:\/\//.test(database)) return fail(`--database must be a postgres:// or postgresql:// URL, not '${database}'.`);
  const dataDir = resolve(values.data ?? config.data ?? DEFAULT_DATA_DIR);

  let token;
  try {
    token = beheerToken({ ...(config.beheer?.token ? { uitConfig: config.beheer.token } : {}), env: process.env, dataDir });
  } catch (e) {
    return fail(`cannot read or create the admin token in ${dataDir}: ${(e as Error).message}`);
  }

  let store: Store;
  try {
    store = await openStore(database !== undefined ? { database } : { data: join(dataDir, 'pglite') });
  } catch (e) {
    return fail(`cannot open the store: ${(e as Error).message}`);
  }
  let service;
  try {
    service = await startServe({
      store,
      host,
      hostnaam,
      port,
      certDir: defaultCertDir,
      beheerToken: token.token,
      ...(config.vertrouwensankersPem ? { vertrouwensankersPem: config.vertrouwensankersPem } : {}),
    });
  } catch (e) {
    await store.close().catch(() => {});
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'EADDRINUSE') return fail(`port ${port} on ${host} is in use; choose another with --port.`);
    return fail(`cannot start: ${err.message}`);
  }

  const tokenRegel =
    token.bron === 'configuratie'
      ? `from ${values.config} (beheer.token)`
      : token.bron === 'omgeving'
        ? `from the environment (${BEHEER_TOKEN_ENV})`
        : `in ${token.bron.bestand}${token.bron.nieuw ? ' (new)' : ''}`;
  const { urls } = service;
  process.stdout.write(
    [
      `oso-testbank serve running on ${urls.basis} (stop: Ctrl+C)`,
      `  Traffic Center: ${urls.tc}`,
      ...urls.aanleverpunten.map((ap) => `  aanleverpunt ${ap.brin} (${ap.naam}): ${ap.url}`),
      `  portal: ${urls.portaal}`,
      `  API: ${urls.api} (health: ${urls.api}/gezondheid)`,
      `  database: ${store.soort === 'pglite' ? `PGlite in ${join(dataDir, 'pglite')}` : `PostgreSQL ${redact(database!)}`}`,
      `  admin token: ${tokenRegel}`,
      '',
    ].join('\n'),
  );

  await totStopsignaal();
  await service.close().catch((e: Error) => process.stderr.write(`oso-testbank serve: closing the server: ${e.message}\n`));
  await store.close().catch((e: Error) => process.stderr.write(`oso-testbank serve: closing the store: ${e.message}\n`));
  process.stdout.write('oso-testbank serve stopped.\n');
  return 0;
}

/** A database URL without its password, for output. */
function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}
