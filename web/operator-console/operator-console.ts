/**
 * The operator console: a small local web server that shows a person the prompts of a qualification (do this, answer
 * yes or no, pick, type, upload) and hands their answers back to the code that asked, within a time limit per prompt.
 * Every answer — with the prompt, the note or file, the time and who answered — is written to the evidence folder as it
 * comes in (see bewijs.ts). Dutch pages, plain forms (post, then redirect to the page), nothing loaded from elsewhere.
 */
import { randomBytes } from 'node:crypto';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import { eerdereAntwoorden, operatorBewijs, type OperatorBewijs } from './bewijs.ts';
import { consolePagina, WACHTEN_SCRIPT, type Afsluiting, type OpenVraag, type PaginaStaat } from './pagina.ts';
import { duur, VraagVerlopen, type Antwoord, type Uitkomst, type Vraag, type VerlopenVraag } from './vraag.ts';

export interface OperatorConsoleOptions {
  /** Fixed port, so the operator can keep the page open across runs; an ephemeral one when absent. */
  poort?: number;
  /** 127.0.0.1 unless given: the console is for the operator's own machine. */
  host?: string;
  /** Where the answers and uploaded files are kept. */
  bewijsMap: string;
  /** The operator's name when known beforehand (from the configuration); they can change it on the page. */
  operator?: string;
  /** What is being tested, shown in the page header (e.g. the LAS's name). */
  onderwerp?: string;
}

export interface OperatorConsole {
  readonly url: string;
  readonly bewijsMap: string;
  /** Shows the prompt and resolves with the answer; rejects with VraagVerlopen when none came within timeoutMs. */
  vraag<V extends Vraag>(vraag: V, opties: { timeoutMs: number }): Promise<Antwoord<V['soort']>>;
  /** Every answer given at this console, oldest first (not those of earlier consoles on the same folder). */
  antwoorden(): readonly Antwoord[];
  /**
   * Shows the closing page (the verdict and where the report is) instead of prompts; a page waiting for the next prompt
   * reloads to it. Resolves true once a browser has loaded it, false when none did within wachtMs. Close afterwards.
   */
  afsluiten(afsluiting: Afsluiting, opties: { wachtMs: number }): Promise<boolean>;
  close(): Promise<void>;
}

interface Wachtend extends OpenVraag {
  timeoutMs: number;
  resolve(antwoord: Antwoord): void;
  reject(fout: Error): void;
  timer: NodeJS.Timeout;
}

const MAX_UPLOAD = 20 * 1024 * 1024;
const MAX_TEKST = 10_000;
/** How long the waiting page's request is held before it asks again. */
const WACHT_MS = 25_000;
const COOKIE = 'oso-operator';

/** Messages after a redirect, by a fixed code: the page never echoes text from the address bar. */
const MELDINGEN = {
  vastgelegd: 'Uw antwoord is vastgelegd.',
  naam: 'Uw naam is opgeslagen; die wordt bij elk antwoord vastgelegd.',
  'niet-open': 'Die vraag staat niet meer open: ze is al beantwoord of de tijd om te antwoorden is verstreken. Uw antwoord is niet vastgelegd.',
} as const;

