/** The report folder that qualify and merge write: emptied only when it holds nothing but an earlier report. */
import { existsSync } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

/** Makes dir an empty folder for a new report; a reason instead when it holds something else (the manifest would sign it). */
export async function maakRapportmap(dir: string): Promise<string | undefined> {
  if (existsSync(dir) && (await readdir(dir)).length > 0 && !existsSync(join(dir, 'kwalificatie.json')))
    return `${dir} is not empty and holds no earlier report; choose an empty or new folder for --report.`;
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  return undefined;
}
