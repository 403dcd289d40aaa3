/**
 * Finding and starting Chromium for the printable dossiers (PDF), the playwright adapter and the browser tests. Looked for
 * in this order, the first found wins:
 *   1. OSO_CHROMIUM, a path to a Chromium or Chrome binary;
 *   2. Playwright's own browsers (`npx playwright install chromium`);
 *   3. the system's Chromium or Chrome (on PATH, or the usual macOS application);
 *   4. the headless Chromium of the npm package @sparticuz/chromium (an optional dependency: `npm ci` brings it on Linux x64),
 *      unpacked once into $XDG_CACHE_HOME/oso-testbank or ~/.cache/oso-testbank.
 * OSO_CHROMIUM may instead name one of the places (`playwright`, `system`, `npm`) to look only there: CI uses it to prove
 * the browser that `npm ci` brings works on its own. The flags keep a headless Chromium from reaching out to the network.
 */
import { accessSync, constants, existsSync } from 'node:fs';
import { homedir, tmpdir, userInfo } from 'node:os';
import { delimiter, isAbsolute, join } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { NPM_CHROMIUM_PACKAGE, npmChromiumPackage, unpackedNpmChromium, type NpmChromiumPackage, type UnpackedChromium } from './npm-chromium.ts';

export type ChromiumBron = 'OSO_CHROMIUM' | 'playwright' | 'system' | 'npm';
const PLAATSEN = ['playwright', 'system', 'npm'] as const;

export interface GevondenChromium {
  bron: ChromiumBron;
  executablePath: string;
  /** Extra environment the browser process needs (the npm-shipped one brings its own libraries). */
  env?: Record<string, string>;
  /** For messages: where it came from, in one line. */
  omschrijving: string;
  /** Set when this call had to unpack the npm-shipped browser first. */
  uitgepaktInMs?: number;
}

/** Where the finder looks; the defaults are this machine, tests substitute their own. */
export interface ZoekOmgeving {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  arch: string;
  /** Where Playwright's registry keeps its Chromium (whether or not it is installed). */
  playwrightPath: () => string | undefined;
  systemPaths: () => string[];
  npmPackage: () => NpmChromiumPackage | undefined;
  /** Where the npm-shipped browser is unpacked. */
  cacheDir: () => string;
}

const SYSTEM_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];
const MACOS_APPS = ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Chromium.app/Contents/MacOS/Chromium'];

