/*
 * The transfer-profile rules of gegevensset 2019.1 (the official OV validator): OVa for `overstapdossier` (POPO, POVO,
 * VOVO) and OVb for `overdrachtbinnenbrin`. Each rule reports where the official validator reports: at the element its
 * template matched (metadata, dossier, inzage, huidigeschool, leerling, verzorger, overstapadvies,
 * eindtoets_basisonderwijs, toets, resultaat, toetsscore, score), and at the communicatie element for secret numbers.
 *
 * Intended rules where the official 2019.1 validator is defective (docs/gegevensset.md, "Divergences"): its leerling
 * template does not continue into the children, so the verzorger, overstapadvies, eindtoets, toets, resultaat,
 * toetsscore and score rules never fire there; here they do. OVa.EB03's exemption branch looks at the place where
 * wettelijke_ontheffing actually lives (eindtoetsresultaat). The one official check for secret communication
 * (OVa.LL08 = OVa.OV04, OVb.LL04 = OVb.OV02) is split by owner: a verzorger's numbers under OV04/OV02, all others
 * under LL08/LL04.
 */
import { is, regel, toon, type Regel, type RegelContext } from '../../regel.ts';
import { tekstknopen, type XmlElement } from '../../xml-reader.ts';
import { leesXsdDatum, vergelijkDatumMoment, type XsdDatum } from '../../xsd-waarden.ts';
import { identiteit2019 } from './identiteit.ts';

const OVERSTAP = 'overstapdossier';
const BINNEN_BRIN = 'overdrachtbinnenbrin';

const isOv = (ctx: RegelContext) => is(ctx.typeDocument, OVERSTAP);
const isBb = (ctx: RegelContext) => is(ctx.typeDocument, BINNEN_BRIN);

/** `//metadata/deeldossier/text()`: the official MD01 compares text nodes. */
export function deeldossiers(ctx: RegelContext): readonly string[] {
  return ctx.alle('deeldossier').filter((d) => d.ouder?.naam === 'metadata').flatMap(tekstknopen);
}

/** Runs `check` for the dossier's metadata element (the template `//od:dossier/od:metadata`). */
export function opMetadata(ctx: RegelContext, check: (metadata: XmlElement) => void): void {
  if (ctx.metadata) check(ctx.metadata);
}

function opLeerling(ctx: RegelContext, check: (leerling: XmlElement) => void): void {
  for (const l of ctx.alle('leerling')) check(l);
}

function binnenVerzorger(e: XmlElement, ns: string): boolean {
  for (let o = e.ouder; o !== undefined; o = o.ouder) if (o.naam === 'verzorger' && o.ns === ns) return true;
  return false;
}

/** Secret communication: a secret telephone number reads 9999999999, a secret e-mail address geheim@geheim.geheim. */
export function controleerGeheimeCommunicatie(ctx: RegelContext, vanVerzorger: boolean, id: string, profielnaam: string): void {
  for (const c of ctx.alle('communicatie')) {
    if (binnenVerzorger(c, ctx.ns) !== vanVerzorger || !ctx.waar(c, 'geheim')) continue;
    const soort = ctx.tekst(c, 'soort');
    const nummer = ctx.tekst(c, 'nummer') ?? '';
    const wie = vanVerzorger ? 'van een verzorger ' : '';
    if (soort === 'telefoon' && nummer !== '9999999999') {
      ctx.fout(id, c, `Geheim telefoonnummer ${wie}is '${nummer}'; in ${profielnaam} moet een geheim nummer als 9999999999 worden doorgegeven.`);
    }
    if (soort === 'e-mail' && nummer !== 'geheim@geheim.geheim') {
      ctx.fout(id, c, `Geheim e-mailadres ${wie}is '${nummer}'; in ${profielnaam} moet een geheim adres als geheim@geheim.geheim worden doorgegeven.`);
    }
  }
}

// ---- metadata ----

