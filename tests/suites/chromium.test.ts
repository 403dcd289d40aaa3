/**
 * Where the harness finds its Chromium, on made-up machines: the order of the places, OSO_CHROMIUM as a path or as the one
 * place to look, the error that names every place, and the unpacking of the npm-shipped browser (from a small package
 * made here in its format, so no 190 MB browser is written).
 */
import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { findChromium, GeenChromium, type ZoekOmgeving } from '../../suites/chromium.ts';
import type { NpmChromiumPackage } from '../../suites/npm-chromium.ts';

const CHROMIUM = '#!/bin/sh\necho nep-chromium\n';

function executable(dir: string, name: string): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  writeFileSync(path, '#!/bin/sh\n', { mode: 0o755 });
  return path;
}

/** A package laid out as @sparticuz/chromium: the browser and two tar files, Brotli-compressed. */
function npmPackage(root: string, version = '1.2.3', chromium = brotliCompressSync(CHROMIUM)): NpmChromiumPackage {
  const dir = join(root, 'pakket');
  const src = join(root, 'bron');
  mkdirSync(join(src, 'al', 'lib'), { recursive: true });
  mkdirSync(join(src, 'fonts', 'fonts', 'Open_Sans'), { recursive: true });
  writeFileSync(join(src, 'al', 'lib', 'libnss3.so'), 'nss');
  writeFileSync(join(src, 'fonts', 'fonts.conf'), '<fontconfig><dir>/tmp/fonts</dir></fontconfig>');
  writeFileSync(join(src, 'fonts', 'fonts', 'Open_Sans', 'OpenSans-Regular.ttf'), 'ttf');
  mkdirSync(join(dir, 'bin'), { recursive: true });
  const tarBr = (from: string) => brotliCompressSync(execFileSync('tar', ['--format=ustar', '-cf', '-', '-C', from, '.']));
  writeFileSync(join(dir, 'bin', 'al2023.tar.br'), tarBr(join(src, 'al')));
  writeFileSync(join(dir, 'bin', 'fonts.tar.br'), tarBr(join(src, 'fonts')));
  writeFileSync(join(dir, 'bin', 'chromium.br'), chromium);
  return { dir, version };
}

/** A Linux x64 machine with nothing on it; each test adds what it needs. */
function machine(root: string, extra: Partial<ZoekOmgeving> = {}): ZoekOmgeving {
  return {
    env: {},
    platform: 'linux',
    arch: 'x64',
    playwrightPath: () => join(root, 'ms-playwright', 'chromium-1255', 'chrome'),
    systemPaths: () => [join(root, 'usr-bin', 'chromium')],
    npmPackage: () => undefined,
    cacheDir: () => join(root, 'cache'),
    ...extra,
  };
}

const root = () => mkdtempSync(join(tmpdir(), 'chromium-zoeken-'));

test('looks in order: OSO_CHROMIUM, Playwright\'s browsers, the system\'s, the npm-shipped one; says where it found it', async () => {
  const r = root();
  const eigen = executable(join(r, 'eigen'), 'chrome');
  const playwright = executable(join(r, 'ms-playwright', 'chromium-1255'), 'chrome');
  const system = executable(join(r, 'usr-bin'), 'chromium');
  const pkg = npmPackage(r);
  const all = machine(r, { env: { OSO_CHROMIUM: eigen }, npmPackage: () => pkg });

  expect(await findChromium({}, all)).toMatchObject({ bron: 'OSO_CHROMIUM', executablePath: eigen });
  expect(await findChromium({}, { ...all, env: {} })).toMatchObject({ bron: 'playwright', executablePath: playwright });
  expect(await findChromium({}, { ...all, env: {}, playwrightPath: () => undefined })).toMatchObject({ bron: 'system', executablePath: system });
  const npm = await findChromium({}, { ...all, env: {}, playwrightPath: () => undefined, systemPaths: () => [] });
  expect(npm).toMatchObject({ bron: 'npm', executablePath: join(r, 'cache', 'chromium-1.2.3', 'chromium') });
  expect(npm.omschrijving).toContain('@sparticuz/chromium 1.2.3');
});

test('OSO_CHROMIUM naming a place looks only there, and says so when it is empty', async () => {
  const r = root();
  executable(join(r, 'usr-bin'), 'chromium');
  const pkg = npmPackage(r);
  expect(await findChromium({}, machine(r, { env: { OSO_CHROMIUM: 'npm' }, npmPackage: () => pkg }))).toMatchObject({ bron: 'npm' });

  const err = await findChromium({}, machine(r, { env: { OSO_CHROMIUM: 'playwright' }, npmPackage: () => pkg })).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(GeenChromium);
  expect((err as GeenChromium).gezocht).toEqual([
    `Playwright's browsers: ${join(r, 'ms-playwright', 'chromium-1255', 'chrome')} bestaat niet`,
    '(OSO_CHROMIUM=playwright: alleen daar gezocht)',
  ]);
});

test('OSO_CHROMIUM pointing nowhere, or at a file that is no program, is an error naming it: never a quiet fallback', async () => {
  const r = root();
  executable(join(r, 'usr-bin'), 'chromium');
  await expect(findChromium({}, machine(r, { env: { OSO_CHROMIUM: join(r, 'weg', 'chrome') } }))).rejects.toThrow(
    `OSO_CHROMIUM=${join(r, 'weg', 'chrome')}: bestaat niet (of noem een plaats: playwright, system, npm)`,
  );
  writeFileSync(join(r, 'tekst'), 'geen programma', { mode: 0o644 });
  await expect(findChromium({}, machine(r, { env: { OSO_CHROMIUM: join(r, 'tekst') } }))).rejects.toThrow(/tekst: geen uitvoerbaar bestand/);
});

