import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { npmChromiumPackage } from '../../suites/npm-chromium.ts';
import { tarEntries } from '../../suites/tar-archive.ts';

/** One ustar header block, for archives no honest tar would write. */
function header(name: string, size: number, type = '0'): Buffer {
  const h = Buffer.alloc(512);
  h.write(name, 0, 'utf8');
  h.write('0000644\0', 100);
  h.write(`${size.toString(8).padStart(11, '0')}\0`, 124);
  h.write(type, 156);
  h.write('ustar\0', 257);
  return withChecksum(h);
}
function withChecksum(h: Buffer): Buffer {
  h.fill(32, 148, 156);
  h.write(`${h.reduce((a, b) => a + b, 0).toString(8).padStart(6, '0')}\0 `, 148);
  return h;
}
const padded = (data: Buffer) => Buffer.concat([data, Buffer.alloc((512 - (data.length % 512)) % 512)]);

test('reads what GNU tar writes: nested folders, a long path through the ustar prefix, file modes; directories are left out', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tar-'));
  const deep = `${'a'.repeat(60)}/${'b'.repeat(60)}`;
  mkdirSync(join(dir, 'src', 'lib'), { recursive: true });
  mkdirSync(join(dir, 'src', deep), { recursive: true });
  writeFileSync(join(dir, 'src', 'lib', 'libx.so'), 'ELF?', { mode: 0o755 });
  writeFileSync(join(dir, 'src', deep, 'lang.txt'), 'diep');
  writeFileSync(join(dir, 'src', 'leeg'), '');
  execFileSync('tar', ['--format=ustar', '-cf', join(dir, 'a.tar'), '-C', join(dir, 'src'), '.']);

  const entries = tarEntries(readFileSync(join(dir, 'a.tar')));
  const byPath = new Map(entries.map((e) => [e.path, e]));
  expect([...byPath.keys()].sort()).toEqual([`${deep}/lang.txt`, 'leeg', 'lib/libx.so'].sort());
  expect(byPath.get('lib/libx.so')!.data.toString()).toBe('ELF?');
  expect(byPath.get('lib/libx.so')!.mode & 0o777).toBe(0o755);
  expect(byPath.get(`${deep}/lang.txt`)!.data.toString()).toBe('diep');
  expect(byPath.get('leeg')!.data.length).toBe(0);
});

test('reads the npm-shipped Chromium\'s font archive, as that package packs it', () => {
  const pkg = npmChromiumPackage();
  test.skip(!pkg, 'the optional Chromium package is not installed on this platform');
  const entries = tarEntries(brotliDecompressSync(readFileSync(join(pkg!.dir, 'bin', 'fonts.tar.br'))));
  const regular = entries.find((e) => e.path.endsWith('OpenSans-Regular.ttf'));
  expect(regular?.path).toBe('fonts/Open_Sans/OpenSans-Regular.ttf');
  // A TrueType file starts with version 1.0.
  expect(regular!.data.readUInt32BE(0)).toBe(0x00010000);
});

test('a path leaving the folder is refused; a cut-off archive, a damaged header and a garbled size are errors', () => {
  const archive = (name: string) => Buffer.concat([header(name, 1), padded(Buffer.from('x')), Buffer.alloc(1024)]);
  expect(() => tarEntries(archive('../buiten'))).toThrow(/outside the folder: \.\.\/buiten/);
  expect(() => tarEntries(archive('lib/../../buiten'))).toThrow(/outside the folder/);
  expect(() => tarEntries(archive('/etc/passwd'))).toThrow(/outside the folder/);
  expect(tarEntries(archive('./lib/ok')).map((e) => e.path)).toEqual(['lib/ok']);

  const cut = Buffer.concat([header('groot', 5000), Buffer.alloc(512)]);
  expect(() => tarEntries(cut)).toThrow(/groot is cut off/);
  const garbled = header('raar', 1);
  garbled.write('12x45678901\0', 124);
  expect(() => tarEntries(withChecksum(garbled))).toThrow(/size of raar is not an octal number/);
  const damaged = header('beschadigd', 1);
  damaged.write('y', 10);
  expect(() => tarEntries(damaged)).toThrow(/header of beschadigd.* is damaged/);
  expect(() => tarEntries(Buffer.from('geen tar maar tekst'.repeat(40)))).toThrow(/damaged|octal/);
});