const md01 = regel(['OVa.MD01', 'OVb.MD01'], 'OV', 'Het dossier heeft een LAS-deel (deeldossier LAS of LASLVS). OVb.MD01 voor binnen-BRIN.', (ctx) =>
  opMetadata(ctx, (m) => {
    const delen = deeldossiers(ctx);
    if (!is(delen, 'LAS', 'LASLVS')) {
      ctx.fout(isBb(ctx) ? 'OVb.MD01' : 'OVa.MD01', m, `Het dossier moet een LAS-deel bevatten (deeldossier LAS of LASLVS); gevonden: ${delen.map((d) => `'${d}'`).join(', ') || 'geen deeldossier'}.`);
    }
  }),
);

const md02 = regel(['OVa.MD02', 'OVb.MD02'], 'OV', `metadata/validatieversie is '${identiteit2019.validatieversie}'. OVb.MD02 voor binnen-BRIN.`, (ctx) =>
  opMetadata(ctx, (m) => {
    const versies = ctx.kinderen(m, 'validatieversie').map((v) => v.tekst);
    if (!versies.includes(identiteit2019.validatieversie)) {
      ctx.fout(isBb(ctx) ? 'OVb.MD02' : 'OVa.MD02', m, `validatieversie is ${versies.map((v) => `'${v}'`).join(', ') || 'afwezig'}, moet '${identiteit2019.validatieversie}' zijn.`);
    }
  }),
);

const os03 = regel(['OVa.OS03', 'OVb.OS01'], 'OV', "overdrachtsoort is 'overstapdossier' of 'overdrachtbinnenbrin'. Gemeld als OVb.OS01 bij een dossier zonder overstap.", (ctx) =>
  opMetadata(ctx, (m) => {
    if (!isOv(ctx) && !isBb(ctx)) {
      const id = ctx.heeft(m, 'overstap') ? 'OVa.OS03' : 'OVb.OS01';
      ctx.fout(id, m, `overdrachtsoort is ${toon(ctx.typeDocument)}; een overstapprofiel vraagt 'overstapdossier' of 'overdrachtbinnenbrin'.`);
    }
  }),
);

const md03 = regel(['OVa.MD03', 'OVb.MD03'], 'OV', 'metadata bevat categorie_uitlevering. OVb.MD03 voor binnen-BRIN.', (ctx) =>
  opMetadata(ctx, (m) => {
    if ((isOv(ctx) || isBb(ctx)) && !ctx.heeft(m, 'categorie_uitlevering')) {
      ctx.fout(isBb(ctx) ? 'OVb.MD03' : 'OVa.MD03', m, `Een ${isBb(ctx) ? 'binnen-BRIN-dossier' : 'overstapdossier'} moet het blok categorie_uitlevering bevatten.`);
    }
  }),
);

const os01 = regel('OVa.OS01', 'OV', 'Een overstapdossier heeft metadata/overstap.', (ctx) =>
  opMetadata(ctx, (m) => {
    if (isOv(ctx) && !ctx.heeft(m, 'overstap')) ctx.fout('OVa.OS01', m, 'Een overstapdossier moet de soort overstap (metadata/overstap) bevatten.');
  }),
);

const os02 = regel('OVa.OS02', 'OV', 'In een overstapdossier is overstap POPO, POVO of VOVO.', (ctx) =>
  opMetadata(ctx, (m) => {
    if (isOv(ctx) && !is(ctx.typeOverstap, 'POPO', 'POVO', 'VOVO')) {
      ctx.fout('OVa.OS02', m, `overstap is ${toon(ctx.typeOverstap)}; een overstapdossier vraagt POPO, POVO of VOVO.`);
    }
  }),
);

// ---- inzage ----

const iz01 = regel('OVa.IZ01', 'OV', 'Een overstapdossier heeft het blok inzage.', (ctx) => {
  if (isOv(ctx) && ctx.inzage === undefined) ctx.fout('OVa.IZ01', ctx.dossier, 'Een overstapdossier moet het gegevensblok inzage bevatten.');
});

