/**
 * The configuration file of `serve --config FILE` (YAML): what an operator keeps in one place instead of on the command
 * line, and the one setting that has no option (the admin token). Command-line options win over the file. An unknown
 * key or a wrong type stops the start with file, line and a suggestion.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { readYamlSource, SourceError } from '../suites/yaml-source.ts';
import { didYouMean } from './did-you-mean.ts';

export interface ServeConfig {
  host?: string;
  hostnaam?: string;
  poort?: number;
  /** Resolved against the configuration file's folder. */
  data?: string;
  database?: string;
  beheer?: { token?: string };
  /** PEM text of every trust anchor file named, read at load. */
  vertrouwensankersPem?: string;
}

const SLEUTELS = ['host', 'hostnaam', 'poort', 'data', 'database', 'beheer', 'vertrouwensankers'];

export function readServeConfig(file: string): ServeConfig {
  const bron = readYamlSource(file);
  const fout = (pad: string, sleutel: string | undefined, tekst: string) => {
    const at = bron.position(pad, sleutel);
    return new SourceError(file, at.line, at.column, tekst);
  };
  const data = bron.data ?? {};
  if (typeof data !== 'object' || Array.isArray(data)) throw fout('', undefined, 'the configuration must be a mapping of keys to values');
  const ruw = data as Record<string, unknown>;
  for (const sleutel of Object.keys(ruw))
    if (!SLEUTELS.includes(sleutel)) throw fout('', sleutel, `unknown key '${sleutel}'.${didYouMean(sleutel, SLEUTELS)} Known keys: ${SLEUTELS.join(', ')}.`);
  const tekst = (sleutel: string): string | undefined => {
    const w = ruw[sleutel];
    if (w === undefined || w === null) return undefined;
    if (typeof w !== 'string' || w === '') throw fout(`/${sleutel}`, undefined, `'${sleutel}' must be a non-empty string`);
    return w;
  };
  const config: ServeConfig = {};
  const basis = dirname(resolve(file));
  const host = tekst('host');
  if (host) config.host = host;
  const hostnaam = tekst('hostnaam');
  if (hostnaam) config.hostnaam = hostnaam;
  const d = tekst('data');
  if (d) config.data = resolve(basis, d);
  const database = tekst('database');
  if (database) config.database = database;
  if (ruw['poort'] !== undefined) {
    const p = ruw['poort'];
    if (typeof p !== 'number' || !Number.isInteger(p) || p < 1 || p > 65535) throw fout('/poort', undefined, `'poort' must be a port number (1-65535)`);
    config.poort = p;
  }
  if (ruw['beheer'] !== undefined) {
    const b = ruw['beheer'];
    if (typeof b !== 'object' || b === null || Array.isArray(b)) throw fout('/beheer', undefined, `'beheer' must be a mapping (beheer: { token: … })`);
    for (const k of Object.keys(b)) if (k !== 'token') throw fout('/beheer', k, `unknown key 'beheer.${k}'.${didYouMean(k, ['token'])}`);
    const token = (b as Record<string, unknown>)['token'];
    if (token !== undefined && (typeof token !== 'string' || token.length < 16)) throw fout('/beheer/token', undefined, `'beheer.token' must be a string of at least 16 characters`);
    config.beheer = token === undefined ? {} : { token: token as string };
  }
  if (ruw['vertrouwensankers'] !== undefined) {
    const lijst = ruw['vertrouwensankers'];
    if (!Array.isArray(lijst) || lijst.some((x) => typeof x !== 'string')) throw fout('/vertrouwensankers', undefined, `'vertrouwensankers' must be a list of PEM files`);
    config.vertrouwensankersPem = (lijst as string[])
      .map((f, i) => {
        try {
          const pem = readFileSync(resolve(basis, f), 'utf8');
          if (!pem.includes('-----BEGIN CERTIFICATE-----')) throw new Error('no PEM certificate in it');
          return pem.endsWith('\n') ? pem : `${pem}\n`;
        } catch (e) {
          throw fout(`/vertrouwensankers/${i}`, undefined, `cannot use trust anchor ${f}: ${(e as Error).message}`);
        }
      })
      .join('');
  }
  return config;
}
