import { fileURLToPath } from 'node:url';

/** Where the harness keeps its generated test PKI unless told otherwise: certs/generated in the repository. */
export const defaultCertDir = fileURLToPath(new URL('./generated/', import.meta.url));
