import { expect, test } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { npmChromiumPackage } from '../../suites/npm-chromium.ts';

// The browser `npm ci` brings, as two Playwright workers meet it on a fresh machine: both start at once on an empty cache.
const SCRIPT = fileURLToPath(new URL('../../scripts/chromium.ts', import.meta.url));
test.describe.configure({ timeout: 240_000 });

interface Report {
  bron: string;
  executablePath: string;
  uitgepaktInMs?: number;
  version: string;
  launchedInMs: number;
  pdfBytes: number;
}

function findAndRender(cache: string): Promise<Report> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, '--json'], {
      env: { ...process.env, XDG_CACHE_HOME: cache, OSO_CHROMIUM: 'npm' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as Report) : reject(new Error(`scripts/chromium.ts exit ${code}\n${out}\n${err}`))));
  });
}

test('two processes starting at once on an empty cache both get the whole npm-shipped browser, start it and print a PDF; the next one finds it ready', async () => {
  test.skip(process.platform !== 'linux' || process.arch !== 'x64', 'the npm-shipped Chromium is for Linux x64 only');
  const pkg = npmChromiumPackage();
  expect(pkg, 'npm ci installs the optional Chromium package on Linux x64').toBeDefined();
  const cache = mkdtempSync(join(tmpdir(), 'chromium-cache-'));
  const folder = `chromium-${pkg!.version}`;
  try {
    const [a, b] = await Promise.all([findAndRender(cache), findAndRender(cache)]);
    for (const r of [a, b]) {
      expect(r.bron).toBe('npm');
      expect(r.executablePath).toBe(join(cache, 'oso-testbank', folder, 'chromium'));
      // The package's major version is the browser's.
      expect(r.version.split('.')[0]).toBe(pkg!.version.split('.')[0]);
      expect(r.pdfBytes).toBeGreaterThan(1000);
    }
    // Whoever lost the race threw its own copy away.
    expect(readdirSync(join(cache, 'oso-testbank'))).toEqual([folder]);
    expect([a, b].some((r) => r.uitgepaktInMs !== undefined)).toBe(true);
    test.info().annotations.push({ type: 'uitpakken', description: [a, b].map((r) => `${r.uitgepaktInMs ?? '-'} ms`).join(', ') });

    const c = await findAndRender(cache);
    expect(c.uitgepaktInMs).toBeUndefined();
    expect(c.executablePath).toBe(a.executablePath);
    test.info().annotations.push({ type: 'starten', description: `${c.launchedInMs} ms` });
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
});
