/**
 * Runs once before any Playwright worker starts: issue (or reuse) the test PKI, so that parallel workers starting their
 * worlds only ever read it and never race to write it.
 */
import { defaultCertDir } from '../certs/location.ts';
import { ensureTestPki } from '../certs/pki.ts';

export default async function globalSetup(): Promise<void> {
  await ensureTestPki({ dir: defaultCertDir });
}