function opInzage(ctx: RegelContext, check: (inzage: XmlElement) => void): void {
  for (const i of ctx.kinderen(ctx.dossier, 'inzage')) check(i);
}

const iz02 = regel('OVa.IZ02', 'OV', 'Een overstapdossier is door de ouders ingezien (inzage/inzage is true).', (ctx) =>
  opInzage(ctx, (i) => {
    if (isOv(ctx) && !ctx.waar(i, 'inzage')) ctx.fout('OVa.IZ02', i, `Een overstapdossier moet door de ouders/verzorgers zijn ingezien (inzage/inzage true); gevonden: ${ctx.tekst(i, 'inzage') ?? 'afwezig'}.`);
  }),
);

const iz03 = regel('OVa.IZ03', 'OV', 'Na inzage is de inzagedatum verplicht.', (ctx) =>
  opInzage(ctx, (i) => {
    if (isOv(ctx) && ctx.waar(i, 'inzage') && !ctx.heeft(i, 'inzagedatum')) ctx.fout('OVa.IZ03', i, 'Er is inzage geweest, maar de inzagedatum ontbreekt.');
  }),
);

const iz04 = regel('OVa.IZ04', 'OV', 'Na inzage is akkoord verplicht.', (ctx) =>
  opInzage(ctx, (i) => {
    if (isOv(ctx) && ctx.waar(i, 'inzage') && !ctx.heeft(i, 'akkoord')) ctx.fout('OVa.IZ04', i, 'Er is inzage geweest, maar akkoord (zijn de ouders het eens met de inhoud) ontbreekt.');
  }),
);

const iz05 = regel('OVa.IZ05', 'OV', 'Bij een VOVO-overstap is toestemming verplicht.', (ctx) =>
  opInzage(ctx, (i) => {
    if (isOv(ctx) && is(ctx.typeOverstap, 'VOVO') && !ctx.heeft(i, 'toestemming')) ctx.fout('OVa.IZ05', i, 'Bij een VOVO-overstap is inzage/toestemming verplicht.');
  }),
);

// ---- school ----

function opSchool(ctx: RegelContext, check: (school: XmlElement) => void): void {
  for (const s of ctx.alle('huidigeschool')) check(s);
}

const sl01School = regel('OVa.SL01', 'OV', 'De school heeft minstens één adres.', (ctx) =>
  opSchool(ctx, (s) => {
    if (isOv(ctx) && ctx.kinderen(ctx.kind(s, 'adreslijst'), 'adres').length === 0) ctx.fout('OVa.SL01', s, 'In een overstapdossier heeft de school minstens één adres (adreslijst/adres).');
  }),
);

const sl02 = regel('OVa.SL02', 'OV', 'De school heeft minstens één communicatiegegeven.', (ctx) =>
  opSchool(ctx, (s) => {
    if (isOv(ctx) && ctx.kinderen(ctx.kind(s, 'communicatielijst'), 'communicatie').length === 0) {
      ctx.fout('OVa.SL02', s, 'In een overstapdossier heeft de school minstens één telefoonnummer of e-mailadres (communicatielijst/communicatie).');
    }
  }),
);

// ---- leerling ----

const verplichtBijLeerling = (id: string, naam: string, wat: string): Regel =>
  regel(id, 'OV', `In een overstapdossier heeft de leerling ${wat}.`, (ctx) =>
    opLeerling(ctx, (l) => {
      if (isOv(ctx) && !ctx.heeft(l, naam)) ctx.fout(id, l, `In een overstapdossier is ${wat} (<${naam}>) verplicht bij de leerling.`);
    }),
  );

