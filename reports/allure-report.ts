// Renders an Allure results directory into one offline index.html (Allure 3 "awesome" report, singleFile mode).
//
// The report holds pupils' exchanges, so it must never phone home. Allure 3.18 always writes a Google Analytics tag into
// index.html (plugin-awesome's template renders it with `analyticsEnable: true`, no option turns it off):
//   <script async src="https://www.googletagmanager.com/gtag/js?id=G-LNDJ3J7WT0"></script>
//   <script> window.dataLayer = …; function gtag(){…} gtag('config', 'G-LNDJ3J7WT0', {reportUuid, allureVersion, …}) </script>
// We remove those tags, then check the whole file (including the inlined app bundle) for anything that would still load
// or send something to another host, and refuse to write the report if something is left.
//
// Allure runs as a child process (the CLI is its stable surface; its programmatic API is internal to @allurereport/core).
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { inHetNederlands } from './allure-nl.ts';
import { voorDeLezer, type AllureResult } from './allure-resultaten.ts';

export interface AllureReportOptions {
  /** Directory with `*-result.json`, `*-container.json` and `*-attachment.*` files written by allure-playwright. */
  resultsDir: string;
  /** Where index.html is written; other files in it are left alone. Created when missing. */
  outputDir: string;
  /** Report title; default: `name` from allurerc.mjs ("OSO Testbank kwalificatie"). */
  reportName?: string;
  /** JSONL history file kept between runs for trends; created by Allure when missing, appended on every render. */
  historyPath?: string;
}

export interface RenderedAllureReport {
  /** Absolute path of the written index.html. */
  indexHtml: string;
  /** Wall-clock time of the whole render: generation, stripping, checking and writing. */
  durationMs: number;
}

/** A render of a full qualification run takes seconds; anything near this limit is a hang. */
const GENERATE_TIMEOUT_MS = 120_000;
/** How much of the CLI's output is kept for an error message. */
const OUTPUT_TAIL_CHARS = 16_000;

const PROJECT_CONFIG = fileURLToPath(new URL('../allurerc.mjs', import.meta.url));

