/** Runs the real oso-testbank command in a child process, as a user or a CI job would. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { envWithoutEnclosingRun } from '../../suites/run-settings.ts';

const bin = fileURLToPath(new URL('../../bin/oso-testbank.mjs', import.meta.url));

export function runCli(args: string[], timeoutMs = 280_000, extraEnv: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  // Variables of this Playwright run must not leak into a Playwright run the command starts.
  const env = { ...envWithoutEnclosingRun(), ...extraEnv };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`oso-testbank ${args.join(' ')} did not finish within ${timeoutMs} ms\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
