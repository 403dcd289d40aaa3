/**
 * Plots as inline SVG for the capacity report: lines over time and stacked bars, with axes, ticks and a legend. No
 * script and no external asset, so the page opens offline under a strict Content-Security-Policy and prints as it shows.
 */
import { html, type Html } from '../web/html.ts';

export interface Reeks {
  naam: string;
  kleur: string;
  /** [x, y]; y null leaves a gap (a window without data). */
  punten: [number, number | null][];
  gestreept?: boolean;
}

export interface GrafiekOpties {
  id: string;
  titel: string;
  /** The English title beside the Dutch one. */
  titelEn: string;
  xLabel: string;
  yLabel: string;
  /** A horizontal line (a limit), with its label. */
  grens?: { waarde: number; label: string };
  /** Vertical lines at these x (steps of a ramp), with labels. */
  markeringen?: { x: number; label: string }[];
}

const B = 720;
const H = 260;
const M = { links: 64, rechts: 16, boven: 16, onder: 40 };
const kleurGrens = '#b00020';

/** Round tick steps: 1, 2, 5 × 10^n, about five of them. */
function ticks(max: number): number[] {
  if (!(max > 0)) return [0, 1];
  const ruw = max / 5;
  const macht = 10 ** Math.floor(Math.log10(ruw));
  const stap = [1, 2, 5, 10].map((f) => f * macht).find((s) => s >= ruw)!;
  return Array.from({ length: Math.floor(max / stap) + 1 }, (_, i) => i * stap).concat(Math.floor(max / stap) * stap < max ? [Math.ceil(max / stap) * stap] : []);
}

const getal = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(x < 1 ? 2 : 1)).replace('.', ',');
const r = (x: number) => Math.round(x * 10) / 10;

function kader(o: GrafiekOpties, xMax: number, yMax: number, inhoud: Html[], legenda: { naam: string; kleur: string }[]): Html {
  const xs = ticks(xMax);
  const ys = ticks(yMax);
  const xTop = xs.at(-1)!;
  const yTop = ys.at(-1)!;
  const bx = (x: number) => r(M.links + (x / xTop) * (B - M.links - M.rechts));
  const by = (y: number) => r(H - M.onder - (y / yTop) * (H - M.boven - M.onder));
  return html`<figure class="grafiek" id="${o.id}">
  <figcaption>${o.titel} <span class="en">· ${o.titelEn}</span></figcaption>
  <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${B} ${H}" width="${B}" height="${H}" role="img" aria-label="${o.titel}">
    <g class="as">
      ${ys.map((y) => html`<line x1="${M.links}" x2="${B - M.rechts}" y1="${by(y)}" y2="${by(y)}" stroke="#ddd"/><text x="${M.links - 6}" y="${by(y) + 4}" text-anchor="end">${getal(y)}</text>`)}
      ${xs.map((x) => html`<text x="${bx(x)}" y="${H - M.onder + 16}" text-anchor="middle">${getal(x)}</text>`)}
      <line x1="${M.links}" x2="${M.links}" y1="${M.boven}" y2="${H - M.onder}" stroke="#444"/>
      <line x1="${M.links}" x2="${B - M.rechts}" y1="${H - M.onder}" y2="${H - M.onder}" stroke="#444"/>
      <text x="${(M.links + B - M.rechts) / 2}" y="${H - 6}" text-anchor="middle">${o.xLabel}</text>
      <text x="14" y="${(M.boven + H - M.onder) / 2}" text-anchor="middle" transform="rotate(-90 14 ${(M.boven + H - M.onder) / 2})">${o.yLabel}</text>
    </g>
    ${(o.markeringen ?? []).map((m) => html`<line x1="${bx(m.x)}" x2="${bx(m.x)}" y1="${M.boven}" y2="${H - M.onder}" stroke="#888" stroke-dasharray="2 3"/><text x="${bx(m.x) + 3}" y="${M.boven + 10}" class="markering">${m.label}</text>`)}
    ${o.grens && o.grens.waarde <= yTop ? html`<line x1="${M.links}" x2="${B - M.rechts}" y1="${by(o.grens.waarde)}" y2="${by(o.grens.waarde)}" stroke="${kleurGrens}" stroke-dasharray="6 4"/><text x="${B - M.rechts - 4}" y="${by(o.grens.waarde) - 4}" text-anchor="end" fill="${kleurGrens}">${o.grens.label}</text>` : ''}
    ${inhoud}
  </svg>
  <ul class="legenda">${legenda.map((l) => html`<li><span class="staal" style="background:${l.kleur}"></span>${l.naam}</li>`)}${o.grens ? html`<li><span class="staal" style="background:${kleurGrens}"></span>${o.grens.label}</li>` : ''}</ul>
</figure>`;
}