export async function renderAllureReport(options: AllureReportOptions): Promise<RenderedAllureReport> {
  const started = performance.now();
  const resultsDir = resolve(options.resultsDir);
  const outputDir = resolve(options.outputDir);
  await assertDirectory(resultsDir);

  const workDir = await mkdtemp(join(tmpdir(), 'oso-allure-'));
  try {
    const configPath = await writeRunConfig(workDir, options.historyPath);
    const generatedDir = join(workDir, 'report');
    const preparedDir = join(workDir, 'results');
    await prepareResults(resultsDir, preparedDir);
    const output = await runAllureGenerate({ workDir, resultsDir: preparedDir, configPath, generatedDir, reportName: options.reportName });

    const generatedIndex = join(generatedDir, 'index.html');
    if (!existsSync(generatedIndex)) {
      // Allure logs a failing plugin and still exits 0.
      throw new Error(`allure generate exited 0 but wrote no index.html. Output:\n${output.trim()}`);
    }
    const html = inHetNederlands(inAmsterdamTime(stripAnalytics(await readFile(generatedIndex, 'utf8'))));
    const external = findExternalReferences(html);
    if (external.length > 0) {
      throw new Error(
        `The Allure report still refers to other hosts after stripping analytics, so it is not written: ${external.join('; ')}`,
      );
    }

    await mkdir(outputDir, { recursive: true });
    const indexHtml = join(outputDir, 'index.html');
    // Write next to the target and rename: a reader never sees a half-written report, and a failure leaves the old one.
    const partial = join(outputDir, `.index.html.${randomUUID()}.partial`);
    try {
      await writeFile(partial, html, 'utf8');
      await rename(partial, indexHtml);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
    return { indexHtml, durationMs: performance.now() - started };
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

/** A copy of the results as the reviewer should read them (reports/allure-resultaten.ts); the raw results stay as written. */
async function prepareResults(resultsDir: string, preparedDir: string): Promise<void> {
  await mkdir(preparedDir);
  const names = await readdir(resultsDir);
  const dropped = new Set<string>();
  for (const name of names.filter((n) => n.endsWith('-result.json'))) {
    const { result, weggelaten } = voorDeLezer(JSON.parse(await readFile(join(resultsDir, name), 'utf8')) as AllureResult);
    for (const source of weggelaten) dropped.add(source);
    await writeFile(join(preparedDir, name), JSON.stringify(result));
  }
  for (const name of names.filter((n) => !n.endsWith('-result.json') && !dropped.has(n))) {
    if ((await stat(join(resultsDir, name))).isFile()) await copyFile(join(resultsDir, name), join(preparedDir, name));
  }
}

/**
 * The Allure app formats every time with Intl.DateTimeFormat in the viewer's time zone; samenvatting.html and the
 * environment panel use Europe/Amsterdam. A script before the app makes Europe/Amsterdam the default zone of the page,
 * so every time in the report is Dutch time wherever it is opened (the environment panel says so).
 */
export const REPORT_TIME_ZONE = 'Europe/Amsterdam';
const TIME_ZONE_SCRIPT =
  `<script>(()=>{const D=Intl.DateTimeFormat;const Z=function(l,o){return new D(l,{timeZone:${JSON.stringify(REPORT_TIME_ZONE)},...(o||{})})};` +
  'Z.prototype=D.prototype;Z.supportedLocalesOf=D.supportedLocalesOf;Intl.DateTimeFormat=Z;})();</script>';

function inAmsterdamTime(html: string): string {
  const head = /<head\b[^>]*>/i.exec(html);
  if (!head) throw new Error('The Allure report has no <head>: cannot set its time zone');
  const at = head.index + head[0].length;
  return `${html.slice(0, at)}${TIME_ZONE_SCRIPT}${html.slice(at)}`;
}

async function assertDirectory(path: string): Promise<void> {
  const info = await stat(path).catch(() => undefined);
  if (!info?.isDirectory()) {
    throw new Error(`Allure results directory ${path} does not exist or is not a directory`);
  }
}

/** The project config as is, or a wrapper that adds historyPath (the CLI has no flag for it). */
async function writeRunConfig(workDir: string, historyPath: string | undefined): Promise<string> {
  if (historyPath === undefined) return PROJECT_CONFIG;
  const absoluteHistory = resolve(historyPath);
  await mkdir(dirname(absoluteHistory), { recursive: true });
  const wrapper = join(workDir, 'allurerc.mjs');
  await writeFile(
    wrapper,
    `import base from ${JSON.stringify(pathToFileURL(PROJECT_CONFIG).href)};\n` +
      `export default { ...base, historyPath: ${JSON.stringify(absoluteHistory)} };\n`,
    'utf8',
  );
  return wrapper;
}

interface GenerateRun {
  workDir: string;
  resultsDir: string;
  configPath: string;
  generatedDir: string;
  reportName: string | undefined;
}

/** Runs `allure generate`; resolves with its (tail of) stdout and stderr, rejects with them on failure. */
async function runAllureGenerate(run: GenerateRun): Promise<string> {
  const args = [
    allureCliPath(),
    'generate',
    // The CLI treats results paths as glob patterns; "." relative to --cwd keeps [, *, { in a path literal.
    '.',
    '--cwd',
    run.resultsDir,
    '--config',
    run.configPath,
    '--output',
    run.generatedDir,
  ];
  if (run.reportName !== undefined) args.push('--report-name', run.reportName);

  const home = join(run.workDir, 'home');
  const child = spawn(process.execPath, args, {
    cwd: run.workDir,
    env: allureEnvironment(home),
    stdio: ['ignore', 'pipe', 'pipe'],
    windowsHide: true,
  });
  let output = '';
  const collect = (chunk: Buffer): void => {
    output = (output + chunk.toString('utf8')).slice(-OUTPUT_TAIL_CHARS);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);

  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, GENERATE_TIMEOUT_MS);

  const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolveExit, rejectExit) => {
    child.once('error', rejectExit);
    child.once('close', (code, signal) => resolveExit({ code, signal }));
  }).finally(() => clearTimeout(timer));

  if (timedOut) {
    throw new Error(`allure generate did not finish within ${GENERATE_TIMEOUT_MS / 1000} s and was stopped. Output:\n${output}`);
  }
  if (exit.code !== 0) {
    const how = exit.signal ? `was killed by ${exit.signal}` : `exited with code ${exit.code}`;
    const crashLog = await readCrashLogs(home);
    throw new Error(`allure generate ${how}. Output:\n${output.trim()}${crashLog ? `\nAllure log:\n${crashLog}` : ''}`);
  }
  return output;
}

/**
 * A clean environment: Allure appends the CI job or pull-request name to the report name and links the CI run when it sees
 * CI variables, and it writes crash details to ~/.allure/logs instead of stderr. A private HOME lets us read them back.
 */