const verbodenBijLeerling = (id: string, naam: string, wat: string, bb = false): Regel =>
  regel(id, 'OV', `In een ${bb ? 'binnen-BRIN-dossier' : 'overstapdossier'} is ${wat} verboden.`, (ctx) =>
    opLeerling(ctx, (l) => {
      const e = ctx.kind(l, naam);
      if ((bb ? isBb(ctx) : isOv(ctx)) && e) ctx.fout(id, l, `In een ${bb ? 'overdracht binnen de BRIN' : 'overstapdossier'} is ${wat} (<${naam}>) verboden bij de leerling.`);
    }),
  );

const geheimAdres = (id: string, bb: boolean): Regel =>
  regel(id, 'OV', 'Is het adres van de leerling geheim, dan staat er geen adres in het dossier.', (ctx) =>
    opLeerling(ctx, (l) => {
      if ((bb ? isBb(ctx) : isOv(ctx)) && ctx.waar(l, 'adresgeheim') && ctx.kinderen(ctx.kind(l, 'adreslijst'), 'adres').length > 0) {
        ctx.fout(id, l, 'Het adres van de leerling is geheim (adresgeheim true), dus mag het dossier geen leerlingadres bevatten.');
      }
    }),
  );

const geheimBuitenland = (id: string, bb: boolean): Regel =>
  regel(id, 'OV', 'Is het adres van de leerling geheim, dan staat er geen buitenlands adres in het dossier.', (ctx) =>
    opLeerling(ctx, (l) => {
      if ((bb ? isBb(ctx) : isOv(ctx)) && ctx.waar(l, 'adresgeheim') && ctx.heeft(l, 'adresbuitenland')) {
        ctx.fout(id, l, 'Het adres van de leerling is geheim (adresgeheim true), dus mag het dossier geen buitenlands adres (adresbuitenland) bevatten.');
      }
    }),
  );

const ll05 = regel('OVa.LL05', 'OV', 'Een leerling met een niet-geheim adres heeft een Nederlands of buitenlands adres.', (ctx) =>
  opLeerling(ctx, (l) => {
    if (isOv(ctx) && ctx.kinderen(ctx.kind(l, 'adreslijst'), 'adres').length === 0 && !ctx.heeft(l, 'adresbuitenland') && !ctx.waar(l, 'adresgeheim')) {
      ctx.fout('OVa.LL05', l, 'Het adres van de leerling is niet geheim, dus is minstens één Nederlands (adreslijst/adres) of buitenlands adres (adresbuitenland) verplicht.');
    }
  }),
);

const ll08 = regel('OVa.LL08', 'OV', 'Geheime communicatie (niet van een verzorger) staat er als 9999999999 of geheim@geheim.geheim.', (ctx) => {
  if (isOv(ctx) && ctx.alle('leerling').length > 0) controleerGeheimeCommunicatie(ctx, false, 'OVa.LL08', 'een overstapdossier');
});

const ll12 = regel('OVa.LL12', 'OV', 'In een overstapdossier heeft de leerling een BSN of onderwijsnummer.', (ctx) =>
  opLeerling(ctx, (l) => {
    if (isOv(ctx) && !ctx.heeft(l, 'bsn') && !ctx.heeft(l, 'onderwijsnummer')) ctx.fout('OVa.LL12', l, 'In een overstapdossier is een BSN of onderwijsnummer verplicht bij de leerling.');
  }),
);

const ll13 = regel('OVa.LL13', 'OV', 'In een POVO-overstapdossier heeft de leerling een leerlingid.', (ctx) =>
  opLeerling(ctx, (l) => {
    if (isOv(ctx) && is(ctx.typeOverstap, 'POVO') && !ctx.heeft(l, 'leerlingid')) {
      ctx.fout('OVa.LL13', l, 'In een POVO-overstapdossier is de code van de leerling in de schooladministratie (leerlingid) verplicht.');
    }
  }),
);

