/*
 * Synthetic dossiers of gegevensset 2019.1: deterministic for a seed, for every profile (POPO, POVO, VOVO, binnen-BRIN,
 * POSWV, VOSWV) in two variants — "volledig" fills every optional category, "opt-uit" marks every optional category
 * OPT-UIT and leaves its data out — optionally as a zorgdossier (onderwijsondersteuning with diagnoses, handelingsplan,
 * OPP, TLV and attachments that are real ZIPs holding PDF, PNG and TXT files). Pupils have a BSN or an onderwijsnummer
 * (none in SWV profiles, where both are forbidden), some have a secret address. Every generated dossier validates
 * without any finding.
 *
 * A fixture pupil (leerling.ts) can be passed in: its identity, address, parents, school career and advice are used as
 * they are, the rest is generated from the seed — that is how the testscholen and the reference LAS build the dossiers
 * they klaarzetten.
 */
import type { Adres as LeerlingAdres, Leerling, Schoolloopbaan as LeerlingSchoolloopbaan, Verzorger as LeerlingVerzorger } from '../leerling.ts';
import { controlecijfer, type Pgn } from '../pgn.ts';
import { profielKenmerken, type Profiel } from '../profile.ts';
import { categorieen2019, profielUitlevering2019, type Uitlevering } from '../versies/2019.1/categorieen.ts';
import { codelijsten2019 } from '../versies/2019.1/codelijsten.ts';
import { identiteit2019 } from '../versies/2019.1/identiteit.ts';
import type * as M from '../versies/2019.1/model.ts';
import { vroegsteToetsdatum } from '../versies/2019.1/regels-ov.ts';
import type { GegevenssetVersie } from '../versies/versie.ts';
import { dagenInMaand, leesXsdDatum, type XsdDatum } from '../xsd-waarden.ts';
import { dossierToXml } from '../dossier-xml.ts';
import { alsBestandsinhoud, maakPdf, maakPng, maakTekst, type Bestandssoort } from './bestanden.ts';
import { achternamen, jongensnamen, meisjesnamen, plaatsen, schoolnamen, straten, toetsen, vakken } from './namen.ts';
import { Prng } from './prng.ts';

export type Variant = 'volledig' | 'opt-uit';

/** The sending school as the dossier names it. */
export interface SchoolInvoer {
  naam: string;
  brincode: string;
  vestigingscode: string;
  aanleverpunt: string;
  adres: LeerlingAdres;
  telefoon: string;
  email?: string;
  /** `huidigeschool/soort`, e.g. SO (OVa.OA02 exempts SO schools from the VO advice). */
  soort?: string;
}

export interface GeneratorOptions {
  profiel: Profiel;
  /** Default 'volledig'. */
  variant?: Variant;
  /** Same seed, same dossier. Default 1. */
  seed?: number | string;
  /** A zorgdossier: onderwijsondersteuning and handelingsplannen delivered, with attachments, also in 'opt-uit'. */
  zorg?: boolean;
  /** A fixture pupil; without one, a pupil is generated from the seed. */
  leerling?: Leerling;
  /** The sending school; generated from the seed when absent. */
  school?: SchoolInvoer;
  /** `metadata/datum` (YYYY-MM-DD); generated within the 2019-2020 school year when absent. */
  datum?: string;
  pakket?: { naam: string; versie: string };
  /**
   * The release identity to write (namespace, standaardversie, validatieversie). Default 2019.1; another identity gives a
   * 2019.1-shaped dossier that claims that release — what a LAS still on last year's release would deliver.
   */
  versie?: GegevenssetVersie;
  /** For a generated pupil in a transfer profile: BSN or onderwijsnummer (default: mostly BSN). */
  pgn?: 'bsn' | 'onderwijsnummer';
  /** For a generated pupil: force a secret address (default: about one in six). */
  adresgeheim?: boolean;
  /** Approximate size in bytes of each attachment file (default 400; larger files make larger dossiers). */
  bijlageGrootte?: number;
  /**
   * Deliberate mistakes, for the reference LAS's named faults: a PGN in an SWV dossier (rule PaO.LL12), or the data of
   * categories the parents opted out of while they stay marked OPT-UIT (the OS.cat rules).
   */
  fouten?: { pgnInSwv?: boolean; optUitMetGegevens?: boolean };
}

const tekstDatum = (d: XsdDatum) => `${String(d.jaar).padStart(4, '0')}-${String(d.maand).padStart(2, '0')}-${String(d.dag).padStart(2, '0')}`;

function plusDagen(d: XsdDatum, dagen: number): XsdDatum {
  const t = new Date(Date.UTC(d.jaar, d.maand - 1, d.dag) + dagen * 86_400_000);
  return { jaar: t.getUTCFullYear(), maand: t.getUTCMonth() + 1, dag: t.getUTCDate() };
}

function datumVan(jaar: number, maand: number, dag: number): XsdDatum {
  return { jaar, maand, dag: Math.min(dag, dagenInMaand(jaar, maand)) };
}

