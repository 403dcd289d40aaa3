/**
 * Loaded with `node --import`: writes the URL of every module the process loads through the ES module loader to the
 * file OSO_MODULELOGBOEK names, one a line. Registers itself as a resolve hook, which Node runs on a thread of its own.
 */
import { appendFileSync } from 'node:fs';
import { register } from 'node:module';
import { isMainThread } from 'node:worker_threads';

if (isMainThread) register(import.meta.url);

export async function resolve(specifier, context, nextResolve) {
  const uitkomst = await nextResolve(specifier, context);
  appendFileSync(process.env.OSO_MODULELOGBOEK, `${uitkomst.url}\n`);
  return uitkomst;
}