const ai01 = regel('OVa.AI01', 'OV', 'Bij POPO en POVO is een aansprakelijke instelling verplicht als de verzorgers niet aansprakelijk zijn.', (ctx) =>
  opLeerling(ctx, (l) => {
    const o = is(ctx.typeOverstap, 'POPO') ? 'POPO' : 'POVO';
    if (isOv(ctx) && is(ctx.typeOverstap, 'POPO', 'POVO') && !ctx.waar(l, 'verzorgersaansprakelijk') && !ctx.heeft(l, 'aansprakelijkeinstelling')) {
      ctx.fout('OVa.AI01', l, `De verzorgers zijn niet aansprakelijk; in een ${o}-overstapdossier is dan een aansprakelijke instelling (aansprakelijkeinstelling) verplicht.`);
    }
  }),
);

const vvAlleenPopo = (id: string, naam: string): Regel =>
  regel(id, 'OV', `${naam} is alleen toegestaan bij een POPO-overstap.`, (ctx) =>
    opLeerling(ctx, (l) => {
      if (isOv(ctx) && !is(ctx.typeOverstap, 'POPO') && ctx.heeft(l, naam)) ctx.fout(id, l, `<${naam}> is alleen toegestaan bij een POPO-overstap, niet bij overstap ${toon(ctx.typeOverstap)}.`);
    }),
  );

const sl01Loopbaan = regel('OVa.SL01', 'OV', 'De leerling heeft minstens één schoolloopbaan.', (ctx) =>
  opLeerling(ctx, (l) => {
    if (isOv(ctx) && ctx.kinderen(ctx.kind(l, 'schoolloopbaanlijst'), 'schoolloopbaan').length === 0) {
      ctx.fout('OVa.SL01', l, 'In een overstapdossier is minstens één schoolloopbaan (schoolloopbaanlijst/schoolloopbaan) verplicht bij de leerling.');
    }
  }),
);

const oa01 = verplichtBijLeerling('OVa.OA01', 'overstapadvies', 'het gegevensblok overstapadvies');

const ov01 = regel('OVa.OV01', 'OV', 'Zijn de verzorgers aansprakelijk, dan is er minstens één verzorger.', (ctx) =>
  opLeerling(ctx, (l) => {
    if (isOv(ctx) && ctx.waar(l, 'verzorgersaansprakelijk') && !ctx.heeft(l, 'verzorger')) {
      ctx.fout('OVa.OV01', l, 'De verzorgers zijn aansprakelijk (verzorgersaansprakelijk true), dus is minstens één verzorger verplicht.');
    }
  }),
);

// ---- verzorger, overstapadvies, eindtoets, toetsen, cijferlijsten (intended: reached in every leerling) ----

const verzorgerGeheimAdres = (id: string, bb: boolean): Regel =>
  regel(id, 'OV', 'Is het adres van een verzorger geheim, dan staat er geen adres van die verzorger in het dossier.', (ctx) => {
    for (const v of ctx.alle('verzorger')) {
      if ((bb ? isBb(ctx) : isOv(ctx)) && ctx.waar(v, 'adresgeheim') && ctx.kinderen(ctx.kind(v, 'adreslijst'), 'adres').length > 0) {
        ctx.fout(id, v, 'Het adres van deze verzorger is geheim (adresgeheim true), dus mag het dossier geen adres van deze verzorger bevatten.');
      }
    }
  });

const ov04 = regel('OVa.OV04', 'OV', 'Geheime communicatie van een verzorger staat er als 9999999999 of geheim@geheim.geheim.', (ctx) => {
  if (isOv(ctx)) controleerGeheimeCommunicatie(ctx, true, 'OVa.OV04', 'een overstapdossier');
});

function opOverstapadvies(ctx: RegelContext, check: (oa: XmlElement) => void): void {
  if (isOv(ctx)) for (const oa of ctx.alle('overstapadvies')) check(oa);
}

