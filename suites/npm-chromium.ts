/**
 * The Chromium that comes with `npm ci`: the optional dependency @sparticuz/chromium ships a headless Chromium for Linux
 * x64 as Brotli files (the browser, the NSS libraries it links against, a font). We only use those files, not the
 * package's code: that code unpacks to fixed names in /tmp, which two Playwright workers starting at once would write
 * over each other.
 *
 * Unpacked once per package version into a cache folder: each process unpacks into a folder of its own and renames it
 * into place, so a second process racing the first either loses the rename and uses the winner's folder, or finds the
 * folder complete. A folder that exists is always whole.
 */
import { createReadStream, createWriteStream, existsSync, readFileSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { brotliDecompress, createBrotliDecompress } from 'node:zlib';
import { tarEntries } from './tar-archive.ts';

export const NPM_CHROMIUM_PACKAGE = '@sparticuz/chromium';

export interface NpmChromiumPackage {
  dir: string;
  version: string;
}

export interface UnpackedChromium {
  executablePath: string;
  /** What the browser process needs: its own NSS libraries first, and a font configuration that adds its font to the system's. */
  env: Record<string, string>;
  /** Set when this call unpacked it; absent when it was already there. */
  unpackedInMs?: number;
}

/** The installed package, if npm installed it (it is optional): found by folder, its exports map hides package.json. */
export function npmChromiumPackage(): NpmChromiumPackage | undefined {
  const require = createRequire(import.meta.url);
  for (const base of require.resolve.paths(NPM_CHROMIUM_PACKAGE) ?? []) {
    const dir = join(base, NPM_CHROMIUM_PACKAGE);
    if (!existsSync(join(dir, 'bin', 'chromium.br'))) continue;
    const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string };
    return { dir, version };
  }
  return undefined;
}

function runtime(folder: string, env: NodeJS.ProcessEnv): UnpackedChromium {
  const libs = join(folder, 'lib');
  return {
    executablePath: join(folder, 'chromium'),
    env: { LD_LIBRARY_PATH: env['LD_LIBRARY_PATH'] ? `${libs}:${env['LD_LIBRARY_PATH']}` : libs, FONTCONFIG_FILE: join(folder, 'fonts.conf') },
  };
}

/** The system's fonts stay (a page renders as elsewhere); the shipped Open Sans makes sure a machine without any still has text. */
function fontsConf(folder: string): string {
  return `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>${join(folder, 'fonts')}</dir>
  <cachedir>${join(folder, 'fontconfig-cache')}</cachedir>
</fontconfig>
`;
}

async function unpackTar(file: string, into: string, keep: (path: string) => boolean): Promise<void> {
  const archive = await promisify(brotliDecompress)(await readFile(file));
  for (const entry of tarEntries(archive)) {
    if (!keep(entry.path)) continue;
    const target = join(into, entry.path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, entry.data);
    await chmod(target, entry.mode & 0o755);
  }
}

async function unpack(pkg: NpmChromiumPackage, folder: string): Promise<void> {
  await mkdir(dirname(folder), { recursive: true });
  const work = await mkdtemp(`${folder}.uitpakken-`);
  try {
    const bin = join(pkg.dir, 'bin');
    await pipeline(createReadStream(join(bin, 'chromium.br')), createBrotliDecompress(), createWriteStream(join(work, 'chromium'), { mode: 0o755 }));
    // Their fonts.conf names /tmp paths; ours (below) names this folder. The SwiftShader GL libraries are left out:
    // the browser runs with --disable-gpu.
    await unpackTar(join(bin, 'al2023.tar.br'), work, (p) => p.startsWith('lib/'));
    await unpackTar(join(bin, 'fonts.tar.br'), work, (p) => p.startsWith('fonts/'));
    await writeFile(join(work, 'fonts.conf'), fontsConf(folder));
    await rename(work, folder);
  } catch (e) {
    await rm(work, { recursive: true, force: true });
    const lostTheRace = ['ENOTEMPTY', 'EEXIST'].includes((e as NodeJS.ErrnoException).code ?? '') && existsSync(join(folder, 'chromium'));
    if (!lostTheRace) throw e;
  }
}

/** One unpacking per folder per process, however many launches ask for it at once. */
const unpacking = new Map<string, Promise<number>>();

export async function unpackedNpmChromium(pkg: NpmChromiumPackage, cacheDir: string, env: NodeJS.ProcessEnv): Promise<UnpackedChromium> {
  const folder = join(cacheDir, `chromium-${pkg.version}`);
  if (existsSync(folder) && !unpacking.has(folder)) return runtime(folder, env);
  let done = unpacking.get(folder);
  if (!done) {
    const start = performance.now();
    done = unpack(pkg, folder).then(() => Math.round(performance.now() - start));
    unpacking.set(folder, done);
    const forget = () => unpacking.delete(folder);
    done.then(forget, forget);
  }
  return { ...runtime(folder, env), unpackedInMs: await done };
}
