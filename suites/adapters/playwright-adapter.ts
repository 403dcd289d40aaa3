/**
 * The playwright adapter: drives a LAS under test through its own web UI, the way a school's user does, with a
 * TypeScript module the vendor writes (the contract is PlaywrightLasModule below; docs/adapters.md explains it and
 * docs/examples/playwright/referentie-las.adapter.ts is a complete example). The harness owns the browser: it starts
 * Chromium, hands the module a page, bounds every call by the step's deadline, and turns any failure into an AdapterFout
 * that names the module's function, what it was asked to do, the Playwright error, and a screenshot of the screen.
 */
import { existsSync, statSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import type { KlaarzettenVerzoek, OntvangenDossier, OpvragenAntwoord, OpvragenVerzoek } from '../../simulator/control-api.ts';
import { launchChromium } from '../chromium.ts';
import { AdapterFout, type Aangeboden, type SutAdapter } from './sut-adapter.ts';

/** What the harness tells the module besides the page. */
export interface PlaywrightLasContext {
  /** The LAS's web address from the SUT configuration, without a trailing slash. */
  readonly baseUrl: string;
  /** The deadline of this call in milliseconds (every Playwright action of the page already has it as its timeout). */
  readonly timeoutMs: number;
}

/**
 * What a vendor's Playwright module exports: one function per thing the harness asks of the LAS, each driving the LAS's
 * UI with the given page and reading back what the UI shows. A function that cannot do its job throws (any Playwright
 * error will do); the harness reports it as a broken step, with a screenshot.
 */
export interface PlaywrightLasModule {
  /** Optional: run once on a fresh page before the first call (and again after a call ran out of time), e.g. to log in. */
  start?(page: Page, ctx: PlaywrightLasContext): Promise<void>;
  /** Let the bron school verzoek.brin klaarzetten the dossier of pupil verzoek.pgn for school verzoek.doelBrin; throw if the UI refuses. */
  klaarzetten(page: Page, verzoek: KlaarzettenVerzoek, ctx: PlaywrightLasContext): Promise<void>;
  /** Let the doel school verzoek.brin opvragen the dossier and return what the UI shows: the result code, the session, whether it was afgemeld, the error text. */
  opvragen(page: Page, verzoek: OpvragenVerzoek, ctx: PlaywrightLasContext): Promise<OpvragenAntwoord>;
  /** Every dossier the LAS received as doel, stored or refused (with the reason shown), with its attachments' SHA-256. */
  ontvangen(page: Page, ctx: PlaywrightLasContext): Promise<OntvangenDossier[]>;
  /** The last error message the LAS showed its user, or undefined when there was none. */
  laatsteFout(page: Page, ctx: PlaywrightLasContext): Promise<string | undefined>;
  /** Switch the LAS to the given gegevensset release (e.g. "2019.1"); throw if the UI refuses. */
  wisselRelease(page: Page, gegevensset: string, ctx: PlaywrightLasContext): Promise<void>;
  /** Optional: wipe the test schools' data (nothing klaargezet, received or notified) before a run; without it the harness judges each run by what arrives during it. */
  reset?(page: Page, ctx: PlaywrightLasContext): Promise<void>;
  /** Optional: set the LAS's date (YYYY-MM-DD) to the scenario's simulated date; without it the harness works with the LAS's own date. */
  zetKlok?(page: Page, datum: string, ctx: PlaywrightLasContext): Promise<void>;
}

export interface PlaywrightAdapterSettings {
  /** The module's file (absolute, or relative to the working directory): an ES module, .ts in a "type": "module" package, or .mts. */
  module: string;
  /** Where the LAS's web UI is. */
  baseUrl: string;
  /** Default true; false shows the browser (for a vendor debugging its module). */
  headless?: boolean;
  /** Deadline of each call, and the timeout of each Playwright action in it. */
  timeoutMs: number;
  /** Where failure screenshots go; a fresh temporary folder when absent. */
  screenshotDir?: string;
}

const VERPLICHT = ['klaarzetten', 'opvragen', 'ontvangen', 'laatsteFout', 'wisselRelease'] as const;
const OPTIONEEL = ['start', 'reset', 'zetKlok'] as const;

/**
 * Loads and checks a vendor's module: it must export a function for each call of the contract (named exports, or one
 * default-exported object). Usable on its own to check a configuration before anything starts.
 */
export async function loadPlaywrightLasModule(file: string): Promise<PlaywrightLasModule> {
  const path = resolve(file);
  if (!existsSync(path) || !statSync(path).isFile())
    throw new AdapterFout(`Playwright-module ${path} bestaat niet (of is geen bestand); controleer 'playwright.module' in de SUT-configuratie.`);
  let geladen: Record<string, unknown>;
  try {
    geladen = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  } catch (e) {
    const reden = stripVTControlCharacters((e as Error).message);
    // Node reads a .ts file as CommonJS unless its package says "type": "module"; the module is written with export.
    const hint = /Unexpected token 'export'|Cannot use import statement outside a module/.test(reden)
      ? ` — Node leest de module als CommonJS: geef het bestand de extensie .mts, of zet "type": "module" in de package.json van zijn map.`
      : '';
    throw new AdapterFout(`Playwright-module ${path} kon niet worden geladen: ${reden}${hint}`);
  }
  const exports = typeof geladen['default'] === 'object' && geladen['default'] !== null ? (geladen['default'] as Record<string, unknown>) : geladen;
  const ontbreekt = VERPLICHT.filter((naam) => typeof exports[naam] !== 'function');
  for (const naam of OPTIONEEL)
    if (exports[naam] !== undefined && typeof exports[naam] !== 'function')
      throw new AdapterFout(`Playwright-module ${path}: de export '${naam}' moet een functie zijn (of weggelaten worden).`);
  if (ontbreekt.length)
    throw new AdapterFout(
      `Playwright-module ${path} mist ${ontbreekt.length === 1 ? 'de functie' : 'de functies'} ${ontbreekt.map((n) => `'${n}'`).join(', ')}: ` +
        `exporteer ${VERPLICHT.map((n) => `'${n}'`).join(', ')} als functies (zie PlaywrightLasModule in suites/adapters/playwright-adapter.ts en docs/adapters.md).`,
    );
  return exports as unknown as PlaywrightLasModule;
}

export async function playwrightAdapter(settings: PlaywrightAdapterSettings): Promise<SutAdapter> {
  const bestand = resolve(settings.module);
  const lasModule = await loadPlaywrightLasModule(bestand);
  const { timeoutMs } = settings;
  const baseUrl = settings.baseUrl.replace(/\/+$/, '');
  const screenshotDir = settings.screenshotDir ?? (await mkdtemp(join(tmpdir(), 'oso-playwright-')));
  let browser: Browser;
  try {
    browser = await launchChromium({ headless: settings.headless ?? true });
  } catch (e) {
    throw new AdapterFout(`Playwright-adapter: Chromium start niet: ${(e as Error).message}`);
  }
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  let calls = 0;
  const gestart = new WeakSet<Page>();
  const ctx: PlaywrightLasContext = { baseUrl, timeoutMs };

  /** The page the module works in: made (and started) at the first call, and again after a call was abandoned. */
  async function huidigePagina(): Promise<Page> {
    if (page && !page.isClosed()) return page;
    context ??= await browser.newContext({ locale: 'nl-NL', viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(timeoutMs);
    page.setDefaultNavigationTimeout(timeoutMs);
    return page;
  }

  async function schermafdruk(p: Page | undefined, functie: string): Promise<string | undefined> {
    if (!p || p.isClosed()) return undefined;
    const path = join(screenshotDir, `${String(calls).padStart(3, '0')}-${functie}.png`);
    try {
      await p.screenshot({ path, fullPage: true, timeout: Math.min(timeoutMs, 5_000) });
      return path;
    } catch {
      return undefined;
    }
  }

  /**
   * Runs one piece of the module's work on the page. Every Playwright action in it times out at timeoutMs with
   * Playwright's own precise error; a call still running a little after that (waiting on something outside Playwright)
   * is stopped and abandoned with its page, so a hanging UI cannot leave actions running into the next step.
   */
  async function binnenDeadline<T>(doe: () => T | Promise<T>): Promise<T> {
    const werk = (async () => doe())();
    werk.catch(() => {});
    const harde = timeoutMs + Math.max(2_000, timeoutMs / 2);
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`geen resultaat binnen ${harde} ms (de stap heeft een time-out van ${timeoutMs} ms)`)), harde);
    });
    try {
      return await Promise.race([werk, deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** One call of the module: on a ready page (made, and started by the module's start, outside the call's own deadline). */
  async function roep<T>(functie: keyof PlaywrightLasModule, wat: string, run: (p: Page) => Promise<T>, controle: (antwoord: unknown) => string | undefined): Promise<T> {
    calls++;
    let p: Page | undefined;
    let bezig: keyof PlaywrightLasModule = functie;
    let taak = wat;
    try {
      const klaar = await huidigePagina();
      p = klaar;
      const start = lasModule.start;
      if (start && !gestart.has(klaar)) {
        gestart.add(klaar);
        bezig = 'start';
        taak = `het voorbereiden van de pagina voor ${wat}`;
        await binnenDeadline(() => start.call(lasModule, klaar, ctx));
        bezig = functie;
        taak = wat;
      }
      const antwoord = await binnenDeadline(() => run(klaar));
      const onjuist = controle(antwoord);
      if (onjuist) throw new Error(`de functie gaf ${onjuist}`);
      return antwoord;
    } catch (e) {
      const afdruk = await schermafdruk(p, bezig);
      if (p && !p.isClosed()) await p.close().catch(() => {});
      page = undefined;
      throw new AdapterFout(
        `Playwright-module ${bestand}: ${bezig} faalde bij ${taak}: ${stripVTControlCharacters((e as Error).message ?? String(e)).slice(0, 1500)}` +
          (afdruk ? `\nSchermafdruk: ${afdruk}` : ''),
        afdruk ? { schermafdruk: afdruk } : {},
      );
    }
  }

  return {
    soort: 'playwright',
    klaarzetten: (v) =>
      roep('klaarzetten', `klaarzetten van het dossier van PGN ${v.pgn} op ${v.brin} voor ${v.doelBrin}`, async (p) => {
        await lasModule.klaarzetten(p, v, ctx);
      }, () => undefined),
    opvragen: (v) =>
      roep('opvragen', `opvragen door ${v.brin} van het dossier van PGN ${v.pgn} bij ${v.bronBrin}`, (p) => lasModule.opvragen(p, v, ctx), (a) => {
        const o = a as Partial<OpvragenAntwoord> | undefined;
        if (typeof o?.resultaat !== 'string' || typeof o.afgemeld !== 'boolean') return `geen {resultaat: string, afgemeld: boolean, sessieId?, fout?} terug maar ${toon(a)}`;
        return undefined;
      }),
    ontvangen: () =>
      roep('ontvangen', 'het lezen van de ontvangen dossiers', (p) => lasModule.ontvangen(p, ctx), (a) => {
        if (!Array.isArray(a)) return `geen lijst van ontvangen dossiers terug maar ${toon(a)}`;
        const fout = a.find((d: Partial<OntvangenDossier>) => typeof d?.pgn !== 'string' || (d.status !== 'opgeslagen' && d.status !== 'geweigerd'));
        return fout === undefined ? undefined : `een dossier zonder pgn of met een status anders dan opgeslagen/geweigerd terug: ${toon(fout)}`;
      }),
    laatsteFout: () =>
      roep('laatsteFout', 'het lezen van de laatste foutmelding', (p) => lasModule.laatsteFout(p, ctx), (a) =>
        a === undefined || typeof a === 'string' ? undefined : `geen tekst of undefined terug maar ${toon(a)}`,
      ),
    wisselRelease: (gegevensset) =>
      roep('wisselRelease', `het wisselen naar gegevensset ${gegevensset}`, async (p) => {
        await lasModule.wisselRelease(p, gegevensset, ctx);
      }, () => undefined),
    reset: async (): Promise<Aangeboden> => {
      const reset = lasModule.reset;
      if (!reset) return 'niet-aangeboden';
      await roep('reset', 'het wissen van de testgegevens', (p) => reset.call(lasModule, p, ctx), () => undefined);
      return 'gedaan';
    },
    zetKlok: async (datum): Promise<Aangeboden> => {
      const zetKlok = lasModule.zetKlok;
      if (!zetKlok) return 'niet-aangeboden';
      await roep('zetKlok', `het instellen van de datum ${datum}`, (p) => zetKlok.call(lasModule, p, datum, ctx), () => undefined);
      return 'gedaan';
    },
    close: async () => {
      await browser.close();
    },
  };
}

function toon(waarde: unknown): string {
  return waarde === undefined ? 'undefined' : JSON.stringify(waarde).slice(0, 300);
}