function schaal(o: GrafiekOpties, xMax: number, yMax: number) {
  const xTop = ticks(xMax).at(-1)!;
  const yTop = ticks(yMax).at(-1)!;
  return {
    x: (x: number) => r(M.links + (x / xTop) * (B - M.links - M.rechts)),
    y: (y: number) => r(H - M.onder - (Math.min(y, yTop) / yTop) * (H - M.boven - M.onder)),
    breedte: (dx: number) => r((dx / xTop) * (B - M.links - M.rechts)),
  };
}

export function lijnGrafiek(o: GrafiekOpties, reeksen: Reeks[]): Html {
  const xMax = Math.max(1, ...reeksen.flatMap((s) => s.punten.map(([x]) => x)));
  const yMax = Math.max(1e-9, o.grens?.waarde ?? 0, ...reeksen.flatMap((s) => s.punten.map(([, y]) => y ?? 0)));
  const s = schaal(o, xMax, yMax);
  const lijnen = reeksen.flatMap((reeks) => {
    // A window without data breaks the line: a gap, not a line drawn through nothing.
    const stukken: [number, number][][] = [[]];
    for (const [x, y] of reeks.punten) if (y === null) stukken.push([]);
    else stukken.at(-1)!.push([x, y]);
    return stukken
      .filter((p) => p.length)
      .map((p) =>
        p.length === 1
          ? html`<circle cx="${s.x(p[0]![0])}" cy="${s.y(p[0]![1])}" r="2.5" fill="${reeks.kleur}"/>`
          : html`<polyline fill="none" stroke="${reeks.kleur}" stroke-width="2" ${reeks.gestreept ? html`stroke-dasharray="5 3"` : ''} points="${p.map(([x, y]) => `${s.x(x)},${s.y(y)}`).join(' ')}"/>`,
      );
  });
  return kader(o, xMax, yMax, lijnen, reeksen);
}

/** Stacked bars, one per x (the start of a window of width `breedte`). */
export function staafGrafiek(o: GrafiekOpties, breedte: number, lagen: { naam: string; kleur: string; waarden: [number, number][] }[]): Html {
  const totalen = new Map<number, number>();
  for (const l of lagen) for (const [x, y] of l.waarden) totalen.set(x, (totalen.get(x) ?? 0) + y);
  const xMax = Math.max(1, ...[...totalen.keys()].map((x) => x + breedte));
  const yMax = Math.max(1, ...totalen.values());
  const s = schaal(o, xMax, yMax);
  const basis = new Map<number, number>();
  const staven = lagen.flatMap((l) =>
    l.waarden
      .filter(([, y]) => y > 0)
      .map(([x, y]) => {
        const onder = basis.get(x) ?? 0;
        basis.set(x, onder + y);
        return html`<rect x="${s.x(x)}" y="${s.y(onder + y)}" width="${Math.max(1, s.breedte(breedte) - 1)}" height="${r(s.y(onder) - s.y(onder + y))}" fill="${l.kleur}"/>`;
      }),
  );
  return kader(o, xMax, yMax, staven, lagen);
}
