/**
 * A school's portal token: 32 random bytes (256 bits, unguessable), base64url so it fits a URL or a header unchanged.
 * The store keeps only its SHA-256: a token is as strong as a random key, so a plain hash (no salt, no slow KDF) is
 * enough, and it lets the store find the token's row by equality.
 */
import { createHash, randomBytes } from 'node:crypto';

export function nieuwSchoolToken(): string {
  return randomBytes(32).toString('base64url');
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
