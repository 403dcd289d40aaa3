/**
 * The harness's own module graph, read from the source: which file imports which (static, `export … from`, type-only and
 * dynamic `import()` alike — a type import is still a dependency of the design). TypeScript's pre-processor finds the
 * specifiers, so imports inside comments or strings are not mistaken for real ones. Only relative specifiers are followed:
 * packages are outside the house.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

export const repoRoot = resolve(import.meta.dirname, '../..');

/** Repository-relative path with forward slashes, e.g. `suites/scenario.ts`. */
export type ModulePad = string;

export function tsBestanden(map: string): ModulePad[] {
  const uit: ModulePad[] = [];
  for (const item of readdirSync(join(repoRoot, map), { withFileTypes: true, recursive: true })) {
    if (!item.isFile() || !item.name.endsWith('.ts') || item.name.endsWith('.d.ts')) continue;
    uit.push(relative(repoRoot, join(item.parentPath, item.name)).split(sep).join('/'));
  }
  return uit.sort();
}

/** The repository files one module imports. */
export function importsVan(pad: ModulePad): ModulePad[] {
  const bron = readFileSync(join(repoRoot, pad), 'utf8');
  const { importedFiles } = ts.preProcessFile(bron, true, true);
  return importedFiles
    .map((f) => f.fileName)
    .filter((s) => s.startsWith('./') || s.startsWith('../'))
    .map((s) => relative(repoRoot, resolve(repoRoot, dirname(pad), s)).split(sep).join('/'));
}

export function importGraaf(mappen: readonly string[]): Map<ModulePad, ModulePad[]> {
  const graaf = new Map<ModulePad, ModulePad[]>();
  for (const map of mappen) for (const pad of tsBestanden(map)) graaf.set(pad, importsVan(pad));
  return graaf;
}

/**
 * Every import circle among the given modules, each once, as the path that closes it (a → b → … → a). Tarjan's strongly
 * connected components find the tangles; one shortest circle through each tangle's first module names it readably.
 */
export function importCirkels(graaf: ReadonlyMap<ModulePad, readonly ModulePad[]>): ModulePad[][] {
  const index = new Map<ModulePad, number>();
  const laag = new Map<ModulePad, number>();
  const stapel: ModulePad[] = [];
  const opStapel = new Set<ModulePad>();
  const componenten: ModulePad[][] = [];
  let teller = 0;
  const bezoek = (v: ModulePad) => {
    index.set(v, teller);
    laag.set(v, teller++);
    stapel.push(v);
    opStapel.add(v);
    for (const w of graaf.get(v) ?? []) {
      if (!graaf.has(w)) continue;
      if (!index.has(w)) {
        bezoek(w);
        laag.set(v, Math.min(laag.get(v)!, laag.get(w)!));
      } else if (opStapel.has(w)) laag.set(v, Math.min(laag.get(v)!, index.get(w)!));
    }
    if (laag.get(v) === index.get(v)) {
      const component: ModulePad[] = [];
      let w: ModulePad;
      do {
        w = stapel.pop()!;
        opStapel.delete(w);
        component.push(w);
      } while (w !== v);
      const zelf = graaf.get(v)?.includes(v);
      if (component.length > 1 || zelf) componenten.push(component.sort());
    }
  };
  for (const v of graaf.keys()) if (!index.has(v)) bezoek(v);
  return componenten.map((c) => kortsteCirkel(graaf, c[0]!, new Set(c)));
}

/** Breadth-first from `start` back to itself, inside one tangle. */
function kortsteCirkel(graaf: ReadonlyMap<ModulePad, readonly ModulePad[]>, start: ModulePad, binnen: ReadonlySet<ModulePad>): ModulePad[] {
  const vorige = new Map<ModulePad, ModulePad>();
  const rij: ModulePad[] = [start];
  while (rij.length) {
    const v = rij.shift()!;
    for (const w of graaf.get(v) ?? []) {
      if (!binnen.has(w)) continue;
      if (w === start) {
        const pad = [v];
        while (pad[0] !== start) pad.unshift(vorige.get(pad[0]!)!);
        return [...pad, start];
      }
      if (!vorige.has(w) && w !== start) {
        vorige.set(w, v);
        rij.push(w);
      }
    }
  }
  return [start, start];
}
