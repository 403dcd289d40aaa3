/**
 * Where each run is in the Allure report, so the summary page can link a finding to its test. The Allure 3 "awesome"
 * report routes a test result at `index.html#<id>`, and its id is the MD5 (hex) of the result's uuid in allure-results
 * (@allurereport/core, store/convert.js: `id: md5(raw.uuid)`). The browser test of the report follows such a link,
 * so a change in Allure's routing shows there.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runKey } from '../suites/catalogue.ts';

/** run (`scenario/rol`) → `index.html#…`; a run retried keeps its last result, as the report shows it. */
export async function allureKoppelingen(resultsDirs: readonly string[]): Promise<Map<string, string>> {
  const laatste = new Map<string, { stop: number; uuid: string }>();
  for (const dir of resultsDirs) {
    if (!existsSync(dir)) continue;
    for (const file of (await readdir(dir)).filter((f) => f.endsWith('-result.json'))) {
      let result: { uuid?: string; name?: string; stop?: number };
      try {
        result = JSON.parse(await readFile(join(dir, file), 'utf8'));
      } catch {
        continue; // not a result this page can link to; the Allure report says what is wrong with it
      }
      // The qualification names each test `<scenario> [SUT als <rol>] <titel>` (suites/qualification-test.ts).
      const run = /^(\S+) \[SUT als (\w+)\]/.exec(result.name ?? '');
      if (!run || !result.uuid) continue;
      const key = runKey(run[1]!, run[2]!);
      const stop = result.stop ?? 0;
      if ((laatste.get(key)?.stop ?? -1) <= stop) laatste.set(key, { stop, uuid: result.uuid });
    }
  }
  return new Map([...laatste].map(([key, { uuid }]) => [key, `index.html#${createHash('md5').update(uuid).digest('hex')}`]));
}
