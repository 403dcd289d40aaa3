/**
 * What a hostile request may never get back: a stack trace, a file path of the machine, a trace of node_modules, or the
 * content of a system file it tried to reach. A path the request itself carried (a 404 that names the asked-for URL)
 * is the attacker's own text, not a leak.
 */
import { homedir, tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../', import.meta.url)).replace(/\/$/, '');

const kenmerken: { naam: string; patroon: RegExp }[] = [
  { naam: 'stack trace', patroon: /\bat (?:async )?[\w$.<>[\] ]*\(?(?:file:\/\/|node:|\/)[^\s)]*:\d+:\d+\)?/ },
  { naam: 'stack trace', patroon: /\n\s{2,}at \S/ },
  { naam: 'node_modules', patroon: /node_modules/ },
  { naam: 'file URL', patroon: /file:\/\/\// },
  { naam: 'system file content', patroon: /root:[x*]:0:0:/ },
  // An absolute path on a Unix file system root or a Windows drive.
  { naam: 'file path', patroon: /(?<![\w.~%-])\/(?:home|root|tmp|usr|var|etc|opt|srv|work|mnt|proc|Users|private)\/[\w@%+-]+(?:\.[\w@%+-]+)*/ },
  { naam: 'file path', patroon: /\b[A-Z]:\\[\w.-]+\\/ },
];

const eigenPaden = [repo, homedir(), tmpdir()].filter((p) => p.length > 1);

/**
 * What of a request may come back without being a leak: every path-like text in it. Kept over a whole run, because a
 * page may show later what an earlier request sent (the console lists uploaded files by the name they came with).
 */
export function eigenTekstVan(verzoek: string, eerder: Set<string>): void {
  for (const { patroon } of kenmerken) for (const m of verzoek.matchAll(new RegExp(patroon.source, 'g'))) if (eerder.size < 100_000) eerder.add(m[0]);
  for (const pad of eigenPaden) for (let i = verzoek.indexOf(pad); i >= 0 && eerder.size < 100_000; i = verzoek.indexOf(pad, i + 1)) eerder.add(padOp(verzoek, i, pad));
}

/** The whole path that starts at `i` (up to a quote, a tag, white space). */
function padOp(tekst: string, i: number, pad: string): string {
  const geheel = /[^\s"'<>()&]*/y;
  geheel.lastIndex = i;
  return geheel.exec(tekst)?.[0] ?? pad;
}

/**
 * Why this answer leaks, or undefined; `verzoek` is what was sent, `eerder` what earlier requests sent (paths the
 * attacker wrote are not held against the server).
 */
export function lekIn(antwoord: string, verzoek: string, eerder: ReadonlySet<string> = new Set()): string | undefined {
  for (const { naam, patroon } of kenmerken) {
    // Every occurrence counts, unless it is the request's own text coming back.
    for (const m of antwoord.matchAll(new RegExp(patroon.source, 'g'))) {
      if (verzoek.includes(m[0]) || eerder.has(m[0])) continue;
      return `${naam}: …${antwoord.slice(Math.max(0, m.index - 60), m.index + m[0].length + 60)}…`;
    }
  }
  for (const pad of eigenPaden)
    for (let i = antwoord.indexOf(pad); i >= 0; i = antwoord.indexOf(pad, i + 1)) {
      // The whole path that stands there; one the attacker sent (now or before) is not the server's.
      const token = padOp(antwoord, i, pad);
      if (verzoek.includes(token) || eerder.has(token)) continue;
      return `file path of the machine (${pad}): …${antwoord.slice(Math.max(0, i - 60), i + token.length + 60)}…`;
    }
  return undefined;
}
