/**
 * One fuzz run against one group of servers: per surface, batches of generated hostile requests (a few at a time in
 * flight), and after every batch a health probe that must get its correct answer. Counts what the issue asks to
 * measure — requests, crashes, hangs, leaks, peak memory — and keeps the first examples of each for the failure message.
 */
import fc from 'fast-check';
import { eigenTekstVan, lekIn } from './lek.ts';
import { fuzzDeadlineMs, fuzzSchaal, herhaalRegel, seedVoor } from './instellingen.ts';
import { stuurRuw, type Doel, type Ontvangen } from './ruwe-client.ts';
import { aanvallen, type Aanval, type Certificaat, type Oppervlak } from './vijandige-verzoeken.ts';

export interface Doelwitoppervlak {
  /** As it appears in the output, e.g. "TC" or "reference LAS control API". */
  naam: string;
  /** Where it listens; `tls` holds the CA (certificates per request come from `certificaten`). */
  doel: Omit<Doel, 'tls'> & { ca?: string };
  oppervlak: Oppervlak;
  /** Hostile requests at scale 1. */
  aantal: number;
  /** Runs before every batch (e.g. to learn the id of the prompt the console has open now). */
  voorBatch?(): Promise<void>;
  /** A valid request and its check: undefined when the answer is right, else what was wrong. */
  probe(): Promise<string | undefined>;
}

export interface Groep {
  naam: string;
  oppervlakken: Doelwitoppervlak[];
  certificaten?: Partial<Record<Certificaat, { cert: string; key: string }>>;
  leeft(): boolean;
  piekRss(): number | undefined;
  /** CPU time the server process has used so far, in ms (Linux: /proc); undefined where unknown. */
  cpuMs?(): number | undefined;
}

export interface Telling {
  naam: string;
  verzoeken: number;
  crashes: number;
  hangs: number;
  lekken: number;
  probes: number;
  probeFouten: number;
  gesloten: number;
  perSoort: Record<string, number>;
  /** Milliseconds spent waiting for answers, per family (summed over requests in flight). */
  msPerSoort: Record<string, number>;
  perStatus: Record<string, number>;
  piekRssMb?: number;
  /** CPU the server and this (attacking) process spent on the surface, in ms. */
  serverCpuMs?: number;
  clientCpuMs: number;
  /** Requests per certificate choice, and how many of those over TLS resumed a session (the rest: full handshakes). */
  perCertificaat: Record<string, number>;
  hervat: Record<string, number>;
  ms: number;
  voorbeelden: string[];
  /** The slowest requests (ms and description): where a surface spends its time, and what nears the deadline. */
  traagste: { ms: number; waar: string }[];
}

const BATCH = 40;
const TEGELIJK = 6;

const mb = (b: number | undefined) => (b === undefined ? undefined : Math.round(b / 1024 / 1024));

export function regel(t: Telling): string {
  const s = (ms: number | undefined) => (ms === undefined ? '?' : (ms / 1000).toFixed(1));
  return `fuzz ${t.naam}: ${t.verzoeken} requests, ${t.crashes} crashes, ${t.hangs} hangs, ${t.lekken} leaks, ${t.probes} health probes (${t.probeFouten} failed), peak RSS ${t.piekRssMb ?? '?'} MB, ${s(t.ms)} s (CPU: server ${s(t.serverCpuMs)} s, client ${s(t.clientCpuMs)} s)`;
}

async function metTegelijk<T, R>(items: readonly T[], n: number, f: (t: T) => Promise<R>): Promise<R[]> {
  const uit: R[] = new Array(items.length);
  let volgende = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, items.length) }, async () => {
      while (volgende < items.length) {
        const i = volgende++;
        uit[i] = await f(items[i]!);
      }
    }),
  );
  return uit;
}

function verzoekTekst(a: Aanval): string {
  return Buffer.concat([a.verzoek.kop, (a.verzoek.body ?? Buffer.alloc(0)).subarray(0, 256 * 1024)]).toString('latin1');
}

