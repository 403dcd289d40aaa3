/**
 * The page of a capacity run (`belasting.html`): Dutch for the vendor and reviewer who read it, each heading with its
 * English counterpart beside it (the issue asks for a Dutch/English page; the terms of the trade — p99, throughput —
 * are the same in both). First the verdict and the breaking point, then the plots (latency over time, throughput, errors,
 * requests in flight and the generator's own lag), the steps, the message kinds, the sampled requirements, and the
 * assumptions behind the profile. One file, no script, no external asset: it opens from disk, offline.
 */
import { html, Html } from '../web/html.ts';
import type { Belastingresultaat } from '../suites/belasting/belastingresultaat.ts';
import { snelheidTekst } from '../suites/belasting/belastingresultaat.ts';
import { uitwisselingSoort } from '../suites/belasting/uitwisselingen.ts';
import { lijnGrafiek, staafGrafiek, type Reeks } from './svg-grafiek.ts';

const foutsoortTekst: Record<string, string> = {
  'time-out': 'time-out (geen antwoord binnen de termijn)',
  verbinding: 'verbinding mislukt of verbroken',
  'soap-fault': 'SOAP Fault als antwoord',
  resultaat: 'onverwachte resultaatcode (geen DossierGeleverd of niet afgemeld)',
  controle: 'steekproef: uitwisseling voldeed niet aan een eis',
  'niet-gestart': 'niet gestart: te veel uitwisselingen tegelijk in behandeling',
};
const foutkleur: Record<string, string> = { 'time-out': '#d95f02', verbinding: '#7570b3', 'soap-fault': '#e7298a', resultaat: '#a6761d', controle: '#b00020', 'niet-gestart': '#666' };

const oordeelTekst = { GEHOUDEN: 'GEHOUDEN', BEZWEKEN: 'BEZWEKEN', ONBESLIST: 'ONBESLIST' } as const;
const oordeelUitleg = {
  GEHOUDEN: 'De LAS bleef in elke stap binnen de grenzen.',
  BEZWEKEN: 'De LAS ging bij een stap over de grenzen.',
  ONBESLIST: 'Geen stap kon de LAS beoordelen (de lastgenerator liep zelf achter, of er vielen geen aankomsten); over de LAS is niets vastgesteld.',
} as const;
const stapOordeel = { binnen: 'binnen de grenzen', overschreden: 'over de grenzen', 'generator-achter': 'generator liep achter', 'geen-aankomsten': 'geen aankomsten, geen oordeel' } as const;

const ms = (x: number | null | undefined) => (x === null || x === undefined || !Number.isFinite(x) ? '–' : `${x < 10 ? x.toFixed(1).replace('.', ',') : Math.round(x)} ms`);
const seconden = (x: number) => (x / 1000).toFixed(x < 10_000 ? 1 : 0).replace('.', ',');
const datumTijd = (iso: string) => new Date(iso).toLocaleString('nl-NL', { timeZone: 'Europe/Amsterdam', dateStyle: 'long', timeStyle: 'short' });
const procent = (x: number) => `${(x * 100).toFixed(1).replace('.', ',')} %`;
const getal = (x: number) => (Number.isInteger(x) ? x.toLocaleString('nl-NL') : x.toLocaleString('nl-NL', { maximumFractionDigits: 3 }));

const kleuren = ['#1b9e77', '#d95f02', '#7570b3', '#e7298a', '#66a61e', '#e6ab02'];

const STIJL = new Html(`
body { font: 15px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 64rem; padding: 0 1rem; color: #222; }
h1 { font-size: 1.5rem; margin-bottom: .25rem; } h2 { font-size: 1.15rem; margin-top: 2rem; border-bottom: 1px solid #ccc; }
.en { color: #666; font-weight: normal; font-size: .85em; }
#oordeel { display: inline-block; padding: .2rem .6rem; border-radius: 4px; font-weight: bold; color: #fff; }
#oordeel.GEHOUDEN { background: #1b7e3c; } #oordeel.BEZWEKEN { background: #b00020; } #oordeel.ONBESLIST { background: #8a6d00; }
#breekpunt { font-size: 1.05rem; background: #f6f6f6; padding: .6rem .8rem; border-left: 4px solid #444; }
table { border-collapse: collapse; margin: .5rem 0; } th, td { border: 1px solid #ccc; padding: .25rem .5rem; text-align: left; vertical-align: top; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
tr.overschreden td { background: #fde8ea; } tr.generator-achter td, tr.geen-aankomsten td { background: #fff6d6; }
.grafiek { margin: 1rem 0; break-inside: avoid; } .grafiek svg { max-width: 100%; height: auto; font-size: 11px; }
.grafiek figcaption { font-weight: 600; } .grafiek .markering { fill: #555; font-size: 10px; }
.legenda { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .4rem 1rem; font-size: .85rem; margin: .2rem 0 0; }
.staal { display: inline-block; width: .9rem; height: .6rem; margin-right: .3rem; vertical-align: middle; }
@media print { body { margin: 0; max-width: none; } }
`);

