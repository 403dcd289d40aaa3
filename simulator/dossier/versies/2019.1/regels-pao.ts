/*
 * The samenwerkingsverband rules of gegevensset 2019.1 (the official PaO validator), for `swv-dossier` (POSWV, VOSWV).
 * Unlike the OV validator, the official PaO validator does descend into the leerling's children, so these rules judge
 * as it does; the one official check for secret communication (PaO.LL08 = PaO.OV04) is split by owner as in the OV
 * rules.
 */
import { is, regel, toon, type Regel, type RegelContext } from '../../regel.ts';
import type { XmlElement } from '../../xml-reader.ts';
import { identiteit2019 } from './identiteit.ts';
import { controleerGeheimeCommunicatie, deeldossiers, opMetadata, resultaatZonderInhoud, toetsscoreVelden } from './regels-ov.ts';

const isSwv = (ctx: RegelContext) => is(ctx.typeDocument, 'swv-dossier');

function opLeerling(ctx: RegelContext, check: (leerling: XmlElement) => void): void {
  if (isSwv(ctx)) for (const l of ctx.alle('leerling')) check(l);
}

const md01 = regel('PaO.MD01', 'PaO', 'Het dossier heeft een LAS-deel (deeldossier LAS of LASLVS).', (ctx) =>
  opMetadata(ctx, (m) => {
    const delen = deeldossiers(ctx);
    if (!is(delen, 'LAS', 'LASLVS')) {
      ctx.fout('PaO.MD01', m, `Een SWV-dossier moet een LAS-deel bevatten (deeldossier LAS of LASLVS); gevonden: ${delen.map((d) => `'${d}'`).join(', ') || 'geen deeldossier'}.`);
    }
  }),
);

const md02 = regel('PaO.MD02', 'PaO', `metadata/validatieversie is '${identiteit2019.validatieversie}'.`, (ctx) =>
  opMetadata(ctx, (m) => {
    const versies = ctx.kinderen(m, 'validatieversie').map((v) => v.tekst);
    if (isSwv(ctx) && !versies.includes(identiteit2019.validatieversie)) {
      ctx.fout('PaO.MD02', m, `validatieversie is ${versies.map((v) => `'${v}'`).join(', ') || 'afwezig'}, moet '${identiteit2019.validatieversie}' zijn.`);
    }
  }),
);

const md03 = regel('PaO.MD03', 'PaO', 'metadata bevat categorie_uitlevering.', (ctx) =>
  opMetadata(ctx, (m) => {
    if (isSwv(ctx) && !ctx.heeft(m, 'categorie_uitlevering')) ctx.fout('PaO.MD03', m, 'Een SWV-dossier moet het blok categorie_uitlevering bevatten.');
  }),
);

const so01 = regel('PaO.SO01', 'PaO', 'Een SWV-dossier heeft metadata/overstap.', (ctx) =>
  opMetadata(ctx, (m) => {
    if (isSwv(ctx) && !ctx.heeft(m, 'overstap')) ctx.fout('PaO.SO01', m, 'Een SWV-dossier moet de soort overstap/dossier (metadata/overstap) bevatten.');
  }),
);

const so02 = regel('PaO.SO02', 'PaO', 'In een SWV-dossier is overstap POSWV of VOSWV.', (ctx) =>
  opMetadata(ctx, (m) => {
    if (isSwv(ctx) && !is(ctx.typeOverstap, 'POSWV', 'VOSWV')) ctx.fout('PaO.SO02', m, `overstap is ${toon(ctx.typeOverstap)}; een SWV-dossier vraagt POSWV of VOSWV.`);
  }),
);

const so03 = regel('PaO.SO03', 'PaO', "overdrachtsoort is 'swv-dossier'.", (ctx) =>
  opMetadata(ctx, (m) => {
    if (!isSwv(ctx)) ctx.fout('PaO.SO03', m, `overdrachtsoort is ${toon(ctx.typeDocument)}; een SWV-profiel vraagt 'swv-dossier'.`);
  }),
);

function opSchool(ctx: RegelContext, check: (school: XmlElement) => void): void {
  if (isSwv(ctx)) for (const s of ctx.alle('huidigeschool')) check(s);
}

const sl01School = regel('PaO.SL01', 'PaO', 'De school heeft minstens één adres.', (ctx) =>
  opSchool(ctx, (s) => {
    if (ctx.kinderen(ctx.kind(s, 'adreslijst'), 'adres').length === 0) ctx.fout('PaO.SL01', s, 'In een SWV-dossier heeft de school minstens één adres (adreslijst/adres).');
  }),
);

const sl02 = regel('PaO.SL02', 'PaO', 'De school heeft minstens één communicatiegegeven.', (ctx) =>
  opSchool(ctx, (s) => {
    if (ctx.kinderen(ctx.kind(s, 'communicatielijst'), 'communicatie').length === 0) {
      ctx.fout('PaO.SL02', s, 'In een SWV-dossier heeft de school minstens één telefoonnummer of e-mailadres (communicatielijst/communicatie).');
    }
  }),
);