/** The calendar year in which the school year containing `d` started (1 August boundary). */
function schooljaarStart(d: XsdDatum): number {
  return d.maand >= 8 ? d.jaar : d.jaar - 1;
}

/** A generated BSN or onderwijsnummer that passes the check digit and looks obviously synthetic (999… / 109…). */
export function maakPgn(prng: Prng, soort: 'bsn' | 'onderwijsnummer'): Pgn {
  for (;;) {
    const eersteAcht = soort === 'bsn' ? `999${prng.cijfers(5)}` : `109${prng.cijfers(5)}`;
    const c = controlecijfer(eersteAcht, soort === 'bsn' ? 0 : 5);
    if (c !== undefined) return { soort, waarde: `${eersteAcht}${c}` };
  }
}

interface Pupil {
  voornaam: string;
  roepnaam?: string;
  voorvoegsel?: string;
  achternaam: string;
  voorletters: string;
  geboortedatum: XsdDatum;
  geslacht: string;
  adresgeheim: boolean;
  adres: LeerlingAdres;
  pgn?: Pgn;
  leerlingid: string;
  datuminschrijving: string;
  verzorgers: LeerlingVerzorger[];
  schoolloopbaan: LeerlingSchoolloopbaan[];
  advies: string;
}

class Bouwer {
  readonly zaad: string;
  readonly prng: Prng;
  readonly profiel: Profiel;
  readonly variant: Variant;
  readonly datum: XsdDatum;
  readonly sector: 'PO' | 'VO';
  readonly uitlevering: Record<M.CategorieNaam, Uitlevering>;
  readonly bijlageGrootte: number;
  #documentnummer = 0;

  constructor(readonly opties: GeneratorOptions) {
    this.profiel = opties.profiel;
    this.variant = opties.variant ?? 'volledig';
    this.zaad = `${opties.profiel}|${this.variant}|${opties.zorg ? 'zorg' : ''}|${String(opties.seed ?? 1)}|${opties.leerling?.id ?? ''}`;
    this.prng = new Prng(this.zaad);
    const gegeven = opties.datum === undefined ? undefined : leesXsdDatum(opties.datum);
    if (opties.datum !== undefined && gegeven === undefined) throw new Error(`datum '${opties.datum}' is geen geldige datum (JJJJ-MM-DD)`);
    this.datum = gegeven ?? plusDagen({ jaar: 2019, maand: 9, dag: 2 }, this.prng.getal(0, 300));
    const kenmerken = profielKenmerken[opties.profiel];
    this.sector = opties.profiel === 'binnen-BRIN' ? (opties.leerling ? 'PO' : this.prng.kies(['PO', 'VO'] as const)) : kenmerken.bronSector;
    const zorgcategorieen = new Set<M.CategorieNaam>(['cat_onderwijsondersteuning', 'cat_handelingsplannen']);
    const tabel = profielUitlevering2019[opties.profiel];
    this.uitlevering = Object.fromEntries(
      categorieen2019.map((c) => {
        const basis = tabel[c.naam];
        const uit: Uitlevering = basis === 'OPTIONEEL' && this.variant === 'opt-uit' && !(opties.zorg && zorgcategorieen.has(c.naam)) ? 'OPT-UIT' : basis;
        return [c.naam, uit];
      }),
    ) as Record<M.CategorieNaam, Uitlevering>;
    this.bijlageGrootte = opties.bijlageGrootte ?? 400;
  }

  levert(c: M.CategorieNaam): boolean {
    const u = this.uitlevering[c];
    return u === 'VERPLICHT' || u === 'OPTIONEEL' || (u === 'OPT-UIT' && this.opties.fouten?.optUitMetGegevens === true);
  }

  get volledig(): boolean {
    return this.variant === 'volledig';
  }

  get isSwv(): boolean {
    return profielKenmerken[this.profiel].familie === 'PaO';
  }

  datumTussen(van: XsdDatum, tot: XsdDatum): XsdDatum {
    const a = Date.UTC(van.jaar, van.maand - 1, van.dag);
    const b = Date.UTC(tot.jaar, tot.maand - 1, tot.dag);
    if (b <= a) return van;
    return plusDagen(van, this.prng.getal(0, Math.floor((b - a) / 86_400_000)));
  }

  document(soort: Bestandssoort, naam: string, omschrijving: string, regels: readonly string[]): M.Document {
    this.#documentnummer++;
    const bestandsnaam = `${naam}.${soort}`;
    // File bytes come from their own stream, so the size of the attachments never changes the rest of the dossier.
    const bytes = new Prng(`${this.zaad}|bijlage|${this.#documentnummer}`);
    const inhoud =
      soort === 'pdf'
        ? maakPdf([omschrijving, ...regels], bytes, this.bijlageGrootte)
        : soort === 'png'
          ? maakPng(bytes, this.bijlageGrootte)
          : maakTekst([omschrijving, ...regels], this.bijlageGrootte);
    return { bestandsnaam, omschrijving, bestandsinhoud: alsBestandsinhoud(bestandsnaam, inhoud) };
  }