export function renderBelastingPagina(r: Belastingresultaat): string {
  const tijd = (i: number) => (i * r.vensterMs) / 1000;
  const vensterS = r.vensterMs / 1000;
  const trap = r.stappen.length > 1;
  const markeringen = trap ? r.stappen.map((s) => ({ x: (s.beginMs ?? 0) / 1000, label: snelheidTekst(s.snelheid) })) : [];

  const latentieReeksen: Reeks[] = r.rollen.flatMap((rol, ri) =>
    (['p50Ms', 'p95Ms', 'p99Ms'] as const).map((p, pi) => ({
      naam: `${rol === 'bron' ? 'LAS als bron' : 'LAS als doel'} ${p.slice(0, 3)}`,
      kleur: kleuren[(ri * 3 + pi) % kleuren.length]!,
      gestreept: p === 'p50Ms',
      punten: r.vensters.map((v, i) => [tijd(i) + vensterS / 2, v.latentie[uitwisselingSoort[rol]]?.[p] ?? null] as [number, number | null]),
    })),
  );
  const doorvoerReeksen: Reeks[] = [
    { naam: 'aangeboden (gestart per seconde)', kleur: '#7570b3', punten: r.vensters.map((v, i) => [tijd(i) + vensterS / 2, v.gestart / vensterS]) },
    { naam: 'voltooid per seconde', kleur: '#1b9e77', punten: r.vensters.map((v, i) => [tijd(i) + vensterS / 2, v.voltooid / vensterS]) },
  ];
  const zorgAandeel = r.leerlingmix.filter((m) => m.zorg).reduce((som, m) => som + m.aandeel, 0);
  const foutsoorten = [...new Set(r.vensters.flatMap((v) => Object.keys(v.fouten)))];
  const last: Reeks[] = [
    { naam: 'maximaal tegelijk in behandeling', kleur: '#d95f02', punten: r.vensters.map((v, i) => [tijd(i) + vensterS / 2, v.maxInBehandeling]) },
  ];
  const achterstand: Reeks[] = [
    { naam: 'achterstand van de lastgenerator, p99 (ms)', kleur: '#666', punten: r.vensters.map((v, i) => [tijd(i) + vensterS / 2, v.gestart ? v.generatorAchterstandP99Ms : null]) },
  ];
  const soorten = Object.keys(r.totaal.latentie);
  const eindoordeel = oordeelTekst[r.oordeel];

  const pagina = html`<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Belastingtest ${r.sut.naam} — ${eindoordeel}</title>
<style>${STIJL}</style>
</head>
<body>
<h1>Belastingtest van ${r.sut.naam}${r.sut.versie ? ` ${r.sut.versie}` : ''} <span class="en">· capacity test</span></h1>
<p>Profiel <strong>${r.profiel}</strong>, ${r.rollen.map((x) => (x === 'bron' ? 'LAS als bron' : 'LAS als doel')).join(' en ')}, ${seconden(r.duurMs)} s,
aankomsten ${r.aankomsten === 'poisson' ? 'volgens een Poisson-proces (open lus: een aankomst wacht nooit op een antwoord)' : 'op vaste afstand (open lus)'}, seed ${r.seed}${r.faults.length ? html`, met de fout <strong>${r.faults.join(', ')}</strong> aangezet` : ''}. ${datumTijd(r.datum)} (Europe/Amsterdam), ${r.harness}.</p>
<p><span id="oordeel" class="${r.oordeel}">${eindoordeel}</span> ${oordeelUitleg[r.oordeel]}</p>
<p id="breekpunt">${r.breekpunt.tekst}</p>
<p>Grenzen <span class="en">· limits</span>: p99 van een hele uitwisseling ten hoogste ${ms(r.grenzen.p99Ms)}, ten hoogste ${(r.grenzen.foutfractie * 100).toLocaleString('nl-NL')} % mislukte uitwisselingen;
een aankomst die meer dan ${ms(r.grenzen.generatorAchterstandMs)} te laat start, telt als achterstand van de lastgenerator, niet van de LAS.</p>

<h2>Verloop <span class="en">· over time</span></h2>
${lijnGrafiek({ id: 'grafiek-latentie', titel: 'Latentie van een hele uitwisseling', titelEn: 'latency over time', xLabel: 'tijd (s)', yLabel: 'ms', grens: { waarde: r.grenzen.p99Ms, label: `grens p99 ${ms(r.grenzen.p99Ms)}` }, markeringen }, latentieReeksen)}
${lijnGrafiek({ id: 'grafiek-doorvoer', titel: 'Doorvoer: aangeboden en voltooid', titelEn: 'throughput', xLabel: 'tijd (s)', yLabel: 'aankomsten per s', markeringen }, doorvoerReeksen)}
${staafGrafiek(
  { id: 'grafiek-fouten', titel: 'Fouten per soort', titelEn: 'errors by kind', xLabel: 'tijd (s)', yLabel: 'aantal', markeringen },
  vensterS,
  (foutsoorten.length ? foutsoorten : ['time-out']).map((f) => ({ naam: foutsoortTekst[f] ?? f, kleur: foutkleur[f] ?? '#333', waarden: r.vensters.map((v, i) => [tijd(i), v.fouten[f as keyof typeof v.fouten] ?? 0] as [number, number]) })),
)}
${lijnGrafiek({ id: 'grafiek-in-behandeling', titel: 'Tegelijk in behandeling', titelEn: 'in flight', xLabel: 'tijd (s)', yLabel: 'aankomsten', markeringen }, last)}
${lijnGrafiek({ id: 'grafiek-generator', titel: 'Achterstand van de lastgenerator op zijn schema', titelEn: 'generator lag', xLabel: 'tijd (s)', yLabel: 'ms', grens: { waarde: r.grenzen.generatorAchterstandMs, label: `grens ${ms(r.grenzen.generatorAchterstandMs)}` }, markeringen }, achterstand)}

<h2>Stappen <span class="en">· steps</span></h2>
<table id="stappen">
<thead><tr><th>stap</th><th>snelheid per rol</th><th>duur</th><th>gestart</th><th>voltooid</th><th>mislukt</th><th>p99 uitwisseling</th><th>max. in behandeling</th><th>oordeel</th></tr></thead>
<tbody>${r.stappen.map(
    (s) => html`<tr class="${s.oordeel}" data-snelheid="${s.snelheid}"><td class="n">${s.index + 1}</td><td class="n">${snelheidTekst(s.snelheid)}</td><td class="n">${seconden(s.duurMs)} s</td><td class="n">${s.gestart}</td><td class="n">${s.voltooid}</td><td class="n">${(s.foutfractie * 100).toFixed(1).replace('.', ',')} %</td><td class="n">${ms(s.p99Ms)}</td><td class="n">${s.maxInBehandeling}</td><td>${stapOordeel[s.oordeel]}${s.redenen.length ? html`: ${s.redenen.join('; ')}` : ''}</td></tr>`,
  )}</tbody>
</table>

<h2>Latentie per berichtsoort <span class="en">· latency per message kind</span></h2>
<table id="berichtsoorten">
<thead><tr><th>berichtsoort</th><th>aantal</th><th>p50</th><th>p95</th><th>p99</th><th>max</th></tr></thead>
<tbody>${soorten.map((k) => {
    const l = r.totaal.latentie[k]!;
    return html`<tr><td>${k}</td><td class="n">${l.count}</td><td class="n">${ms(l.p50Ms)}</td><td class="n">${ms(l.p95Ms)}</td><td class="n">${ms(l.p99Ms)}</td><td class="n">${ms(l.maxMs)}</td></tr>`;
  })}</tbody>
</table>
<p>Als bron meet de harness elk bericht dat de VO-testschool stuurt (overdracht en afmelding bij het TC, documentRequest bij de LAS, die intussen zelf sessiecontrole doet);
als doel stuurt de LAS zelf zijn berichten en meet de harness het hele opvragen via de test-control-API.</p>

<h2>Fouten <span class="en">· errors by kind</span></h2>
${
  Object.keys(r.totaal.fouten).length
    ? html`<table id="fouten"><thead><tr><th>soort</th><th>aantal</th><th>eerste voorbeeld</th></tr></thead><tbody>${Object.entries(r.totaal.fouten).map(
        ([f, n]) => html`<tr><td>${foutsoortTekst[f] ?? f}</td><td class="n">${n}</td><td>${r.voorbeeldfouten[f] ?? ''}</td></tr>`,
      )}</tbody></table>`
    : html`<p id="fouten">Geen enkele uitwisseling mislukte.</p>`
}

<h2>Eisen in de steekproef <span class="en">· requirements, sampled</span></h2>
<p>Elke ${r.steekproef.elke}e uitwisseling die zonder fout eindigde, is beoordeeld op de eisen die de kwalificatie voor een regulier dossier in die rol controleert
(${r.steekproef.uitwisselingen} uitwisselingen).</p>
<table id="steekproef"><thead><tr><th>eis</th><th>beoordeeld</th><th>niet voldaan</th><th>voorbeeld</th></tr></thead>
<tbody>${r.steekproef.eisen.map((e) => html`<tr class="${e.mislukt ? 'overschreden' : ''}"><td>${e.eis}</td><td class="n">${e.gecontroleerd}</td><td class="n">${e.mislukt}</td><td>${e.voorbeeld ?? ''}</td></tr>`)}</tbody></table>

<h2>De lastgenerator <span class="en">· the load generator</span></h2>
<p>${r.generator.gepland} aankomsten gepland, ${r.generator.gestart} gestart${r.generator.nietGestart ? `, ${r.generator.nietGestart} niet gestart (te veel tegelijk in behandeling)` : ''};
${r.generator.teLaat} meer dan ${ms(r.grenzen.generatorAchterstandMs)} te laat gestart; achterstand p99 ${ms(r.generator.achterstandP99Ms)}, hoogstens ${ms(r.generator.achterstandMaxMs)}.
Elke aankomst is één volledige uitwisseling in elke geteste rol.</p>

<h2>Aannames achter de profielen <span class="en">· assumptions</span></h2>
<p>Piek: ${snelheidTekst(r.piekPerSeconde)} uitwisselingen per rol (${getal(Math.round(r.piekPerSeconde * 3600))} per uur); gewone dag: ${snelheidTekst(r.dagPerSeconde)} (${getal(Math.round(r.dagPerSeconde * 3600))} per uur).
Piek = overstappen × aandeel in de piek × marktaandeel × piekuurfactor ÷ (werkdagen in de piek × werkuren × 3600 s).</p>
<table id="aannames"><thead><tr><th>aanname</th><th>waarde</th><th>toelichting</th></tr></thead>
<tbody>${r.aannames.map((a) => html`<tr><td>${a.naam}</td><td class="n">${getal(a.waarde)}</td><td>${a.toelichting}</td></tr>`)}</tbody></table>
<h2>Leerlingen <span class="en">· pupils</span></h2>
<p id="leerlingen">${r.leerlingen.verschillend} verschillende leerlingen: ${r.leerlingen.fixture} testleerlingen uit fixtures/leerlingen.yaml en ${r.leerlingen.gegenereerd} gegenereerde (seed ${r.seed}, met geldig BSN of onderwijsnummer), alle vooraf klaargezet.
${r.leerlingen.zorg} van hen hebben een zorgdossier met bijlagen, ${r.leerlingen.veelBijlagen} daarvan met veel bijlagen; per uitwisseling is ${procent(1 - zorgAandeel)} een regulier dossier en ${procent(zorgAandeel)} een zorgdossier.
${r.leerlingen.getrokken} leerlingen kwamen in de gemeten uitwisselingen aan de beurt.${r.leerlingen.perRol.bron !== undefined && r.leerlingen.perRol.bron < r.leerlingen.verschillend ? ` Als bron kent de LAS alleen de testleerlingen: daar zijn ${r.leerlingen.perRol.bron} leerlingen gebruikt.` : ''}</p>
</body>
</html>
`;
  return pagina.markup;
}