const oa02 = regel('OVa.OA02', 'OV', 'Bij een POVO-overstap is het VO-advies verplicht, behalve voor een SO-school.', (ctx) =>
  opOverstapadvies(ctx, (oa) => {
    if (is(ctx.typeOverstap, 'POVO') && !is(ctx.soortSchool, 'SO') && !ctx.heeft(oa, 'advies')) ctx.fout('OVa.OA02', oa, 'Bij een POVO-overstap is het VO-advies van de school (advies) verplicht, behalve voor een SO-school.');
  }),
);

const oa03 = regel('OVa.OA03', 'OV', 'contactnodig is verplicht.', (ctx) =>
  opOverstapadvies(ctx, (oa) => {
    if (!ctx.heeft(oa, 'contactnodig')) ctx.fout('OVa.OA03', oa, 'In een overstapdossier is de aanduiding of contact nodig is (contactnodig) verplicht.');
  }),
);

const oa04 = regel('OVa.OA04', 'OV', 'Is contact nodig, dan is een contactpersoon verplicht.', (ctx) =>
  opOverstapadvies(ctx, (oa) => {
    if (ctx.waar(oa, 'contactnodig') && !ctx.heeft(oa, 'contactpersoon')) ctx.fout('OVa.OA04', oa, 'Contact is nodig (contactnodig true), dus is een contactpersoon verplicht.');
  }),
);

const oa05 = regel('OVa.OA05', 'OV', 'Is contact nodig, dan is een contacttelefoon verplicht.', (ctx) =>
  opOverstapadvies(ctx, (oa) => {
    if (ctx.waar(oa, 'contactnodig') && !ctx.heeft(oa, 'contacttelefoon')) ctx.fout('OVa.OA05', oa, 'Contact is nodig (contactnodig true), dus is een telefoonnummer van de contactpersoon (contacttelefoon) verplicht.');
  }),
);

function opEindtoets(ctx: RegelContext, check: (e: XmlElement) => void): void {
  if (isOv(ctx)) for (const e of ctx.alle('eindtoets_basisonderwijs')) check(e);
}

const eb02 = regel('OVa.EB02', 'OV', 'Heeft de leerling deelgenomen aan de eindtoets, dan is het eindtoetsresultaat verplicht.', (ctx) =>
  opEindtoets(ctx, (e) => {
    if (ctx.waar(e, 'deelgenomen') && !ctx.heeft(e, 'eindtoetsresultaat')) ctx.fout('OVa.EB02', e, 'De leerling heeft deelgenomen aan de eindtoets, dus is het blok eindtoetsresultaat verplicht.');
  }),
);

const eb03 = regel('OVa.EB03', 'OV', 'Niet deelgenomen aan de eindtoets of ontheffing: de soort eindtoets (toetssoort) is verplicht.', (ctx) =>
  opEindtoets(ctx, (e) => {
    const resultaat = ctx.kind(e, 'eindtoetsresultaat');
    if (ctx.heeft(resultaat, 'toetssoort')) return;
    if (!ctx.waar(e, 'deelgenomen')) {
      ctx.fout('OVa.EB03', e, 'De leerling heeft niet deelgenomen aan de eindtoets, dus is de soort eindtoets (eindtoetsresultaat/toetssoort) verplicht.');
    } else if (ctx.tekst(resultaat, 'wettelijke_ontheffing') === 'J') {
      ctx.fout('OVa.EB03', e, 'De leerling heeft ontheffing voor de eindtoets (wettelijke_ontheffing J), dus is de soort eindtoets (eindtoetsresultaat/toetssoort) verplicht.');
    }
  }),
);

const eb04 = regel('OVa.EB04', 'OV', 'Heeft de leerling deelgenomen aan de eindtoets, dan is het toetsadvies verplicht.', (ctx) =>
  opEindtoets(ctx, (e) => {
    if (ctx.waar(e, 'deelgenomen') && !ctx.heeft(ctx.kind(e, 'eindtoetsresultaat'), 'toets_advies')) {
      ctx.fout('OVa.EB04', e, 'De leerling heeft deelgenomen aan de eindtoets, dus is het toetsadvies (eindtoetsresultaat/toets_advies) verplicht.');
    }
  }),
);