  communicatie(soort: 'telefoon' | 'e-mail', nummer: string, aanduiding: 'werk' | 'prive' | 'overig', geheim = false): M.Communicatie {
    if (geheim) return { soort, aanduiding, nummer: soort === 'telefoon' ? '9999999999' : 'geheim@geheim.geheim', geheim: 'true' };
    return { soort, aanduiding, nummer, ...(this.prng.kans(0.3) ? { geheim: 'false' } : {}), ...(this.prng.kans(0.2) ? { noodnummer: 'true' } : {}) };
  }

  telefoon(): string {
    return `06${this.prng.cijfers(8)}`;
  }

  email(naam: string): string {
    const lokaal = naam.normalize('NFD').replace(/[^A-Za-z]/g, '').toLowerCase() || 'ouder';
    return `${lokaal}${this.prng.getal(1, 99)}@voorbeeld.invalid`;
  }

  adres(a: LeerlingAdres, soortadres: string): M.Adres {
    const gemeente = plaatsen.find((p) => p.plaats === a.plaatsnaam)?.gemeente;
    return {
      soortadres,
      straat: a.straatnaam,
      nummer: a.huisnummer,
      postcode: a.postcode,
      plaats: a.plaatsnaam,
      ...(gemeente ? { gemeente } : {}),
      ...(this.volledig ? { land: { '#text': '6030', '@omschrijving': 'Nederland' } } : {}),
    };
  }

  willekeurigAdres(): LeerlingAdres {
    const p = this.prng.kies(plaatsen);
    return {
      straatnaam: this.prng.kies(straten),
      huisnummer: String(this.prng.getal(1, 250)),
      postcode: `9${this.prng.cijfers(3)} ${this.prng.kies(['XA', 'XB', 'ZZ', 'QT'])}`,
      plaatsnaam: p.plaats,
    };
  }
}

function genereerPupil(b: Bouwer): Pupil {
  const { prng } = b;
  const geslacht = prng.kans(0.05) ? '0' : prng.kies(['1', '2']);
  const voornaam = prng.kies(geslacht === '1' ? meisjesnamen : geslacht === '2' ? jongensnamen : [...meisjesnamen, ...jongensnamen]);
  const tweede = prng.kans(0.4) ? prng.kies([...jongensnamen, ...meisjesnamen]) : undefined;
  const naam = prng.kies(achternamen);
  const leeftijd =
    b.profiel === 'POVO'
      ? 11
      : b.sector === 'PO'
        ? prng.getal(5, 10)
        : prng.getal(12, 15);
  const geboortedatum = plusDagen(datumVan(b.datum.jaar - leeftijd - 1, b.datum.maand, b.datum.dag), prng.getal(1, 360));
  const adresgeheim = b.opties.adresgeheim ?? prng.kans(1 / 6);
  const pgn = b.isSwv ? undefined : maakPgn(prng, b.opties.pgn ?? (prng.kans(0.2) ? 'onderwijsnummer' : 'bsn'));
  const startjaar = b.sector === 'PO' ? geboortedatum.jaar + 4 : schooljaarStart(b.datum) - prng.getal(0, 2);
  const inschrijving = b.sector === 'PO' ? plusDagen(geboortedatum, 4 * 365 + prng.getal(1, 30)) : datumVan(startjaar, 8, prng.getal(15, 31));
  const verzorgers: LeerlingVerzorger[] = [];
  const aantalVerzorgers = prng.kies([1, 2, 2, 2]);
  for (let i = 0; i < aantalVerzorgers; i++) {
    const ouder = i === 0 ? naam : prng.kies(achternamen);
    verzorgers.push({
      achternaam: ouder.achternaam,
      ...(ouder.voorvoegsel ? { voorvoegsel: ouder.voorvoegsel } : {}),
      voorletters: `${prng.kies(['A', 'J', 'M', 'S', 'R', 'Ö', 'É'])}.`,
      relatietotkind: i === 0 ? prng.kies(['1', '2']) : prng.kies(['1', '2', '3', '6']),
      wettigevertegenwoordiger: true,
      telefoon: b.telefoon(),
      ...(prng.kans(0.7) ? { email: b.email(ouder.achternaam) } : {}),
    });
  }
  return {
    voornaam: tweede ? `${voornaam} ${tweede}` : voornaam,
    ...(prng.kans(0.5) ? { roepnaam: voornaam } : {}),
    ...(naam.voorvoegsel ? { voorvoegsel: naam.voorvoegsel } : {}),
    achternaam: naam.achternaam,
    voorletters: `${voornaam[0]}.${tweede ? `${tweede[0]}.` : ''}`,
    geboortedatum,
    geslacht,
    adresgeheim,
    adres: b.willekeurigAdres(),
    ...(pgn ? { pgn } : {}),
    leerlingid: `LL-${prng.cijfers(6)}`,
    datuminschrijving: tekstDatum(inschrijving),
    verzorgers,
    schoolloopbaan: [],
    advies: prng.kies(codelijsten2019.voAdvies.waarden),
  };
}