function operatorUitCookie(req: FastifyRequest): string | undefined {
  for (const deel of (req.headers.cookie ?? '').split(';')) {
    const [naam, ...rest] = deel.trim().split('=');
    if (naam !== COOKIE) continue;
    try {
      return decodeURIComponent(rest.join('=')).trim() || undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

const isLoopback = (host: string) => host === '127.0.0.1' || host === '::1' || host === 'localhost';

/** The answer the form carries for the open prompt, or what the operator must correct. */
function leesUitkomst(vraag: Vraag, form: FormData): Uitkomst | { fout: string } | { bestanden: File[] } {
  const tekst = (naam: string) => {
    const v = form.get(naam);
    return typeof v === 'string' ? v.trim() : '';
  };
  switch (vraag.soort) {
    case 'opdracht': {
      const keuze = tekst('uitgevoerd');
      if (keuze !== 'ja' && keuze !== 'nee') return { fout: 'Kies "Gedaan" of "Lukt niet".' };
      if (keuze === 'nee' && !tekst('opmerking')) return { fout: 'Zeg in de opmerking waarom het niet lukt; dat komt in het rapport.' };
      return { soort: 'opdracht', uitgevoerd: keuze === 'ja' };
    }
    case 'janee': {
      const keuze = tekst('ja');
      if (keuze !== 'ja' && keuze !== 'nee') return { fout: 'Kies "Ja" of "Nee".' };
      return { soort: 'janee', ja: keuze === 'ja' };
    }
    case 'keuze': {
      const waarde = tekst('waarde');
      if (!vraag.opties.some((o) => o.waarde === waarde)) return { fout: 'Kies een van de antwoorden in de lijst.' };
      return { soort: 'keuze', waarde };
    }
    case 'tekst': {
      const waarde = tekst('waarde');
      if (!waarde && !vraag.optioneel) return { fout: 'Vul een antwoord in.' };
      if (waarde.length > MAX_TEKST) return { fout: `Het antwoord is te lang (${waarde.length} tekens; hoogstens ${MAX_TEKST}).` };
      return { soort: 'tekst', waarde };
    }
    case 'bestand': {
      if (vraag.optioneel && tekst('zonder') === 'ja') return vraag.meerdere ? { soort: 'bestand', bestanden: [] } : { soort: 'bestand' };
      // A browser sends an empty part without a name when no file was chosen.
      const bestanden = form.getAll('bestand').flatMap((b) => (b instanceof File && !(!b.name && b.size === 0) ? [b] : []));
      if (bestanden.length === 0) return { fout: vraag.meerdere ? 'Kies een of meer bestanden om te uploaden.' : 'Kies een bestand om te uploaden.' };
      if (!vraag.meerdere && bestanden.length > 1) return { fout: 'Kies één bestand.' };
      const leeg = bestanden.find((b) => b.size === 0);
      if (leeg) return { fout: `Het bestand ${leeg.name} is leeg.` };
      return { bestanden };
    }
  }
}

export async function startOperatorConsole(options: OperatorConsoleOptions): Promise<OperatorConsole> {
  const host = options.host ?? '127.0.0.1';
  const bewijs: OperatorBewijs = await operatorBewijs(options.bewijsMap);
  const open = new Map<string, Wachtend>();
  // The run's history: what was answered at earlier consoles on this evidence folder (one per test) stays in view.
  const beantwoord: Antwoord[] = (await eerdereAntwoorden(options.bewijsMap)).reverse();
  let volgnummer = 0;
  // Consoles one after another may share an evidence folder (one per test, same port): ids stay unique across them.
  const reeks = randomBytes(3).toString('hex');
  const eigen: Antwoord[] = [];
  let versie = 0;
  let gesloten = false;
  let afgesloten: Afsluiting | undefined;
  let slotGetoond: (() => void) | undefined;
  const wachtenden = new Set<() => void>();
  // With the console's own series: the page of an earlier console always differs from this one's, whatever the count.
  const versieTekst = () => `${reeks}.${versie}`;
  const veranderd = () => {
    versie++;
    for (const w of wachtenden) w();
    wachtenden.clear();
  };

  const app = Fastify({ logger: false, bodyLimit: MAX_UPLOAD + 64 * 1024 });
  // Forms arrive whole; the platform's own FormData reader understands both encodings.
  app.addContentTypeParser(['application/x-www-form-urlencoded', 'multipart/form-data'], { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  const leesFormulier = async (req: FastifyRequest): Promise<FormData | undefined> => {
    if (!Buffer.isBuffer(req.body)) return undefined;
    try {
      return await new Response(req.body, { headers: { 'content-type': String(req.headers['content-type']) } }).formData();
    } catch {
      return undefined;
    }
  };

  const operatorVan = (req: FastifyRequest) => operatorUitCookie(req) ?? options.operator;
  const staat = (req: FastifyRequest, extra: Partial<PaginaStaat> = {}): PaginaStaat => {
    const eerste = open.values().next().value as Wachtend | undefined;
    const operator = operatorVan(req);
    return {
      ...(options.onderwerp ? { onderwerp: options.onderwerp } : {}),
      ...(operator ? { operator } : {}),
      ...(eerste ? { open: eerste } : {}),
      aantalOpen: open.size,
      beantwoord,
      versie: versieTekst(),
      ...(afgesloten ? { afgesloten } : {}),
      ...extra,
    };
  };
  const pagina = (reply: FastifyReply, s: PaginaStaat, status = 200) => reply.code(status).type('text/html; charset=utf-8').send(consolePagina(s));
  const foutPagina = (req: FastifyRequest, reply: FastifyReply, status: number, fout: string) => pagina(reply, staat(req, { fout }), status);

  app.addHook('onRequest', async (req, reply) => {
    // Only pages asked for by this console's own address (no other site reaching it through a DNS name of its own) …
    const port = (app.server.address() as { port: number } | null)?.port;
    if (isLoopback(host) && !['127.0.0.1', 'localhost', '[::1]'].some((h) => req.headers.host === `${h}:${port}`))
      return reply.code(403).type('text/plain; charset=utf-8').send('Deze console is alleen bereikbaar via het eigen adres (127.0.0.1 of localhost).');
    // … and only forms posted from its own pages.
    const origin = req.headers.origin;
    if (req.method === 'POST' && origin !== undefined && origin !== `http://${req.headers.host}`)
      return reply.code(403).type('text/plain; charset=utf-8').send('Formulier van een andere website geweigerd.');
  });
  app.addHook('onSend', async (_req, reply) => {
    reply.header('content-security-policy', "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
    reply.header('x-content-type-options', 'nosniff');
    // Not no-referrer: a browser then sends its forms with "Origin: null", and the origin check above needs the real one.
    reply.header('referrer-policy', 'same-origin');
    // The pages show pupils' numbers: keep them out of the browser's cache.
    reply.header('cache-control', 'no-store');
  });
  app.setErrorHandler((err: { statusCode?: number; code?: string; message: string }, req, reply) => {
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return foutPagina(req, reply, 413, `Het bestand is te groot: de console neemt bestanden tot ${MAX_UPLOAD / 1024 / 1024} MB aan.`);
    if (err.statusCode === 415) return foutPagina(req, reply, 415, 'Dit formulier kwam niet als formulier binnen; gebruik de knoppen op deze pagina.');
    return foutPagina(req, reply, err.statusCode ?? 500, `Er ging iets mis in de console: ${err.message}`);
  });
  app.setNotFoundHandler((req, reply) => foutPagina(req, reply, 404, `De pagina ${req.url} bestaat niet in deze console.`));

  app.get('/', async (req, reply) => {
    const code = (req.query as Record<string, string | undefined>)['melding'];
    const melding = code !== undefined && Object.hasOwn(MELDINGEN, code) ? MELDINGEN[code as keyof typeof MELDINGEN] : undefined;
    if (afgesloten) reply.raw.once('finish', () => slotGetoond?.());
    return pagina(reply, staat(req, melding && !afgesloten ? { melding } : {}));
  });

  app.get('/wachten.js', async (_req, reply) => reply.type('text/javascript; charset=utf-8').send(WACHTEN_SCRIPT));

  app.get('/wacht', async (req) => {
    const gezien = (req.query as Record<string, string | undefined>)['versie'];
    if (!gesloten && !afgesloten && gezien === versieTekst())
      await new Promise<void>((klaar) => {
        const timer = setTimeout(klaar, WACHT_MS);
        wachtenden.add(() => {
          clearTimeout(timer);
          klaar();
        });
      });
    return { versie: versieTekst(), gesloten };
  });

  app.post('/operator', async (req, reply) => {
    const form = await leesFormulier(req);
    const naam = typeof form?.get('naam') === 'string' ? (form.get('naam') as string).replace(/\s+/g, ' ').trim() : '';
    if (!naam || naam.length > 100) return foutPagina(req, reply, 400, 'Vul uw naam in (hoogstens 100 tekens).');
    reply.header('set-cookie', `${COOKIE}=${encodeURIComponent(naam)}; Path=/; HttpOnly; SameSite=Strict`);
    return reply.code(303).redirect('/?melding=naam');
  });

  app.post('/antwoord/:id', async (req, reply) => {
    const wachtend = open.get((req.params as { id: string }).id);
    if (!wachtend) return reply.code(303).redirect('/?melding=niet-open');
    const door = operatorVan(req);
    if (!door) return foutPagina(req, reply, 400, 'Vul eerst uw naam in; die wordt bij uw antwoord vastgelegd.');
    const form = await leesFormulier(req);
    if (!form) return foutPagina(req, reply, 400, 'Het formulier kon niet worden gelezen; probeer het opnieuw.');
    const gelezen = leesUitkomst(wachtend.vraag, form);
    if ('fout' in gelezen) return foutPagina(req, reply, 400, gelezen.fout);
    // Taken off the list before anything is awaited, so a second click cannot answer the same prompt twice.
    if (!open.delete(wachtend.id)) return reply.code(303).redirect('/?melding=niet-open');
    clearTimeout(wachtend.timer);
    const opmerking = typeof form.get('opmerking') === 'string' ? (form.get('opmerking') as string).trim().slice(0, MAX_TEKST) : '';
    try {
      let uitkomst: Uitkomst;
      if ('soort' in gelezen) uitkomst = gelezen;
      else {
        const bewaard = [];
        for (const b of gelezen.bestanden) bewaard.push(await bewijs.bewaarBestand(b.name, b.type, Buffer.from(await b.arrayBuffer())));
        uitkomst = { soort: 'bestand', bestand: bewaard[0]!, ...(wachtend.vraag.soort === 'bestand' && wachtend.vraag.meerdere ? { bestanden: bewaard } : {}) };
      }
      const antwoord = {
        id: wachtend.id,
        vraag: wachtend.vraag,
        ...uitkomst,
        ...(opmerking ? { opmerking } : {}),
        door,
        gevraagdOp: wachtend.gevraagdOp.toISOString(),
        beantwoordOp: new Date().toISOString(),
      } as Antwoord;
      await bewijs.vastleggen(antwoord);
      beantwoord.unshift(antwoord);
      eigen.push(antwoord);
      veranderd();
      wachtend.resolve(antwoord);
    } catch (e) {
      veranderd();
      wachtend.reject(new Error(`Het antwoord op "${wachtend.vraag.kop}" kon niet als bewijs worden bewaard in ${bewijs.map}: ${(e as Error).message}`));
      throw e;
    }
    return reply.code(303).redirect('/?melding=vastgelegd');
  });

  try {
    await app.listen({ host, port: options.poort ?? 0 });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'EADDRINUSE') throw new Error(`De operatorconsole kan poort ${options.poort} niet gebruiken: die is al in gebruik. Kies een andere poort (manual.poort) of stop het programma dat hem gebruikt.`);
    if (err.code === 'EADDRNOTAVAIL' || err.code === 'ENOTFOUND') throw new Error(`De operatorconsole kan niet luisteren op ${host}: dat adres hoort niet bij deze machine.`);
    throw e;
  }
  const port = (app.server.address() as { port: number }).port;
  const url = `http://${host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host}:${port}`;

  return {
    url,
    bewijsMap: bewijs.map,
    vraag<V extends Vraag>(vraag: V, { timeoutMs }: { timeoutMs: number }): Promise<Antwoord<V['soort']>> {
      if (!(timeoutMs > 0 && Number.isFinite(timeoutMs))) throw new TypeError(`Tijdslimiet van een operatorvraag moet een positief aantal milliseconden zijn, niet ${timeoutMs}.`);
      if (vraag.soort === 'keuze' && vraag.opties.length === 0) throw new TypeError(`Keuzevraag "${vraag.kop}" heeft geen antwoorden om uit te kiezen.`);
      if (gesloten || afgesloten) return Promise.reject(new VraagVerlopen(`De operatorconsole is gesloten; de vraag "${vraag.kop}" kan niet meer worden gesteld.`));
      return new Promise<Antwoord<V['soort']>>((resolve, reject) => {
        const id = `${reeks}-${++volgnummer}`;
        const gevraagdOp = new Date();
        const timer = setTimeout(() => {
          if (!open.delete(id)) return;
          veranderd();
          const verlopen: VerlopenVraag = { id, vraag, gevraagdOp: gevraagdOp.toISOString(), verlopenOp: new Date().toISOString(), tijdslimietMs: timeoutMs };
          const fout = new VraagVerlopen(
            `Geen antwoord van de operator binnen ${duur(timeoutMs)}${timeoutMs >= 1000 ? ` (tijdslimiet ${timeoutMs} ms)` : ''} op de vraag "${vraag.kop}": ${vraag.tekst}`,
          );
          // The expiry is evidence too; the caller hears of it either way.
          bewijs.vastleggen(verlopen).then(
            () => reject(fout),
            () => reject(fout),
          );
        }, timeoutMs);
        open.set(id, {
          id,
          vraag,
          gevraagdOp,
          verlooptOp: new Date(gevraagdOp.getTime() + timeoutMs),
          timeoutMs,
          resolve: resolve as (a: Antwoord) => void,
          reject,
          timer,
        });
        veranderd();
      });
    },
    antwoorden: () => eigen,
    afsluiten(afsluiting, { wachtMs }) {
      for (const w of open.values()) {
        clearTimeout(w.timer);
        w.reject(new VraagVerlopen(`De kwalificatie is afgerond voordat de vraag "${w.vraag.kop}" werd beantwoord.`));
      }
      open.clear();
      afgesloten = afsluiting;
      return new Promise<boolean>((klaar) => {
        const timer = setTimeout(() => klaar(false), wachtMs);
        slotGetoond = () => {
          clearTimeout(timer);
          klaar(true);
        };
        veranderd();
      });
    },
    async close() {
      if (gesloten) return;
      gesloten = true;
      for (const w of open.values()) {
        clearTimeout(w.timer);
        w.reject(new VraagVerlopen(`De operatorconsole is gesloten voordat de vraag "${w.vraag.kop}" werd beantwoord.`));
      }
      open.clear();
      veranderd();
      await app.close();
    },
  };
}