/**
 * The first day of the oldest school year whose tests a POVO dossier may carry: current plus two previous years. As the
 * official check computes it: the school year of `metadata/datum` turns on 1 August of the date's own year, compared
 * as XPath compares dates (a date with a time zone against one without: the implicit zone, xsd-waarden.ts).
 */
export function vroegsteToetsdatum(dossierdatum: XsdDatum): XsdDatum {
  const voorAugustus = vergelijkDatumMoment(dossierdatum, { jaar: dossierdatum.jaar, maand: 8, dag: 1 }) < 0;
  return { jaar: dossierdatum.jaar - (voorAugustus ? 3 : 2), maand: 8, dag: 1 };
}

const tr04 = regel('OVa.TR04', 'OV', 'Bij POVO alleen toetsen uit het huidige en de twee vorige schooljaren (vanaf 1 augustus, gerekend vanaf metadata/datum).', (ctx) => {
  if (!is(ctx.typeOverstap, 'POVO')) return;
  const datumTekst = ctx.alle('datum').find((d) => d.ouder?.naam === 'metadata')?.tekst;
  const dossierdatum = datumTekst === undefined ? undefined : leesXsdDatum(datumTekst);
  if (dossierdatum === undefined) return;
  const vanaf = vroegsteToetsdatum(dossierdatum);
  for (const toets of ctx.alle('toets')) {
    const te = ctx.kinderen(toets, 'afname').some((a) => {
      const d = leesXsdDatum(ctx.tekst(a, 'afnamedatum') ?? '');
      // A date with a time zone begins at its own midnight: 2016-08-01+02:00 is before 1 August (UTC), as officially.
      return d !== undefined && vergelijkDatumMoment(d, vanaf) < 0;
    });
    if (te) {
      ctx.fout('OVa.TR04', toets, `De toets is afgenomen vóór ${vanaf.jaar}-08-01; bij een POVO-overstap mogen alleen toetsen uit het huidige en de twee voorgaande schooljaren in het dossier (gerekend vanaf de dossierdatum ${datumTekst}; een datum met tijdzone telt vanaf middernacht in die zone, een datum zonder in UTC).`);
    }
  }
});

export function resultaatZonderInhoud(ctx: RegelContext, r: XmlElement): boolean {
  return !ctx.heeft(r, 'toetsscore') && !ctx.heeft(r, 'referentiescore') && !ctx.heeft(r, 'document');
}

export const toetsscoreVelden = ['aantalopgaven', 'aantalgoed', 'aantalfout', 'aantalgelezen', 'tijd', 'vaardigheidsscore'] as const;

const tr05 = regel('OVa.TR05', 'OV', 'Een toetsresultaat heeft een score, een referentiescore of een bijlage.', (ctx) => {
  if (!isOv(ctx)) return;
  for (const r of ctx.alle('resultaat')) {
    if (resultaatZonderInhoud(ctx, r)) ctx.fout('OVa.TR05', r, 'Een toetsresultaat moet minstens een score (toetsscore), een referentiescore of een bijlage (document) bevatten.');
  }
});

const tr06 = regel('OVa.TR06', 'OV', 'Een toetsscore heeft een aantal, een tijd of een vaardigheidsscore.', (ctx) => {
  if (!isOv(ctx)) return;
  for (const s of ctx.alle('toetsscore')) {
    if (!toetsscoreVelden.some((v) => ctx.heeft(s, v))) ctx.fout('OVa.TR06', s, `Een toetsscore moet minstens één van ${toetsscoreVelden.join(', ')} bevatten.`);
  }
});