function pupilVanFixture(b: Bouwer, l: Leerling): Pupil {
  const geboortedatum = leesXsdDatum(l.geboortedatum);
  if (geboortedatum === undefined) throw new Error(`Leerling ${l.id}: geboortedatum '${l.geboortedatum}' is geen datum`);
  const delen = l.voornaam.split(/\s+/).filter(Boolean);
  return {
    voornaam: l.voornaam,
    ...(l.roepnaam ? { roepnaam: l.roepnaam } : {}),
    ...(l.voorvoegsel ? { voorvoegsel: l.voorvoegsel } : {}),
    achternaam: l.achternaam,
    voorletters: delen.map((d) => `${d[0]}.`).join(''),
    geboortedatum,
    geslacht: l.geslacht,
    adresgeheim: l.adresgeheim,
    adres: l.adres,
    ...(b.isSwv && !b.opties.fouten?.pgnInSwv ? {} : { pgn: l.pgn }),
    leerlingid: l.leerlingid,
    datuminschrijving: l.datuminschrijving,
    verzorgers: l.verzorgers,
    schoolloopbaan: l.schoolloopbaan,
    advies: l.advies,
  };
}

function jaargroepVoor(b: Bouwer, p: Pupil, schooljaar: number): string {
  const leeftijd = schooljaar - p.geboortedatum.jaar;
  if (b.sector === 'PO') return String(Math.min(8, Math.max(1, leeftijd - 4)));
  return String(Math.min(16, Math.max(11, leeftijd - 1)));
}

function schoolloopbaan(b: Bouwer, p: Pupil, school: SchoolInvoer): M.Schoolloopbaan[] {
  if (p.schoolloopbaan.length > 0) {
    return p.schoolloopbaan.map((s) => ({ schooljaar: s.schooljaar, groepscode: s.groepscode, jaargroep: s.jaargroep, brincode: school.brincode, vestigingscode: school.vestigingscode }));
  }
  const huidig = schooljaarStart(b.datum);
  const aantal = b.prng.getal(1, 3);
  const uit: M.Schoolloopbaan[] = [];
  for (let j = huidig - aantal + 1; j <= huidig; j++) {
    const jaargroep = jaargroepVoor(b, p, j);
    uit.push({
      schooljaar: `${j}-${j + 1}`,
      groepscode: `${jaargroep}${b.prng.kies(['A', 'B', 'C'])}`,
      ...(b.volledig ? { groepsnaam: `Groep ${jaargroep}`, begindatum: `${j}-08-${String(b.prng.getal(15, 31))}` } : {}),
      jaargroep,
      brincode: school.brincode,
      vestigingscode: school.vestigingscode,
      ...(b.volledig && b.sector === 'VO' ? { voelementcode: b.prng.cijfers(4) } : {}),
    });
  }
  return uit;
}

function verzorger(b: Bouwer, v: LeerlingVerzorger, geheim: boolean): M.Verzorger {
  const communicatie: M.Communicatie[] = [];
  if (v.telefoon) communicatie.push(b.communicatie('telefoon', v.telefoon, 'prive', geheim));
  if (v.email) communicatie.push(b.communicatie('e-mail', v.email, 'prive', geheim && b.prng.kans(0.5)));
  return {
    'voorletters-1': v.voorletters,
    ...(v.voorvoegsel ? { voorvoegsel: v.voorvoegsel } : {}),
    achternaam: v.achternaam,
    ...(geheim ? { adresgeheim: 'true' } : {}),
    ...(communicatie.length ? { communicatielijst: { communicatie } } : {}),
    relatietotkind: v.relatietotkind,
    wettigevertegenwoordiger: v.wettigevertegenwoordiger ? 'true' : 'false',
    ...(b.volledig && !b.isSwv && b.prng.kans(0.5) ? { iban: `NL${b.prng.cijfers(2)}TEST0${b.prng.cijfers(9)}` } : {}),
  };
}

