/**
 * The operator's evidence in one folder: every answered or expired prompt as a line of `antwoorden.jsonl`, and every
 * uploaded file under `bestanden/` named by its SHA-256, so two uploads never overwrite each other and the name itself
 * shows the content is the one recorded.
 */
import { createHash } from 'node:crypto';
import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Antwoord, BewaardBestand, VerlopenVraag } from './vraag.ts';

export const ANTWOORDEN_BESTAND = 'antwoorden.jsonl';

/** Where a qualification keeps what people answered (the manual adapter's prompts, the attestations): part of its evidence. */
export const operatorBewijsMap = (reportDir: string) => join(reportDir, 'operator');
const BESTANDEN_MAP = 'bestanden';

export interface OperatorBewijs {
  readonly map: string;
  vastleggen(regel: Antwoord | VerlopenVraag): Promise<void>;
  bewaarBestand(naam: string, type: string, inhoud: Buffer): Promise<BewaardBestand>;
}

/** Keeps the operator's name for the file readable but safe as a path: no folders, no control or odd characters. */
function veiligeNaam(naam: string): string {
  const basis = naam.split(/[\\/]/).pop() ?? '';
  const schoon = basis.replace(/[^\p{L}\p{N}._-]+/gu, '_').replace(/^[._]+/, '').slice(-80);
  return schoon || 'bestand';
}

export async function operatorBewijs(map: string): Promise<OperatorBewijs> {
  await mkdir(join(map, BESTANDEN_MAP), { recursive: true });
  // One line at a time, in the order the answers came, even when two arrive together.
  let wachtrij: Promise<void> = Promise.resolve();
  return {
    map,
    vastleggen(regel) {
      const geschreven = wachtrij.then(() => appendFile(join(map, ANTWOORDEN_BESTAND), `${JSON.stringify(regel)}\n`));
      wachtrij = geschreven.catch(() => {});
      return geschreven;
    },
    async bewaarBestand(naam, type, inhoud) {
      const sha256 = createHash('sha256').update(inhoud).digest('hex');
      const pad = `${BESTANDEN_MAP}/${sha256.slice(0, 16)}-${veiligeNaam(naam)}`;
      await writeFile(join(map, pad), inhoud);
      return { naam, pad, sha256, bytes: inhoud.length, type: type || 'application/octet-stream' };
    },
  };
}

/** The answers already recorded in an evidence folder, oldest first; expired prompts left out. None when there is no file yet. */
export async function eerdereAntwoorden(map: string): Promise<Antwoord[]> {
  let tekst: string;
  try {
    tekst = await readFile(join(map, ANTWOORDEN_BESTAND), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  return tekst
    .split('\n')
    .filter(Boolean)
    .map((regel) => JSON.parse(regel) as Antwoord | VerlopenVraag)
    .filter((r): r is Antwoord => 'beantwoordOp' in r);
}
