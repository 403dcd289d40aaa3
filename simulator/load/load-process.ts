/**
 * Runs an HTTPS post load (https-poster.ts driven by load-generator.ts) in a child process, so that the load generator
 * never shares a thread or a CPU account with the servers it measures: a server's requests per second are its own, and
 * the CPU time the server's process spent while it was measured, per request, is a yardstick that holds up on a busy
 * machine, where wall-clock throughput does not.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { httpsPoster, type HttpsPosterOptions } from './https-poster.ts';
import { runLoad, type LoadOptions, type LoadResult } from './load-generator.ts';

export type PostLoadOptions = Omit<HttpsPosterOptions, 'connections'> & LoadOptions;

export interface PostLoadResult extends LoadResult {
  /** CPU time (user + system) of the calling process while the load was measured, per succeeded request. */
  serverCpuPerRequestUs: number;
}

type Bericht = { soort: 'meten' } | { soort: 'uitslag'; result: LoadResult } | { soort: 'fout'; error: string };

export function runPostLoadInChild(options: PostLoadOptions): Promise<PostLoadResult> {
  // The harness is TypeScript loaded by tsx; the child loads it the same way.
  const child = fork(fileURLToPath(import.meta.url), ['--lastgenerator'], { execArgv: ['--import', import.meta.resolve('tsx/esm')], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  child.send(options);
  let cpuAtStart: NodeJS.CpuUsage | undefined;
  return new Promise((resolve, reject) => {
    child.on('message', (m: Bericht) => {
      if (m.soort === 'meten') cpuAtStart = process.cpuUsage();
      else if (m.soort === 'fout') reject(new Error(m.error));
      else {
        const cpu = process.cpuUsage(cpuAtStart);
        resolve({ ...m.result, serverCpuPerRequestUs: (cpu.user + cpu.system) / Math.max(1, m.result.completed) });
      }
    });
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`De lastgenerator stopte (exit ${code}) zonder uitslag.`)));
  });
}

async function childMain(options: PostLoadOptions): Promise<void> {
  const send = (m: Bericht) => new Promise<void>((done) => process.send!(m, () => done()));
  const poster = httpsPoster({ ...options, connections: options.concurrency });
  try {
    const result = await runLoad(poster.post, { ...options, onMeasureStart: () => void send({ soort: 'meten' }) });
    await send({ soort: 'uitslag', result });
  } catch (e) {
    await send({ soort: 'fout', error: (e as Error).message });
  } finally {
    poster.close();
    process.disconnect();
  }
}

if (process.argv[2] === '--lastgenerator' && process.send) process.once('message', (options: PostLoadOptions) => void childMain(options));
