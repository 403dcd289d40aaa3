/** The harness's own version, as package.json gives it: named in every report it writes. */
import { readFile } from 'node:fs/promises';

export async function harnessVersion(): Promise<string> {
  return (JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}