test('nothing on a Mac with Apple silicon: the error names every place looked and why each did not apply', async () => {
  const r = root();
  const err = (await findChromium({}, machine(r, { platform: 'darwin', arch: 'arm64' })).catch((e: unknown) => e)) as GeenChromium;
  expect(err).toBeInstanceOf(GeenChromium);
  expect(err.gezocht).toEqual([
    'OSO_CHROMIUM: niet gezet',
    `Playwright's browsers: ${join(r, 'ms-playwright', 'chromium-1255', 'chrome')} bestaat niet`,
    'het systeem: chromium, chromium-browser, google-chrome, google-chrome-stable niet op PATH, niet in /Applications/Google Chrome.app/Contents/MacOS/Google Chrome, /Applications/Chromium.app/Contents/MacOS/Chromium',
    'het npm-pakket @sparticuz/chromium: alleen voor Linux x64, dit is darwin arm64',
  ]);
  expect(err.message).toMatch(/^Geen Chromium gevonden \(no Chromium found\)/);
  expect(err.message).toContain('npx playwright install chromium');
});

test('the npm-shipped browser is headless only: asked for a window, the finder passes it by and says why', async () => {
  const r = root();
  const pkg = npmPackage(r);
  const err = (await findChromium({ headless: false }, machine(r, { npmPackage: () => pkg })).catch((e: unknown) => e)) as GeenChromium;
  expect(err.gezocht.at(-1)).toBe('het npm-pakket @sparticuz/chromium: kan alleen zonder venster draaien (headless), hier is een venster gevraagd');
  expect(readdirSync(r)).not.toContain('cache');
});

test('the npm-shipped browser is unpacked once: with its own libraries, a font configuration over the system\'s, and not again', async () => {
  const r = root();
  const pkg = npmPackage(r);
  const m = machine(r, { env: { LD_LIBRARY_PATH: '/opt/elders' }, npmPackage: () => pkg });
  const folder = join(r, 'cache', 'chromium-1.2.3');

  const first = await findChromium({}, m);
  expect(first.uitgepaktInMs).toBeGreaterThanOrEqual(0);
  expect(readFileSync(first.executablePath, 'utf8')).toBe(CHROMIUM);
  expect(statSync(first.executablePath).mode & 0o111).toBe(0o111);
  expect(readFileSync(join(folder, 'lib', 'libnss3.so'), 'utf8')).toBe('nss');
  expect(readFileSync(join(folder, 'fonts', 'Open_Sans', 'OpenSans-Regular.ttf'), 'utf8')).toBe('ttf');
  const conf = readFileSync(join(folder, 'fonts.conf'), 'utf8');
  expect(conf).toContain('<include ignore_missing="yes">/etc/fonts/fonts.conf</include>');
  expect(conf).toContain(`<dir>${join(folder, 'fonts')}</dir>`);
  expect(conf).not.toContain('/tmp/fonts');
  expect(first.env).toEqual({ LD_LIBRARY_PATH: `${join(folder, 'lib')}:/opt/elders`, FONTCONFIG_FILE: join(folder, 'fonts.conf') });

  const before = statSync(first.executablePath).mtimeMs;
  const second = await findChromium({}, m);
  expect(second.executablePath).toBe(first.executablePath);
  expect(second.uitgepaktInMs).toBeUndefined();
  expect(statSync(second.executablePath).mtimeMs).toBe(before);
  expect(readdirSync(join(r, 'cache'))).toEqual(['chromium-1.2.3']);
});

test('two unpackings racing for the same folder both end with the whole browser, and leave nothing half-done behind', async () => {
  // Two cache paths (one through a symlink) reach one folder: in one process, the same race two workers run.
  const r = root();
  const pkg = npmPackage(r);
  mkdirSync(join(r, 'cache'));
  symlinkSync(join(r, 'cache'), join(r, 'ook-cache'));
  const [a, b] = await Promise.all([
    findChromium({}, machine(r, { npmPackage: () => pkg })),
    findChromium({}, machine(r, { npmPackage: () => pkg, cacheDir: () => join(r, 'ook-cache') })),
  ]);
  expect(readFileSync(a.executablePath, 'utf8')).toBe(CHROMIUM);
  expect(readFileSync(b.executablePath, 'utf8')).toBe(CHROMIUM);
  expect(readdirSync(join(r, 'cache'))).toEqual(['chromium-1.2.3']);
  expect(readdirSync(join(r, 'cache', 'chromium-1.2.3')).sort()).toEqual(['chromium', 'fonts', 'fonts.conf', 'lib']);
});

test('a damaged package is a clear error that leaves no folder, so the next start after a repair unpacks afresh', async () => {
  const r = root();
  const broken = npmPackage(r, '1.2.3', Buffer.from('geen brotli'));
  const err = await findChromium({}, machine(r, { npmPackage: () => broken })).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(GeenChromium);
  expect((err as GeenChromium).gezocht.at(-1)).toMatch(
    new RegExp(`^het npm-pakket @sparticuz/chromium 1\\.2\\.3: uitpakken in ${join(r, 'cache')} mislukt: .*(decompression failed|unexpected end|invalid)`, 'i'),
  );
  expect(readdirSync(join(r, 'cache'))).toEqual([]);

  const repaired = npmPackage(r);
  const found = await findChromium({}, machine(r, { npmPackage: () => repaired }));
  expect(readFileSync(found.executablePath, 'utf8')).toBe(CHROMIUM);
});
