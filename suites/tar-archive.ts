/**
 * Reading the regular files out of a (ustar) tar archive held in memory. The npm-shipped Chromium packs its libraries and
 * fonts as small tar files; this is all of tar it needs, without a dependency for it.
 */

export interface TarEntry {
  /** Relative path inside the archive, with '/' separators. */
  path: string;
  mode: number;
  data: Buffer;
}

const BLOCK = 512;

function text(header: Buffer, offset: number, length: number): string {
  const field = header.subarray(offset, offset + length);
  const end = field.indexOf(0);
  return field.toString('utf8', 0, end === -1 ? length : end);
}

function octal(header: Buffer, offset: number, length: number, what: string): number {
  const value = text(header, offset, length).trim();
  if (!/^[0-7]*$/.test(value)) throw new Error(`tar: ${what} is not an octal number: '${value}'`);
  return value ? parseInt(value, 8) : 0;
}

/** Regular files only (directories follow from the paths); a path that would leave the target folder is refused. */
export function tarEntries(archive: Buffer): TarEntry[] {
  const entries: TarEntry[] = [];
  for (let at = 0; at + BLOCK <= archive.length; ) {
    const header = archive.subarray(at, at + BLOCK);
    if (header.every((b) => b === 0)) break;
    const prefix = text(header, 345, 155);
    const path = (prefix ? `${prefix}/` : '') + text(header, 0, 100);
    // The checksum counts its own field as spaces; it is what tells a tar header from any other 512 bytes.
    const sum = header.reduce((total, byte, i) => total + (i >= 148 && i < 156 ? 32 : byte), 0);
    if (sum !== octal(header, 148, 8, `checksum of ${path}`)) throw new Error(`tar: the header of ${path} is damaged (checksum)`);
    const size = octal(header, 124, 12, `size of ${path}`);
    const type = String.fromCharCode(header[156] ?? 0);
    const dataStart = at + BLOCK;
    if (dataStart + size > archive.length) throw new Error(`tar: ${path} is cut off (${size} bytes announced)`);
    if (type === '0' || type === '\0') {
      const clean = path.replace(/^\.\//, '');
      if (clean.startsWith('/') || clean.split('/').includes('..')) throw new Error(`tar: refusing a path outside the folder: ${path}`);
      entries.push({ path: clean, mode: octal(header, 100, 8, `mode of ${path}`), data: archive.subarray(dataStart, dataStart + size) });
    }
    at = dataStart + Math.ceil(size / BLOCK) * BLOCK;
  }
  return entries;
}