const verplicht = (id: string, naam: string, wat: string): Regel =>
  regel(id, 'PaO', `In een SWV-dossier heeft de leerling ${wat}.`, (ctx) =>
    opLeerling(ctx, (l) => {
      if (!ctx.heeft(l, naam)) ctx.fout(id, l, `In een SWV-dossier is ${wat} (<${naam}>) verplicht bij de leerling.`);
    }),
  );

const verboden = (id: string, naam: string, wat: string, alleenBij?: 'POSWV' | 'VOSWV'): Regel =>
  regel(id, 'PaO', `In een ${alleenBij ?? 'SWV'}-dossier is ${wat} verboden.`, (ctx) =>
    opLeerling(ctx, (l) => {
      if ((alleenBij === undefined || is(ctx.typeOverstap, alleenBij)) && ctx.heeft(l, naam)) {
        ctx.fout(id, l, `In een ${alleenBij ? `${alleenBij}-` : 'SWV-'}dossier is ${wat} (<${naam}>) niet toegestaan.`);
      }
    }),
  );

const ll05 = regel('PaO.LL05', 'PaO', 'Een leerling met een niet-geheim adres heeft een Nederlands of buitenlands adres.', (ctx) =>
  opLeerling(ctx, (l) => {
    if (ctx.kinderen(ctx.kind(l, 'adreslijst'), 'adres').length === 0 && !ctx.heeft(l, 'adresbuitenland') && !ctx.waar(l, 'adresgeheim')) {
      ctx.fout('PaO.LL05', l, 'Het adres van de leerling is niet geheim, dus is minstens één Nederlands (adreslijst/adres) of buitenlands adres (adresbuitenland) verplicht.');
    }
  }),
);

const ll06 = regel('PaO.LL06', 'PaO', 'Is het adres van de leerling geheim, dan staat er geen adres in het dossier.', (ctx) =>
  opLeerling(ctx, (l) => {
    if (ctx.waar(l, 'adresgeheim') && ctx.kinderen(ctx.kind(l, 'adreslijst'), 'adres').length > 0) {
      ctx.fout('PaO.LL06', l, 'Het adres van de leerling is geheim (adresgeheim true), dus mag het dossier geen leerlingadres bevatten.');
    }
  }),
);

const ll08 = regel('PaO.LL08', 'PaO', 'Geheime communicatie (niet van een verzorger) staat er als 9999999999 of geheim@geheim.geheim.', (ctx) => {
  if (isSwv(ctx) && ctx.alle('leerling').length > 0) controleerGeheimeCommunicatie(ctx, false, 'PaO.LL08', 'een SWV-dossier');
});

const ll09 = regel('PaO.LL09', 'PaO', 'Is het adres van de leerling geheim, dan staat er geen buitenlands adres in het dossier.', (ctx) =>
  opLeerling(ctx, (l) => {
    if (ctx.waar(l, 'adresgeheim') && ctx.heeft(l, 'adresbuitenland')) {
      ctx.fout('PaO.LL09', l, 'Het adres van de leerling is geheim (adresgeheim true), dus mag het dossier geen buitenlands adres (adresbuitenland) bevatten.');
    }
  }),
);

const ll12 = regel('PaO.LL12', 'PaO', 'In een SWV-dossier zijn BSN en onderwijsnummer verboden.', (ctx) =>
  opLeerling(ctx, (l) => {
    const nummer = ctx.kind(l, 'bsn') ?? ctx.kind(l, 'onderwijsnummer');
    if (nummer) ctx.fout('PaO.LL12', l, `In een SWV-dossier is een BSN of onderwijsnummer verboden (gevonden: <${nummer.naam}>); de leerling is hier bekend bij naam, geboortedatum en leerlingid.`);
  }),
);

const sl01Loopbaan = regel('PaO.SL01', 'PaO', 'De leerling heeft minstens één schoolloopbaan.', (ctx) =>
  opLeerling(ctx, (l) => {
    if (ctx.kinderen(ctx.kind(l, 'schoolloopbaanlijst'), 'schoolloopbaan').length === 0) {
      ctx.fout('PaO.SL01', l, 'In een SWV-dossier is minstens één schoolloopbaan (schoolloopbaanlijst/schoolloopbaan) verplicht bij de leerling.');
    }
  }),
);

const ov01 = regel('PaO.OV01', 'PaO', 'Zijn de verzorgers aansprakelijk, dan is er minstens één verzorger.', (ctx) =>
  opLeerling(ctx, (l) => {
    if (ctx.waar(l, 'verzorgersaansprakelijk') && !ctx.heeft(l, 'verzorger')) {
      ctx.fout('PaO.OV01', l, 'De verzorgers zijn aansprakelijk (verzorgersaansprakelijk true), dus is minstens één verzorger verplicht.');
    }
  }),
);