function onderwijsondersteuning(b: Bouwer, p: Pupil): M.Onderwijsondersteuning | undefined {
  const ondersteuning = b.levert('cat_onderwijsondersteuning');
  const plannen = b.levert('cat_handelingsplannen');
  if (!ondersteuning && !plannen) return undefined;
  const { prng } = b;
  const jaar = schooljaarStart(b.datum);
  const o: M.Onderwijsondersteuning = {};
  if (ondersteuning) {
    const naam = `${p.achternaam}`.replace(/[^A-Za-z0-9]+/g, '');
    o.toelichting_onderwijsbehoeften = {
      document: b.document('pdf', `Toelichting-${naam}`, 'Toelichting onderwijsbehoeften', ['Onderwijsbehoeften van de leerling (synthetisch voorbeeld).']),
    };
    const codes = prng.kiesMeerdere(codelijsten2019.diagnose.waarden, prng.getal(1, 3));
    o.diagnose = [
      {
        code: codes.slice(0, 2),
        naam: 'Diagnose (synthetisch voorbeeld)',
        datum: `${jaar - 1}-${String(prng.getal(1, 12)).padStart(2, '0')}-15`,
        doorwie: 'Drs. T. Proef',
        instantie: 'Testcentrum voor Diagnostiek',
        document: [
          b.document('pdf', `Diagnose-verklaring-${naam}`, 'Diagnostisch onderzoek verklaring', ['Verklaring (synthetisch).']),
          b.document('png', `Diagnose-grafiek-${naam}`, 'Diagnostisch onderzoek grafiek', []),
          b.document('txt', `Diagnose-advies-${naam}`, 'Handelingsgericht advies', ['Advies in tekst (synthetisch).']),
          ...Array.from({ length: b.opties.leerling?.extraBijlagen ?? 0 }, (_, i) =>
            b.document((['pdf', 'png', 'txt'] as const)[i % 3]!, `Onderzoeksverslag-${i + 1}-${naam}`, `Onderzoeksverslag ${i + 1}`, ['Verslag (synthetisch).']),
          ),
        ],
      },
      ...(codes.length > 2 ? [{ code: [codes[2]!], naam: 'Tweede diagnose (synthetisch)' }] : []),
    ];
    o.medicijngebruik = prng.kies(['true', 'false']);
    if (b.sector === 'PO') {
      o.opp = { opp_ingangdatum: `${jaar}-09-01`, document: [b.document('pdf', `OPP-${naam}`, 'OPP', ['Ontwikkelingsperspectief (synthetisch).'])] };
    }
    o.tlv = [
      {
        tlvingangdatum: `${jaar}-08-01`,
        tlvswvnummer: `SWV ${prng.cijfers(2)}.${prng.cijfers(2)}`,
        tlvcategorie: prng.kies(codelijsten2019.tlvCategorie.waarden),
        tlvbeschikkingsnummer: `TLV-${prng.cijfers(6)}`,
        tlveinddatum: `${jaar + 1}-07-31`,
        document: b.document('pdf', `TLV-${naam}`, 'TLV beschikking', ['Toelaatbaarheidsverklaring (synthetisch).']),
      },
    ];
    o.arrangement_pao = [{ arrangement_datum: `${jaar}-10-01`, arrangement_kenmerk: 'Licht arrangement lezen' }];
    if (b.sector === 'VO') {
      o.lwoo = {
        lwoo_ingangdatum: `${jaar}-08-01`,
        lwoo_swvnummer: `VO ${prng.cijfers(2)}.${prng.cijfers(2)}`,
        lwoo_beschikkingsnummer: `LWOO-${prng.cijfers(5)}`,
        lwoo_einddatum: `${jaar + 2}-07-31`,
        document: b.document('txt', `LWOO-${naam}`, 'LWOO-aanwijzing', ['Aanwijzing leerwegondersteuning (synthetisch).']),
      };
    }
  }
  if (plannen) {
    o.handelingsplan = [
      {
        startdatum: `${jaar}-09-15`,
        isgerichtop: prng.kies(['rekenvaardigheid', 'technisch lezen', 'werkhouding']),
        document: b.document('pdf', `Handelingsplan-${prng.cijfers(3)}`, 'Handelingsplan', ['Doelen en aanpak (synthetisch).']),
      },
    ];
  }
  return o;
}

function eindtoets(b: Bouwer): M.EindtoetsBasisonderwijs {
  const { prng } = b;
  const afname = schooljaarStart(b.datum) + (b.datum.maand >= 5 && b.datum.maand < 8 ? 1 : 0);
  const deelgenomen = prng.kans(0.85);
  const onderdelen: M.EindtoetsOnderdeel[] = [
    {
      onderdeelcode: '8000',
      onderdeelomschrijving: 'Taal',
      ond_referentieniveau: prng.kies(codelijsten2019.referentieniveau.waarden),
      domeinen: { domein: [{ domeincode: '8050', dom_referentieniveau: prng.kies(codelijsten2019.referentieniveau.waarden) }, { domeincode: '8051' }] },
    },
    { onderdeelcode: '8001', onderdeelomschrijving: 'Rekenen', ond_referentieniveau: prng.kies(codelijsten2019.referentieniveau.waarden) },
  ];
  const resultaat: M.Eindtoetsresultaat = {
    toetssoort: prng.kies(codelijsten2019.eindtoetsSoort.waarden),
    toetsniveau: 'G',
    datum_afname: `${afname - 1}-04-${String(prng.getal(10, 25))}`,
    ...(deelgenomen
      ? { standaardscore: String(prng.getal(501, 550)), toets_advies: prng.kies(['vmbo-gt/havo', 'havo/vwo', 'vwo', 'vmbo-kader']), onderdelen: { onderdeel: onderdelen } }
      : { wettelijke_ontheffing: 'J', onderdelen: {} }),
  };
  return {
    eindtoetsresultaat: resultaat,
    deelgenomen: deelgenomen ? 'true' : 'false',
    ...(b.volledig && deelgenomen ? { document: [b.document('pdf', `Eindtoets-${prng.cijfers(4)}`, 'Leerlingrapport eindtoets', ['Uitslag (synthetisch).'])] } : {}),
  };
}