function systemPaths(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string[] {
  const onPath = (env['PATH'] ?? '')
    .split(delimiter)
    .filter((d) => isAbsolute(d))
    .flatMap((d) => SYSTEM_NAMES.map((n) => join(d, n)));
  return platform === 'darwin' ? [...onPath, ...MACOS_APPS] : onPath;
}

/** Like Playwright's ~/.cache/ms-playwright; the temporary folder when there is no usable home (some CI containers). */
function cacheDir(env: NodeJS.ProcessEnv): string {
  const home = env['XDG_CACHE_HOME'] || (homedir() ? join(homedir(), '.cache') : '');
  return home && isAbsolute(home) ? join(home, 'oso-testbank') : join(tmpdir(), `oso-testbank-${userInfo().uid}`);
}

export function dezeMachine(env: NodeJS.ProcessEnv = process.env): ZoekOmgeving {
  return {
    env,
    platform: process.platform,
    arch: process.arch,
    playwrightPath: () => {
      try {
        return chromium.executablePath();
      } catch {
        return undefined;
      }
    },
    systemPaths: () => systemPaths(env, process.platform),
    npmPackage: npmChromiumPackage,
    cacheDir: () => cacheDir(env),
  };
}

export class GeenChromium extends Error {
  constructor(readonly gezocht: string[]) {
    super(
      'Geen Chromium gevonden (no Chromium found). Gezocht, in deze volgorde:\n' +
        gezocht.map((g) => `  - ${g}\n`).join('') +
        'Oplossing: npm ci (brengt op Linux x64 een Chromium mee), npx playwright install chromium, een Chromium of Chrome van het systeem, ' +
        'of OSO_CHROMIUM=/pad/naar/chrome.',
    );
    this.name = 'GeenChromium';
  }
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

type Poging = { gevonden: GevondenChromium } | { gezocht: string };

async function zoekIn(plaats: (typeof PLAATSEN)[number], o: ZoekOmgeving, headless: boolean): Promise<Poging> {
  switch (plaats) {
    case 'playwright': {
      const path = o.playwrightPath();
      if (path && isExecutable(path)) return { gevonden: { bron: 'playwright', executablePath: path, omschrijving: `Playwright's Chromium (${path})` } };
      return { gezocht: `Playwright's browsers: ${path ? `${path} bestaat niet` : 'geen pad bekend'}` };
    }
    case 'system': {
      const paths = o.systemPaths();
      const path = paths.find(isExecutable);
      if (path) return { gevonden: { bron: 'system', executablePath: path, omschrijving: `Chromium van het systeem (${path})` } };
      return { gezocht: `het systeem: ${SYSTEM_NAMES.join(', ')} niet op PATH${o.platform === 'darwin' ? `, niet in ${MACOS_APPS.join(', ')}` : ''}` };
    }
    case 'npm': {
      const wat = `het npm-pakket ${NPM_CHROMIUM_PACKAGE}`;
      if (o.platform !== 'linux' || o.arch !== 'x64') return { gezocht: `${wat}: alleen voor Linux x64, dit is ${o.platform} ${o.arch}` };
      if (!headless) return { gezocht: `${wat}: kan alleen zonder venster draaien (headless), hier is een venster gevraagd` };
      const pkg = o.npmPackage();
      if (!pkg) return { gezocht: `${wat}: niet geïnstalleerd (het is een optionele afhankelijkheid; npm ci installeert het)` };
      let u: UnpackedChromium;
      try {
        u = await unpackedNpmChromium(pkg, o.cacheDir(), o.env);
      } catch (e) {
        return { gezocht: `${wat} ${pkg.version}: uitpakken in ${o.cacheDir()} mislukt: ${(e as Error).message}` };
      }
      return {
        gevonden: {
          bron: 'npm',
          executablePath: u.executablePath,
          env: u.env,
          omschrijving: `Chromium uit ${NPM_CHROMIUM_PACKAGE} ${pkg.version} (${u.executablePath})`,
          ...(u.unpackedInMs !== undefined ? { uitgepaktInMs: u.unpackedInMs } : {}),
        },
      };
    }
  }
}

/** The first Chromium found; a GeenChromium naming every place looked when there is none. */
export async function findChromium(options: { headless?: boolean } = {}, o: ZoekOmgeving = dezeMachine()): Promise<GevondenChromium> {
  const headless = options.headless ?? true;
  const configured = o.env['OSO_CHROMIUM']?.trim();
  const alleen = PLAATSEN.find((p) => p === configured);
  if (configured && !alleen) {
    if (isExecutable(configured)) return { bron: 'OSO_CHROMIUM', executablePath: configured, omschrijving: `OSO_CHROMIUM (${configured})` };
    throw new GeenChromium([`OSO_CHROMIUM=${configured}: ${existsSync(configured) ? 'geen uitvoerbaar bestand' : 'bestaat niet'} (of noem een plaats: ${PLAATSEN.join(', ')})`]);
  }
  const gezocht = alleen ? [] : ['OSO_CHROMIUM: niet gezet'];
  for (const plaats of alleen ? [alleen] : PLAATSEN) {
    const poging = await zoekIn(plaats, o, headless);
    if ('gevonden' in poging) return poging.gevonden;
    gezocht.push(poging.gezocht);
  }
  if (alleen) gezocht.push(`(OSO_CHROMIUM=${alleen}: alleen daar gezocht)`);
  throw new GeenChromium(gezocht);
}

/** Headless unless asked otherwise: a vendor debugging its Playwright module may want to watch the browser. */
export async function launchChromium(options: { headless?: boolean } = {}): Promise<Browser> {
  const headless = options.headless ?? true;
  const found = await findChromium({ headless });
  return chromium.launch({
    executablePath: found.executablePath,
    headless,
    ...(found.env ? { env: { ...process.env, ...found.env } } : {}),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}
