/**
 * YAML files read with their source positions, so a bad scenario or config is reported with file, line and column
 * rather than as a bare JSON path.
 */
import { readFileSync } from 'node:fs';
import { isMap, LineCounter, parseDocument, type Document } from 'yaml';

export class SourceError extends Error {
  override readonly name = 'SourceError';
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly detail: string,
  ) {
    super(`${file}:${line}:${column}: ${detail}`);
  }
}

export interface YamlSource {
  file: string;
  data: unknown;
  /** Line and column of the node at a JSON-pointer-like path (`/stappen/2/opvragen`), or of its nearest existing parent. */
  position(instancePath: string, key?: string): { line: number; column: number };
}

export function readYamlSource(file: string, text = readFileSync(file, 'utf8')): YamlSource {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const first = doc.errors[0];
  if (first) {
    const at = lineCounter.linePos(first.pos[0]);
    throw new SourceError(file, at.line, at.col, `invalid YAML: ${first.message.split('\n')[0]}`);
  }
  const position = (instancePath: string, key?: string) => {
    const segments = instancePath
      .split('/')
      .slice(1)
      .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
      .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    for (let n = segments.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(segments.slice(0, n), true);
      const range = node && typeof node === 'object' && 'range' in node ? (node.range as [number, number, number] | undefined) : undefined;
      if (range) {
        let offset = range[0];
        if (key !== undefined && n === segments.length && isMap(node)) {
          const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === key);
          const keyRange = (pair?.key as { range?: [number, number, number] } | null)?.range;
          if (keyRange) offset = keyRange[0];
        }
        const at = lineCounter.linePos(offset);
        return { line: at.line, column: at.col };
      }
    }
    return { line: 1, column: 1 };
  };
  return { file, data: doc.toJS(), position };
}