function toetslijst(b: Bouwer, p: Pupil): { toets: M.Toets[] } {
  const { prng } = b;
  const vanaf = vroegsteToetsdatum(b.datum); // what OVa.TR04 allows a POVO dossier: this and the two previous school years
  const uit: M.Toets[] = [];
  for (const t of prng.kiesMeerdere(toetsen, prng.getal(2, 4))) {
    const afnamedatum = b.datumTussen(vanaf, b.datum);
    const metDocument = prng.kans(0.3);
    uit.push({
      toetsidentificatie: { eldtoetscode: t.code, leergebied: t.leergebied, toetsnaam: t.naam },
      afname: { afnamedatum: tekstDatum(afnamedatum), jaargroep: jaargroepVoor(b, p, schooljaarStart(afnamedatum)) },
      resultaat: {
        toetsscore: { vaardigheidsscore: String(prng.getal(20, 120)), ...(prng.kans(0.5) ? { aantalopgaven: '40', aantalgoed: String(prng.getal(10, 40)) } : {}) },
        referentiescore: [{ codereferentiescore: prng.kies(['AE', 'DLE', 'Percentiel', 'Stanine']), codevergelijkingsgroep: 'Landelijk', waarde: String(prng.getal(1, 99)) }],
        ...(metDocument ? { document: b.document('png', `Toets-${t.code}`, `Resultaat ${t.naam}`, []) } : {}),
      },
      ...(prng.kans(0.3) ? { toetsonderdeel: [{ eldonderdeelcode: `${t.code}-1`, onderdeelnaam: 'Onderdeel 1', resultaat: { toetsscore: { aantalgoed: String(prng.getal(5, 20)) } } }] } : {}),
    });
  }
  return { toets: uit };
}

function cijferlijsten(b: Bouwer, p: Pupil): { cijferlijst: M.Cijferlijst[] } {
  const { prng } = b;
  const cijfer = () => (prng.getal(45, 95) / 10).toFixed(1);
  const groep = (naam: string): M.CijferlijstGroep => ({
    naam,
    onderdeel: prng.kiesMeerdere(vakken, 3).map((v) => ({ naam: v, score: prng.kans(0.8) ? { waarde: cijfer() } : { kwalificatie: prng.kies(['goed', 'voldoende', 'matig']) } })),
    score: [{ waarde: cijfer() }],
  });
  return {
    cijferlijst: [
      {
        cijferlijstTypelijst: [groep('Rapport 1'), ...(prng.kans(0.5) ? [groep('Rapport 2')] : [])],
        jaargroep: jaargroepVoor(b, p, schooljaarStart(b.datum)),
        periode: prng.kies(['periode 1', 'periode 2']),
      },
    ],
  };
}

function vombo(b: Bouwer): Partial<M.Leerling> {
  const { prng } = b;
  const jaar = schooljaarStart(b.datum);
  return {
    bevorderd: { elementcode: prng.cijfers(4), leerjaar: String(prng.getal(1, 4)) },
    examenresultaat: { soortdiploma: 'VMBO-GL', examenjaar: String(jaar), examenuitslag: prng.kies(codelijsten2019.examenuitslag.waarden) },
    resultaatvakkenvo: [
      { vakcode: prng.cijfers(4), vakleergebied: 'Nederlands', afgerond: 'true', datumafgerond: `${jaar}-06-20`, examenvak: 'true', cijferce: (prng.getal(50, 90) / 10).toFixed(1) },
      { vakcode: prng.cijfers(4), vakleergebied: 'Lichamelijke opvoeding', afgerond: 'true', examenvak: 'false', beoordelingexamenvak: 'voldoende' },
      { vakcode: prng.cijfers(4), vakleergebied: 'Wiskunde', afgerond: 'false', examenvak: 'true', cijferse: ['6.5', '7.1'] },
    ],
    certificaat: ['Certificaat Proefvaardigheid'],
    competenties: [{ competentiecategorie: 'Samenwerken', competentiestatus: 'Goed' }],
    stage: [{ begindatum: `${jaar}-02-01`, einddatum: `${jaar}-02-28`, soortstage: 'Snuffelstage', instelling: { naam: 'Proefbedrijf B.V.' }, beoordeling: 'voldoende' }],
    overigvombo: { keuzevervolgopleiding: 'MBO Proeftechniek', beroepskeuzetest: 'true', portfolio: 'true', pop: 'false', motivatiebrief: 'true', lobdossier: 'true' },
  };
}

