/**
 * Runs once before any Playwright worker starts: issue (or reuse) the test PKI and the certificate catalogue, so that
 * parallel workers starting their worlds only ever read them and never race to write them.
 */
import { defaultCertDir } from '../certs/location.ts';
import { ensureCertificateCatalogue } from '../certs/catalogue.ts';

export default async function globalSetup(): Promise<void> {
  await ensureCertificateCatalogue({ dir: defaultCertDir });
}
