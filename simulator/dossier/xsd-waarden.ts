/*
 * The XSD built-in datatypes a dossier uses, as XSD 1.0 defines their lexical space: xs:date, xs:boolean, xs:integer,
 * xs:int and xs:decimal. Their whitespace facet is `collapse`, so surrounding spaces, tabs and line ends are allowed.
 */
import { isWit } from './xml-reader.ts';

/** XSD whitespace (space, tab, CR, LF) trimmed — not JavaScript's wider trim(), which also eats U+00A0 and friends. */
export function xsdTrim(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isWit(s.charCodeAt(a))) a++;
  while (b > a && isWit(s.charCodeAt(b - 1))) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

const datumPatroon = /^(-?)(\d{4,})-(\d\d)-(\d\d)(Z|[+-](\d\d):(\d\d))?$/;

export interface XsdDatum {
  jaar: number;
  maand: number;
  dag: number;
  /** The time zone in minutes east of UTC (`Z` is 0), when the date carries one. */
  tijdzone?: number;
}

function isSchrikkeljaar(jaar: number): boolean {
  return (jaar % 4 === 0 && jaar % 100 !== 0) || jaar % 400 === 0;
}

export function dagenInMaand(jaar: number, maand: number): number {
  return [31, isSchrikkeljaar(jaar) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][maand - 1] ?? 0;
}

/** An xs:date's year, month, day and time zone, or undefined when the text is not an xs:date. */
export function leesXsdDatum(tekst: string): XsdDatum | undefined {
  const m = datumPatroon.exec(xsdTrim(tekst));
  if (!m) return undefined;
  const jaarTekst = m[2]!;
  if (jaarTekst.length > 4 && jaarTekst.startsWith('0')) return undefined;
  const jaar = Number(jaarTekst) * (m[1] === '-' ? -1 : 1);
  if (jaar === 0) return undefined; // XSD 1.0 has no year 0000
  const maand = Number(m[3]);
  const dag = Number(m[4]);
  if (maand < 1 || maand > 12 || dag < 1 || dag > dagenInMaand(jaar, maand)) return undefined;
  if (m[5] !== undefined && m[5] !== 'Z') {
    const uur = Number(m[6]);
    const minuut = Number(m[7]);
    if (minuut > 59 || uur > 14 || (uur === 14 && minuut !== 0)) return undefined;
    return { jaar, maand, dag, tijdzone: (m[5].startsWith('-') ? -1 : 1) * (uur * 60 + minuut) };
  }
  return m[5] === 'Z' ? { jaar, maand, dag, tijdzone: 0 } : { jaar, maand, dag };
}

/**
 * The implicit time zone of a date comparison, for a date without one. XPath leaves it to the processor (the official
 * XSLT runs with the time zone of its machine); [ours] the harness fixes it at UTC, so a verdict does not depend on
 * where or in which season it is given.
 */
export const impliciteTijdzone = 0;

/** Days since 1970-01-01 of a proleptic Gregorian date (days-from-civil; exact for any year, no Date object). */
function dagnummer(jaar: number, maand: number, dag: number): number {
  const j = maand <= 2 ? jaar - 1 : jaar;
  const tijdperk = Math.floor(j / 400);
  const jaarInTijdperk = j - tijdperk * 400;
  const dagInJaar = Math.floor((153 * (maand + (maand > 2 ? -3 : 9)) + 2) / 5) + dag - 1;
  return tijdperk * 146097 + jaarInTijdperk * 365 + Math.floor(jaarInTijdperk / 4) - Math.floor(jaarInTijdperk / 100) + dagInJaar - 719468;
}

/** Minutes since 1970-01-01T00:00Z of the date's first instant, in its own time zone or the implicit one. */
function begin(d: XsdDatum): number {
  return dagnummer(d.jaar, d.maand, d.dag) * 1440 - (d.tijdzone ?? impliciteTijdzone);
}

/**
 * XPath 2.0's date comparison (`op:date-less-than`): the first instants of the two days, each in its own time zone
 * or the implicit one — so 2016-08-01+02:00 begins before 2016-08-01 (UTC). Negative, zero or positive.
 */
export function vergelijkDatumMoment(a: XsdDatum, b: XsdDatum): number {
  return begin(a) - begin(b);
}

/** xs:boolean: `true`, `false`, `1` or `0`. Undefined when it is none of them. */
export function leesXsdBoolean(tekst: string): boolean | undefined {
  switch (xsdTrim(tekst)) {
    case 'true':
    case '1':
      return true;
    case 'false':
    case '0':
      return false;
    default:
      return undefined;
  }
}

const integerPatroon = /^[+-]?\d+$/;
const decimaalPatroon = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

export function isXsdInteger(tekst: string): boolean {
  return integerPatroon.test(xsdTrim(tekst));
}

export function isXsdDecimal(tekst: string): boolean {
  return decimaalPatroon.test(xsdTrim(tekst));
}

/** An integer's value as a BigInt (any length), or undefined. */
export function leesXsdInteger(tekst: string): bigint | undefined {
  const t = xsdTrim(tekst);
  return integerPatroon.test(t) ? BigInt(t.startsWith('+') ? t.slice(1) : t) : undefined;
}

export function isXsdInt(tekst: string): boolean {
  const n = leesXsdInteger(tekst);
  return n !== undefined && n >= -2147483648n && n <= 2147483647n;
}

export type XsdBasis = 'date' | 'boolean' | 'integer' | 'int' | 'decimal';

export const xsdBasisUitleg: Record<XsdBasis, string> = {
  date: 'een datum (xs:date, EEJJ-MM-DD)',
  boolean: 'true of false (xs:boolean)',
  integer: 'een geheel getal (xs:integer)',
  int: 'een geheel getal tussen -2147483648 en 2147483647 (xs:int)',
  decimal: 'een decimaal getal met een punt (xs:decimal)',
};

export function isGeldigeXsdWaarde(basis: XsdBasis, tekst: string): boolean {
  switch (basis) {
    case 'date':
      return leesXsdDatum(tekst) !== undefined;
    case 'boolean':
      return leesXsdBoolean(tekst) !== undefined;
    case 'integer':
      return isXsdInteger(tekst);
    case 'int':
      return isXsdInt(tekst);
    case 'decimal':
      return isXsdDecimal(tekst);
  }
}