export async function fuzzOppervlak(groep: Groep, o: Doelwitoppervlak): Promise<Telling> {
  const begin = Date.now();
  const cpuBegin = process.cpuUsage();
  const serverCpuBegin = groep.cpuMs?.();
  const t: Telling = { naam: o.naam, verzoeken: 0, crashes: 0, hangs: 0, lekken: 0, probes: 0, probeFouten: 0, gesloten: 0, perSoort: {}, msPerSoort: {}, perStatus: {}, clientCpuMs: 0, perCertificaat: {}, hervat: {}, ms: 0, voorbeelden: [], traagste: [] };
  const voorbeeld = (s: string) => {
    if (t.voorbeelden.length < 12) t.voorbeelden.push(s);
  };
  const totaal = Math.round(o.aantal * fuzzSchaal);
  const doelVoor = (c: Certificaat): Doel => {
    if (o.doel.ca === undefined) return { host: o.doel.host, port: o.doel.port };
    const id = c === 'geen' ? undefined : groep.certificaten?.[c];
    // A valid certificate resumes its session: the fuzz targets HTTP, XML and SOAP, not the handshake. Without one and
    // with a foreign one every request makes a full handshake, so the certificate check meets each of them anew.
    return { host: o.doel.host, port: o.doel.port, tls: { ca: o.doel.ca, ...(id ? { cert: id.cert, key: id.key } : {}), volledigeHandshake: c !== 'geldig' } };
  };
  const verzonden = new Set<string>();
  for (let batch = 0; t.verzoeken < totaal; batch++) {
    const seed = seedVoor(`${groep.naam}/${o.naam}#${batch}`);
    const n = Math.min(BATCH, totaal - t.verzoeken);
    await o.voorBatch?.();
    const reeks = fc.sample(aanvallen(o.oppervlak), { seed, numRuns: n });
    for (const a of reeks) eigenTekstVan(verzoekTekst(a), verzonden);
    await metTegelijk(reeks, TEGELIJK, async (a) => {
      const ontvangen: Ontvangen = await stuurRuw(doelVoor(a.certificaat), a.verzoek, fuzzDeadlineMs);
      t.verzoeken++;
      t.perSoort[a.soort] = (t.perSoort[a.soort] ?? 0) + 1;
      t.perCertificaat[a.certificaat] = (t.perCertificaat[a.certificaat] ?? 0) + 1;
      if (ontvangen.hervat) t.hervat[a.certificaat] = (t.hervat[a.certificaat] ?? 0) + 1;
      t.msPerSoort[a.soort] = (t.msPerSoort[a.soort] ?? 0) + ontvangen.ms;
      const status = ontvangen.status !== undefined ? String(ontvangen.status) : ontvangen.uitkomst;
      t.perStatus[status] = (t.perStatus[status] ?? 0) + 1;
      const waar = `[batch ${batch}, seed ${seed}, ${a.certificaat} certificate] ${a.beschrijving}`;
      if (t.traagste.length < 3 || ontvangen.ms > t.traagste[t.traagste.length - 1]!.ms) {
        t.traagste.push({ ms: ontvangen.ms, waar });
        t.traagste.sort((x, y) => y.ms - x.ms).splice(3);
      }
      if (ontvangen.uitkomst === 'hangt') {
        t.hangs++;
        voorbeeld(`hang after ${ontvangen.ms} ms: ${waar}`);
      }
      if (ontvangen.uitkomst === 'gesloten') t.gesloten++;
      const lek = lekIn(ontvangen.tekst, verzoekTekst(a), verzonden);
      if (lek) {
        t.lekken++;
        voorbeeld(`leak (${lek}): ${waar}`);
      }
    });
    // After every batch: the server still lives and still answers a valid request correctly.
    t.probes++;
    const probeFout = groep.leeft() ? await o.probe().catch((e: Error) => `probe failed: ${e.message}`) : 'the server process is gone';
    if (probeFout) {
      t.probeFouten++;
      voorbeeld(`health probe after batch ${batch} (seed ${seed}): ${probeFout}`);
    }
    if (!groep.leeft()) {
      t.crashes++;
      voorbeeld(`crash: the server process ended during batch ${batch} (seed ${seed})`);
      break;
    }
  }
  t.piekRssMb = mb(groep.piekRss());
  const cpu = process.cpuUsage(cpuBegin);
  t.clientCpuMs = Math.round((cpu.user + cpu.system) / 1000);
  const serverCpu = groep.cpuMs?.();
  if (serverCpu !== undefined && serverCpuBegin !== undefined) t.serverCpuMs = serverCpu - serverCpuBegin;
  t.ms = Date.now() - begin;
  return t;
}

/**
 * What a TLS surface's requests did at the handshake, for the tests to hold against what they mean to do: requests with
 * a valid certificate resume a session (the fuzz is for HTTP, XML and SOAP), those without one and with a foreign one
 * make a full handshake each, so that the certificate check meets them every time.
 */
export function handshakes(t: Telling): { geldigHervat: number; zonderVolledig: number; zonderHervat: number; vreemdVolledig: number; vreemdHervat: number } {
  const volledig = (c: string) => (t.perCertificaat[c] ?? 0) - (t.hervat[c] ?? 0);
  return { geldigHervat: t.hervat.geldig ?? 0, zonderVolledig: volledig('geen'), zonderHervat: t.hervat.geen ?? 0, vreemdVolledig: volledig('vreemd'), vreemdHervat: t.hervat.vreemd ?? 0 };
}

/** The check of `handshakes` as the tests make it: what held, by name, against `handshakesVerwacht`. */
export function handshakesGecontroleerd(t: Telling): Record<string, string | boolean> {
  const h = handshakes(t);
  return {
    naam: t.naam,
    'valid certificate resumes sessions': h.geldigHervat > 0,
    'full handshakes without a certificate': h.zonderVolledig > 0 && h.zonderHervat === 0,
    'full handshakes with a foreign certificate': h.vreemdVolledig > 0 && h.vreemdHervat === 0,
  };
}
export const handshakesVerwacht = (t: Telling) => ({ naam: t.naam, 'valid certificate resumes sessions': true, 'full handshakes without a certificate': true, 'full handshakes with a foreign certificate': true });

/** The summary attached to the test and printed on failure. */
export function samenvatting(groep: string, tellingen: Telling[], piekRssMb: number | undefined): string {
  return [
    `fuzz ${groep} (${herhaalRegel()}), peak RSS of the server process ${piekRssMb ?? '?'} MB`,
    ...tellingen.flatMap((t) => [
      regel(t),
      `  families (requests, ms waited): ${Object.entries(t.perSoort).map(([k, v]) => `${k} ${v} (${t.msPerSoort[k] ?? 0} ms)`).join(', ')}`,
      `  answers: ${Object.entries(t.perStatus).sort().map(([k, v]) => `${k} ${v}`).join(', ')}`,
      `  slowest: ${t.traagste.map((x) => `${x.ms} ms ${x.waar}`).join('; ')}`,
      `  certificates (requests, of which resumed TLS sessions): ${Object.entries(t.perCertificaat).sort().map(([k, v]) => `${k} ${v} (${t.hervat[k] ?? 0})`).join(', ')}`,
      ...t.voorbeelden.map((v) => `  ! ${v}`),
    ]),
  ].join('\n');
}