function leerlingBlok(b: Bouwer, p: Pupil, school: SchoolInvoer): M.Leerling {
  const { prng } = b;
  const l: M.Leerling = {
    voornaam: [p.voornaam],
    'voorletters-1': p.voorletters,
    ...(p.voorvoegsel ? { voorvoegsel: p.voorvoegsel } : {}),
    achternaam: p.achternaam,
    ...(p.roepnaam ? { roepnaam: p.roepnaam } : {}),
    geboortedatum: tekstDatum(p.geboortedatum),
    geslacht: p.geslacht,
    adresgeheim: p.adresgeheim ? 'true' : 'false',
    ...(p.adresgeheim ? {} : { adreslijst: { adres: [b.adres(p.adres, 'gba')] } }),
    ...(p.pgn ? { [p.pgn.soort]: p.pgn.waarde } : {}),
    leerlingid: p.leerlingid,
    datuminschrijving: p.datuminschrijving,
  };
  if (b.volledig) {
    l.communicatielijst = {
      communicatie: [b.communicatie('telefoon', b.telefoon(), 'prive', p.adresgeheim), b.communicatie('e-mail', b.email(p.voornaam), 'prive', p.adresgeheim)],
    };
    l.gba = {
      gbavoornaam: p.voornaam.split(/\s+/),
      ...(p.voorvoegsel ? { gbavoorvoegsel: p.voorvoegsel } : {}),
      gbaachternaam: p.achternaam,
      gbageboortedatum: `${String(p.geboortedatum.dag).padStart(2, '0')}-${String(p.geboortedatum.maand).padStart(2, '0')}-${p.geboortedatum.jaar}`,
    };
    l.onderwijssinds = p.datuminschrijving;
    l.startdatumhuidigonderwijs = p.datuminschrijving;
    if (b.sector === 'PO') l.leerlinggewicht = prng.kies(codelijsten2019.gewicht.waarden);
    l.nnca = prng.kies(codelijsten2019.nnca.waarden);
    l.tehuis = 'false';
    l.huisarts = {
      'voorletters-1': 'H.',
      achternaam: 'Huisarts-Proef',
      adreslijst: { adres: [b.adres(b.willekeurigAdres(), 'bezoek')] },
      communicatielijst: { communicatie: [{ soort: 'telefoon', aanduiding: 'werk', nummer: `0${prng.cijfers(9)}` }] },
    };
  }
  if (b.levert('cat_oudersverzorgers')) {
    const aansprakelijk = p.verzorgers.length > 0 && !(b.opties.leerling === undefined && prng.kans(0.1));
    l.verzorgersaansprakelijk = aansprakelijk ? 'true' : 'false';
    if (!aansprakelijk) l.aansprakelijkeinstelling = { naam: 'Jeugdzorg Proefregio', communicatielijst: { communicatie: [{ soort: 'telefoon', aanduiding: 'werk', nummer: `0${prng.cijfers(9)}` }] } };
    if (p.verzorgers.length > 0) l.verzorger = p.verzorgers.map((v) => verzorger(b, v, p.adresgeheim));
    if (b.volledig && p.verzorgers.length > 0 && prng.kans(0.3)) {
      l.verzorger!.push({ achternaam: p.achternaam, relatietotkind: '5', overleden: 'true', ...(prng.kans(0.5) ? { overlijdensdatum: `${b.datum.jaar - 3}-05-01` } : {}), wettigevertegenwoordiger: 'false' });
    }
  }
  if (b.levert('cat_vve')) {
    l.vanpeuterspeelzaal = 'true';
    l.naampeuterspeelzaal = 'Peuterspeelzaal Het Proefje';
    l.voorschools = { codevoorschoolsprogramma: String(prng.getal(1, 15)), voorschoolsemaanden: String(prng.getal(1, 24)), codevoorschoolsetoeleider: String(prng.getal(1, 9)) };
    l.vroegschools = [{ codevroegschoolsprogramma: String(prng.getal(1, 15)), vroegschoolsdatumingang: p.datuminschrijving }];
  }
  if (b.levert('cat_overstapadvies')) {
    const contact = prng.kans(0.4);
    l.overstapadvies = {
      advies: p.advies,
      ...(b.volledig ? { wensouders: prng.kies(codelijsten2019.voAdvies.waarden), profiel: prng.kies(codelijsten2019.profiel.waarden), argumentatie: 'Werkt zelfstandig (synthetisch).' } : {}),
      contactnodig: contact ? 'true' : 'false',
      ...(contact ? { contactpersoon: `${school.naam}, intern begeleider`, contacttelefoon: school.telefoon } : {}),
      ...(b.volledig ? { aandachtspunten: 'Extra aandacht voor plannen (synthetisch).' } : {}),
    };
  }
  if (b.levert('cat_schoolloopbaan')) l.schoolloopbaanlijst = { schoolloopbaan: schoolloopbaan(b, p, school) };
  const ondersteuning = onderwijsondersteuning(b, p);
  if (ondersteuning) l.onderwijsondersteuning = ondersteuning;
  if (b.levert('cat_verzuim')) {
    l.verzuim = {
      ...(b.sector === 'PO' ? { dagdelengeoorloofd: String(prng.getal(0, 12)), dagdelenongeoorloofd: String(prng.getal(0, 3)) } : { urengeoorloofd: String(prng.getal(0, 40)), urenongeoorloofd: String(prng.getal(0, 8)) }),
      meerdan25percent: 'false',
      frequentie: String(prng.getal(0, 4)),
      contactleerplicht: 'false',
      rmcmelding: 'false',
      ...(b.volledig ? { documentLijst: { document: [b.document('txt', `Verzuimoverzicht-${prng.cijfers(3)}`, 'Verzuimoverzicht', ['Verzuim per maand (synthetisch).'])] } } : {}),
    };
  }
  if (b.levert('cat_eindtoetsbo')) l.eindtoets_basisonderwijs = eindtoets(b);
  if (b.levert('cat_toetsresultaten')) l.toetslijst = toetslijst(b, p);
  if (b.levert('cat_cijferlijsten')) l.cijferlijstlijst = cijferlijsten(b, p);
  if (b.levert('cat_bijlagedocs')) {
    l.overigdocumentlijst = {
      document: [
        b.document('pdf', `Rapport-${prng.cijfers(3)}`, 'Rapport', ['Rapport van de leerling (synthetisch).']),
        b.document('txt', `Notitie-${prng.cijfers(3)}`, 'Notitie', ['Een notitie.']),
      ],
    };
  }
  if (b.levert('cat_vombo')) Object.assign(l, vombo(b));
  return l;
}

