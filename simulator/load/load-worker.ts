/**
 * Runs an HTTPS post load (https-poster.ts driven by load-generator.ts) in a worker thread, so that the load generator
 * never shares an event loop with the servers it measures when both live in one process: a server's requests per second
 * are then its own, not a share of one thread with its client.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { httpsPoster, type HttpsPosterOptions } from './https-poster.ts';
import { runLoad, type LoadOptions, type LoadResult } from './load-generator.ts';

export type PostLoadOptions = Omit<HttpsPosterOptions, 'connections'> & LoadOptions;

const MARK = 'oso-testbank/post-load';

export function runPostLoadInWorker(options: PostLoadOptions): Promise<LoadResult> {
  // The harness is TypeScript loaded by tsx; a worker does not inherit the loader, so it registers tsx before importing this file.
  const tsx = import.meta.resolve('tsx/esm/api');
  const self = import.meta.url;
  const worker = new Worker(`import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(self)}); });`, {
    eval: true,
    workerData: { mark: MARK, options },
  });
  return new Promise((resolve, reject) => {
    worker.once('message', (m: { result?: LoadResult; error?: string }) => {
      void worker.terminate();
      if (m.result) resolve(m.result);
      else reject(new Error(m.error ?? 'De lastgenerator gaf geen uitslag.'));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`De lastgenerator stopte (exit ${code}) zonder uitslag.`)));
  });
}

async function workerMain(options: PostLoadOptions): Promise<void> {
  const poster = httpsPoster({ ...options, connections: options.concurrency });
  try {
    parentPort!.postMessage({ result: await runLoad(poster.post, options) });
  } catch (e) {
    parentPort!.postMessage({ error: (e as Error).message });
  } finally {
    poster.close();
  }
}

if (!isMainThread && (workerData as { mark?: string } | null)?.mark === MARK) void workerMain((workerData as { options: PostLoadOptions }).options);