const cl01 = regel('OVa.CL01', 'OV', 'Een cijfer (score) heeft een waarde of een kwalificatie.', (ctx) => {
  if (!isOv(ctx)) return;
  for (const s of ctx.alle('score')) {
    if (!ctx.heeft(s, 'waarde') && !ctx.heeft(s, 'kwalificatie')) ctx.fout('OVa.CL01', s, 'Een score in een cijferlijst moet een waarde of een kwalificatie bevatten.');
  }
});

// ---- binnen-BRIN (OVb) ----

const ovbLl04 = regel('OVb.LL04', 'OV', 'Binnen-BRIN: geheime communicatie (niet van een verzorger) staat er als 9999999999 of geheim@geheim.geheim.', (ctx) => {
  if (isBb(ctx) && ctx.alle('leerling').length > 0) controleerGeheimeCommunicatie(ctx, false, 'OVb.LL04', 'een overdracht binnen de BRIN');
});

const ovbOv02 = regel('OVb.OV02', 'OV', 'Binnen-BRIN: geheime communicatie van een verzorger staat er als 9999999999 of geheim@geheim.geheim.', (ctx) => {
  if (isBb(ctx)) controleerGeheimeCommunicatie(ctx, true, 'OVb.OV02', 'een overdracht binnen de BRIN');
});

export const ovRegels2019: readonly Regel[] = [
  md01,
  md02,
  os03,
  md03,
  os01,
  os02,
  iz01,
  iz02,
  iz03,
  iz04,
  iz05,
  sl01School,
  sl02,
  verplichtBijLeerling('OVa.LL01', 'voornaam', 'minstens één voornaam'),
  verplichtBijLeerling('OVa.LL02', 'geboortedatum', 'de geboortedatum'),
  verbodenBijLeerling('OVa.LL03', 'geboortemaand', 'de geboortemaand'),
  verplichtBijLeerling('OVa.LL04', 'adresgeheim', "de indicatie 'adres geheim'"),
  ll05,
  geheimAdres('OVa.LL06', false),
  verbodenBijLeerling('OVa.LL07', 'postcode4adres', 'het postcode4-adres'),
  ll08,
  geheimBuitenland('OVa.LL09', false),
  verbodenBijLeerling('OVa.LL10', 'geboorteplaats', 'de geboorteplaats'),
  verbodenBijLeerling('OVa.LL11', 'nationaliteit', 'de nationaliteit'),
  ll12,
  ll13,
  verplichtBijLeerling('OVa.LL14', 'datuminschrijving', 'de datum van inschrijving'),
  verplichtBijLeerling('OVa.LL15', 'verzorgersaansprakelijk', 'de aanduiding of de verzorgers aansprakelijk zijn'),
  ai01,
  vvAlleenPopo('OVa.VV01', 'voorschools'),
  vvAlleenPopo('OVa.VV02', 'vroegschools'),
  sl01Loopbaan,
  oa01,
  ov01,
  verzorgerGeheimAdres('OVa.OV03', false),
  ov04,
  oa02,
  oa03,
  oa04,
  oa05,
  eb02,
  eb03,
  eb04,
  tr04,
  tr05,
  tr06,
  cl01,
  verbodenBijLeerling('OVb.LL01', 'geboortemaand', 'de geboortemaand', true),
  geheimAdres('OVb.LL02', true),
  verbodenBijLeerling('OVb.LL03', 'postcode4adres', 'het postcode4-adres', true),
  ovbLl04,
  geheimBuitenland('OVb.LL05', true),
  // The 2019.1 validator added these two for binnen-BRIN without numbering them ("OVb.LL??"); the harness numbers them on.
  verbodenBijLeerling('OVb.LL06', 'geboorteplaats', 'de geboorteplaats', true),
  verbodenBijLeerling('OVb.LL07', 'nationaliteit', 'de nationaliteit', true),
  verzorgerGeheimAdres('OVb.OV01', true),
  ovbOv02,
];