function allureEnvironment(home: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { HOME: home, USERPROFILE: home, NO_COLOR: '1', FORCE_COLOR: '0' };
  for (const name of ['PATH', 'Path', 'SystemRoot', 'TMPDIR', 'TEMP', 'TMP', 'TZ', 'LANG', 'LC_ALL']) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  return env;
}

async function readCrashLogs(home: string): Promise<string> {
  const logDir = join(home, '.allure', 'logs');
  const names = await readdir(logDir).catch(() => [] as string[]);
  const logs = await Promise.all(names.map((name) => readFile(join(logDir, name), 'utf8')));
  return logs.join('\n').trim().slice(-OUTPUT_TAIL_CHARS);
}

/** The CLI script of the installed `allure` package, found through its package.json `bin`. */
function allureCliPath(): string {
  const require = createRequire(import.meta.url);
  let dir = dirname(require.resolve('allure'));
  for (;;) {
    const manifestPath = join(dir, 'package.json');
    if (existsSync(manifestPath)) {
      const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { name?: string; bin?: string | Record<string, string> };
      if (manifest.name === 'allure') {
        const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin?.['allure'];
        if (!bin) throw new Error(`${manifestPath} declares no allure bin`);
        return join(dir, bin);
      }
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the package.json of the installed allure package');
    dir = parent;
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// Stripping and checking

const SCRIPT_ELEMENT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
/** Inline analytics bootstraps; every pattern holds a character outside base64, so embedded report data never matches. */
const INLINE_ANALYTICS = /googletagmanager\.|google-analytics\.|\bgtag\s*\(|window\.dataLayer\b/;

/** Removes script elements that load from another host and inline analytics bootstraps (gtag / dataLayer). */
function stripAnalytics(html: string): string {
  return html.replace(SCRIPT_ELEMENT, (element, attributes: string, body: string) => {
    const src = attributeValue(attributes, 'src');
    if (src !== undefined && isExternalUrl(src)) return '';
    if (src === undefined && INLINE_ANALYTICS.test(body)) return '';
    return element;
  });
}

/** Elements that the browser loads from their URL attribute without a click (a and area only navigate when clicked). */
const AUTO_LOADING_TAG = /<([a-zA-Z][\w:-]*)\b([^>]*)>/g;
const URL_ATTRIBUTES = ['src', 'href', 'xlink:href', 'data', 'poster', 'srcset', 'background'];
const NAVIGATION_ONLY_TAGS = new Set(['a', 'area']);
const STYLE_ELEMENT = /<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi;
const META_REFRESH = /<meta\b[^>]*http-equiv\s*=\s*["']?refresh[^>]*>/gi;

const CSS_CHECKS: ReadonlyArray<[RegExp, string]> = [
  [/url\(\s*["']?(?:https?:)?\/\/[^)\s"']*/gi, 'CSS url() to another host'],
  [/@import\s+(?:url\()?\s*["']?(?:https?:)?\/\/[^)\s"';]*/gi, 'CSS @import from another host'],
];
const SCRIPT_CHECKS: ReadonlyArray<[RegExp, string]> = [
  [/\bfetch\s*\(\s*["'`](?:https?:)?\/\/[^"'`]*/g, 'fetch to another host'],
  [/\bsendBeacon\s*\([^)]{0,120}/g, 'navigator.sendBeacon call'],
  [/googletagmanager\.com[^"'`\s]*|google-analytics\.com[^"'`\s]*|\bgtag\s*\([^)]{0,60}/g, 'Google Analytics'],
  [/new\s+(?:WebSocket|EventSource)\s*\(\s*["'`](?:wss?|https?):\/\/[^"'`]*/g, 'connection to another host'],
  [/\.open\s*\(\s*["'`][A-Za-z]+["'`]\s*,\s*["'`](?:https?:)?\/\/[^"'`]*/g, 'XMLHttpRequest to another host'],
  [/\bimport\s*\(\s*["'`](?:https?:)?\/\/[^"'`]*/g, 'module import from another host'],
];

/**
 * Everything in an HTML page that would make a browser contact another host without the reader clicking a link:
 * script/link/img/iframe/… URLs, CSS url()/@import, meta refresh, and fetch/sendBeacon/XHR/WebSocket/gtag calls in inline
 * scripts and in scripts or stylesheets inlined as data: URIs (Allure inlines its whole app that way). Embedded HTML and
 * SVG attachments of an Allure single-file report are checked too. Returns one readable finding per reference; [] = offline.
 */
export function findExternalReferences(html: string): string[] {
  const findings = new Set<string>();
  checkMarkup(html, '', findings);
  for (const [name, content] of embeddedMarkupAttachments(html)) {
    checkMarkup(content, `attachment ${name}: `, findings);
  }
  return [...findings];
}

function checkMarkup(html: string, where: string, findings: Set<string>): void {
  for (const match of html.matchAll(AUTO_LOADING_TAG)) {
    const tag = (match[1] ?? '').toLowerCase();
    const attributes = match[2] ?? '';
    if (NAVIGATION_ONLY_TAGS.has(tag)) continue;
    for (const name of URL_ATTRIBUTES) {
      const value = attributeValue(attributes, name);
      if (value === undefined) continue;
      const urls = name === 'srcset' ? value.split(',').map((candidate) => candidate.trim().split(/\s+/)[0] ?? '') : [value];
      for (const url of urls) {
        if (isExternalUrl(url)) findings.add(`${where}<${tag} ${name}="${shorten(url)}">`);
        else if (/^\s*data:/i.test(url)) checkDataUri(url, `${where}<${tag} ${name}="data:…"> `, findings);
      }
    }
    const style = attributeValue(attributes, 'style');
    if (style !== undefined) checkText(style, CSS_CHECKS, `${where}<${tag} style> `, findings);
  }
  for (const match of html.matchAll(META_REFRESH)) {
    const content = attributeValue(match[0], 'content') ?? '';
    const url = /url\s*=\s*(.*)$/i.exec(content)?.[1]?.trim() ?? '';
    if (isExternalUrl(url)) findings.add(`${where}<meta http-equiv="refresh"> to ${shorten(url)}`);
  }
  for (const match of html.matchAll(STYLE_ELEMENT)) {
    checkText(match[1] ?? '', CSS_CHECKS, `${where}<style> `, findings);
  }
  for (const match of html.matchAll(SCRIPT_ELEMENT)) {
    if (attributeValue(match[1] ?? '', 'src') === undefined) {
      checkText(match[2] ?? '', SCRIPT_CHECKS, `${where}inline <script> `, findings);
    }
  }
}

function checkDataUri(uri: string, where: string, findings: Set<string>): void {
  const parsed = /^\s*data:([^,;]*)((?:;[^,;]*)*),(.*)$/is.exec(uri);
  if (!parsed) return;
  const mediaType = (parsed[1] ?? '').toLowerCase();
  const isBase64 = /;base64/i.test(parsed[2] ?? '');
  const payload = parsed[3] ?? '';
  const text = isBase64 ? Buffer.from(payload, 'base64').toString('utf8') : safeDecodeUri(payload);
  if (/javascript|ecmascript/.test(mediaType)) checkText(text, SCRIPT_CHECKS, where, findings);
  else if (mediaType === 'text/css') checkText(text, CSS_CHECKS, where, findings);
  else if (mediaType === 'text/html' || mediaType === 'image/svg+xml') checkMarkup(text, where, findings);
}

function checkText(text: string, checks: ReadonlyArray<[RegExp, string]>, where: string, findings: Set<string>): void {
  for (const [pattern, what] of checks) {
    for (const match of text.matchAll(pattern)) findings.add(`${where}${what}: ${shorten(match[0])}`);
  }
}

/** The report data Allure inlines as d("data/attachments/<id>.<ext>", "<base64>") calls; only markup can load things. */
function* embeddedMarkupAttachments(html: string): Generator<[string, string]> {
  const entry = /\bd\("(data\/attachments\/[^"]+\.(?:html?|svg|xhtml))","([A-Za-z0-9+/=]*)"\)/gi;
  for (const match of html.matchAll(entry)) {
    yield [match[1] ?? '', Buffer.from(match[2] ?? '', 'base64').toString('utf8')];
  }
}

function attributeValue(attributes: string, name: string): string | undefined {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`(?:^|[\\s"'/])${escaped}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i').exec(attributes);
  if (!match) return undefined;
  return decodeEntities(match[1] ?? match[2] ?? match[3] ?? '');
}

/** http(s), ws(s), ftp, or protocol-relative (on file:// that means a network share, which leaks credentials on Windows). */
function isExternalUrl(url: string): boolean {
  return /^\s*(?:(?:https?|wss?|ftp):|[\\/]{2})/i.test(url);
}

function decodeEntities(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(parseInt(dec, 10)))
    .replace(/&colon;/gi, ':')
    .replace(/&sol;/gi, '/')
    .replace(/&amp;/gi, '&');
}

function safeDecodeUri(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function shorten(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > 120 ? `${oneLine.slice(0, 117)}…` : oneLine;
}
