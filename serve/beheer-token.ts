/**
 * The admin (beheer) token of `serve`: from the configuration, else from OSO_BEHEER_TOKEN, else generated once and kept
 * in the data folder (readable by its owner only), so that a restart keeps the token an operator already handed out.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const BEHEER_TOKEN_FILE = 'beheer-token';
export const BEHEER_TOKEN_ENV = 'OSO_BEHEER_TOKEN';

export interface BeheerToken {
  token: string;
  /** Where it came from, for the start-up block: the configuration, the environment, or the file. */
  bron: 'configuratie' | 'omgeving' | { bestand: string; nieuw: boolean };
}

export function beheerToken(opties: { uitConfig?: string; env: NodeJS.ProcessEnv; dataDir: string }): BeheerToken {
  if (opties.uitConfig) return { token: opties.uitConfig, bron: 'configuratie' };
  const uitEnv = opties.env[BEHEER_TOKEN_ENV];
  if (uitEnv) return { token: uitEnv, bron: 'omgeving' };
  const bestand = join(opties.dataDir, BEHEER_TOKEN_FILE);
  try {
    const token = readFileSync(bestand, 'utf8').trim();
    if (token) return { token, bron: { bestand, nieuw: false } };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  mkdirSync(opties.dataDir, { recursive: true });
  const token = randomBytes(32).toString('base64url');
  // 'wx': of two instances starting on one fresh folder, the second fails here rather than overwrite the first's token.
  writeFileSync(bestand, `${token}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(bestand, 0o600);
  return { token, bron: { bestand, nieuw: true } };
}

/** Compares in constant time: the token is a password. */
export function isBeheerToken(gegeven: string | undefined, token: string): boolean {
  if (!gegeven) return false;
  const a = Buffer.from(gegeven);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}