function willekeurigeSchool(b: Bouwer): SchoolInvoer {
  const { prng } = b;
  return {
    naam: prng.kies(schoolnamen),
    brincode: `${prng.cijfers(2)}${prng.kies(['YY', 'XA', 'QZ', 'TB'])}`,
    vestigingscode: '00',
    aanleverpunt: '1',
    adres: b.willekeurigAdres(),
    telefoon: `0${prng.cijfers(9)}`,
    email: 'administratie@school.invalid',
  };
}

/** A synthetic dossier of gegevensset 2019.1 as a typed object (write it with `dossierToXml`). */
export function generateDossier(opties: GeneratorOptions): M.Dossier {
  const b = new Bouwer(opties);
  const { prng } = b;
  const versie = opties.versie ?? identiteit2019;
  const kenmerken = profielKenmerken[opties.profiel];
  const school = opties.school ?? willekeurigeSchool(b);
  const pupil = opties.leerling ? pupilVanFixture(b, opties.leerling) : genereerPupil(b);
  const inzagedatum = b.datumTussen(plusDagen(b.datum, -30), b.datum);
  const akkoord = prng.kans(0.85) ? 'Ja' : 'Nee';
  const categorie_uitlevering: M.CategorieUitlevering = { ...b.uitlevering };
  return {
    metadata: {
      deeldossier: prng.kies(['LAS', 'LASLVS']),
      pakketnaam: opties.pakket?.naam ?? 'oso-testbank generator',
      pakketversie: opties.pakket?.versie ?? '1',
      datum: tekstDatum(b.datum),
      standaardversie: versie.standaardversie,
      validatieversie: versie.validatieversie,
      categorie_uitlevering,
      ...(kenmerken.overstap ? { overstap: kenmerken.overstap } : {}),
    },
    overdrachtsoort: kenmerken.overdrachtsoort,
    ...(b.levert('cat_ouderinzage')
      ? {
          inzage: {
            voorlopigdossier: 'false',
            inzage: 'true',
            inzagedatum: tekstDatum(inzagedatum),
            akkoord,
            ...(akkoord === 'Nee' ? { redennietakkoord: 'De ouders willen de toelichting eerst bespreken.' } : {}),
            ...(opties.profiel === 'VOVO' || prng.kans(0.5) ? { toestemming: 'Ja' } : {}),
          },
        }
      : {}),
    huidigeschool: {
      naam: school.naam,
      adreslijst: { adres: [b.adres(school.adres, 'bezoek')] },
      communicatielijst: {
        communicatie: [
          { soort: 'telefoon', aanduiding: 'werk', nummer: school.telefoon },
          ...(school.email ? [{ soort: 'e-mail', aanduiding: 'werk', nummer: school.email }] : []),
        ],
      },
      brincode: school.brincode,
      vestigingscode: school.vestigingscode,
      aanleverpunt: school.aanleverpunt,
      ...(school.soort ? { soort: school.soort } : {}),
      ...(b.volledig ? { naamdirecteur: 'J. Directeur-Proef', website: 'https://school.invalid' } : {}),
      leerling: leerlingBlok(b, pupil, school),
    },
  };
}

/** A synthetic dossier as XML text (see generateDossier). */
export function generateDossierXml(opties: GeneratorOptions, schrijf: { inspringen?: boolean } = {}): string {
  return dossierToXml(generateDossier(opties), { ...(opties.versie ? { versie: opties.versie } : {}), ...schrijf });
}

/**
 * The attachment size (`bijlageGrootte`) that makes the dossier of `opties` about `tekens` characters of XML: measured
 * at two sizes, since random bytes do not compress and the attachments grow the dossier linearly.
 */
export function bijlageGrootteVoor(tekens: number, opties: GeneratorOptions): number {
  const klein = generateDossierXml({ ...opties, bijlageGrootte: 1_000 }).length;
  const groot = generateDossierXml({ ...opties, bijlageGrootte: 11_000 }).length;
  const perByte = (groot - klein) / 10_000;
  return Math.max(0, Math.round(1_000 + (tekens - klein) / perByte));
}

/**
 * A synthetic dossier of about `tekens` characters of XML, made large through its attachments (see bijlageGrootteVoor):
 * for load tests and the bench.
 */
export function generateDossierXmlVanGrootte(tekens: number, opties: GeneratorOptions): string {
  return generateDossierXml({ ...opties, bijlageGrootte: bijlageGrootteVoor(tekens, opties) });
}