const ov03 = regel('PaO.OV03', 'PaO', 'Is het adres van een verzorger geheim, dan staat er geen adres van die verzorger in het dossier.', (ctx) => {
  if (!isSwv(ctx)) return;
  for (const v of ctx.alle('verzorger')) {
    if (ctx.waar(v, 'adresgeheim') && ctx.kinderen(ctx.kind(v, 'adreslijst'), 'adres').length > 0) {
      ctx.fout('PaO.OV03', v, 'Het adres van deze verzorger is geheim (adresgeheim true), dus mag het dossier geen adres van deze verzorger bevatten.');
    }
  }
});

const ov04 = regel('PaO.OV04', 'PaO', 'Geheime communicatie van een verzorger staat er als 9999999999 of geheim@geheim.geheim.', (ctx) => {
  if (isSwv(ctx)) controleerGeheimeCommunicatie(ctx, true, 'PaO.OV04', 'een SWV-dossier');
});

const ov05 = regel('PaO.OV05', 'PaO', 'In een SWV-dossier heeft een verzorger geen banknummer.', (ctx) => {
  if (!isSwv(ctx)) return;
  for (const v of ctx.alle('verzorger')) if (ctx.heeft(v, 'banknummer')) ctx.fout('PaO.OV05', v, 'In een SWV-dossier is het banknummer van een verzorger verboden.');
});

const tr01 = regel('PaO.TR01', 'PaO', 'Een toetsresultaat heeft een score, een referentiescore of een bijlage.', (ctx) => {
  if (!isSwv(ctx)) return;
  for (const r of ctx.alle('resultaat')) {
    if (resultaatZonderInhoud(ctx, r)) ctx.fout('PaO.TR01', r, 'Een toetsresultaat moet minstens een score (toetsscore), een referentiescore of een bijlage (document) bevatten.');
  }
});

const tr02 = regel('PaO.TR02', 'PaO', 'Een toetsscore heeft een aantal, een tijd of een vaardigheidsscore.', (ctx) => {
  if (!isSwv(ctx)) return;
  for (const s of ctx.alle('toetsscore')) {
    if (!toetsscoreVelden.some((v) => ctx.heeft(s, v))) ctx.fout('PaO.TR02', s, `Een toetsscore moet minstens één van ${toetsscoreVelden.join(', ')} bevatten.`);
  }
});

const cl01 = regel('PaO.CL01', 'PaO', 'Een cijfer (score) heeft een waarde of een kwalificatie.', (ctx) => {
  if (!isSwv(ctx)) return;
  for (const s of ctx.alle('score')) {
    if (!ctx.heeft(s, 'waarde') && !ctx.heeft(s, 'kwalificatie')) ctx.fout('PaO.CL01', s, 'Een score in een cijferlijst moet een waarde of een kwalificatie bevatten.');
  }
});

export const paoRegels2019: readonly Regel[] = [
  md01,
  md02,
  md03,
  so01,
  so02,
  so03,
  sl01School,
  sl02,
  verplicht('PaO.LL01', 'voornaam', 'minstens één voornaam'),
  verplicht('PaO.LL02', 'geboortedatum', 'de geboortedatum'),
  verboden('PaO.LL03', 'geboortemaand', 'de geboortemaand'),
  verplicht('PaO.LL04', 'adresgeheim', "de indicatie 'adres geheim'"),
  ll05,
  ll06,
  verboden('PaO.LL07', 'postcode4adres', 'het postcode4-adres'),
  ll08,
  ll09,
  verboden('PaO.LL10', 'geboorteplaats', 'de geboorteplaats'),
  verboden('PaO.LL11', 'nationaliteit', 'de nationaliteit'),
  ll12,
  verboden('PaO.VV01', 'vanpeuterspeelzaal', 'de herkomst van een peuterspeelzaal', 'VOSWV'),
  verboden('PaO.VV02', 'naampeuterspeelzaal', 'de naam van de peuterspeelzaal', 'VOSWV'),
  verboden('PaO.VV03', 'voorschools', 'voorschoolse educatie', 'VOSWV'),
  verboden('PaO.VV04', 'vroegschools', 'vroegschoolse educatie', 'VOSWV'),
  sl01Loopbaan,
  verboden('PaO.EB01', 'eindtoets_basisonderwijs', 'het blok eindtoets basisonderwijs', 'POSWV'),
  ov01,
  verboden('PaO.VM01', 'bevorderd', 'het blok bevorderd', 'POSWV'),
  verboden('PaO.VM02', 'examenresultaat', 'het blok examens en uitslagen', 'POSWV'),
  verboden('PaO.VM03', 'resultaatvakkenvo', 'het blok VO-vakresultaat', 'POSWV'),
  verboden('PaO.VM04', 'certificaat', 'een certificaat', 'POSWV'),
  verboden('PaO.VM05', 'competenties', 'het blok competenties', 'POSWV'),
  verboden('PaO.VM06', 'stage', 'het blok stages', 'POSWV'),
  verboden('PaO.VM07', 'overigvombo', 'het blok overige VO-MBO-gegevens', 'POSWV'),
  ov03,
  ov04,
  ov05,
  tr01,
  tr02,
  cl01,
];
