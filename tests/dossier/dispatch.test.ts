/*
 * Which official validator judges a dossier when `overstap` and `overdrachtsoort` disagree, and the places where the
 * official validators read a value differently from its joined text: a comment inside a code value, a duplicated
 * element, a date with a time zone in TR04's comparison.
 */
import { test, expect } from '@playwright/test';
import { dossierToXml } from '../../simulator/dossier/dossier-xml.ts';
import { herkenProfiel } from '../../simulator/dossier/profile.ts';
import { basisDossier, kort, leerlingVan as ll, regelsVan, toets, valideer } from './dossier-helpers.ts';

function vervang(xml: string, van: string | RegExp, naar: string): string {
  const uit = xml.replace(van, naar);
  if (uit === xml) throw new Error(`mutatie vond ${String(van)} niet`);
  return uit;
}

test.describe('dispatch: overstap picks the validator when it names a profile, overdrachtsoort otherwise', () => {
  test('a POSWV dossier whose overdrachtsoort says overstapdossier: PaO.SO03 only, no OV rules', () => {
    const d = basisDossier('POSWV');
    d.overdrachtsoort = 'overstapdossier';
    const r = valideer(d);
    expect(regelsVan(r.findings)).toEqual(['PaO.SO03']);
    expect(r.findings[0]!.path).toBe('/dossier/metadata');
    expect(r.findings[0]!.message).toContain("'overstapdossier'");
    expect(r.profile).toBe('POSWV');
  });

  test('a POVO dossier whose overdrachtsoort says swv-dossier: OVa.OS03 only, not the PaO errors of a pupil with a BSN', () => {
    const d = basisDossier('POVO');
    d.overdrachtsoort = 'swv-dossier';
    const r = valideer(d);
    expect(kort(r.findings)).toEqual(['error OVa.OS03 /dossier/metadata']);
    expect(r.profile).toBe('POVO');
  });

  test('a VOVO overstap in a binnen-BRIN dossier: the OV validator with the OVb rules, which accept it', () => {
    const d = basisDossier('binnen-BRIN');
    d.metadata.overstap = 'VOVO';
    const r = valideer(d);
    expect(kort(r.findings)).toEqual([]);
    expect(r.profile).toBe('binnen-BRIN');
  });

  test('without a profile in overstap, overdrachtsoort decides', () => {
    expect(herkenProfiel('swv-dossier', undefined)).toEqual({ familie: 'PaO', profiel: undefined, gekozenDoor: 'overdrachtsoort' });
    expect(herkenProfiel('swv-dossier', 'VOMBO')).toEqual({ familie: 'PaO', profiel: undefined, gekozenDoor: 'overdrachtsoort' });
    expect(herkenProfiel('overdrachtbinnenbrin', undefined)).toEqual({ familie: 'OV', profiel: 'binnen-BRIN', gekozenDoor: 'overdrachtsoort' });
    expect(herkenProfiel('iets', undefined)).toEqual({ familie: 'OV', profiel: undefined, gekozenDoor: 'overdrachtsoort' });
    expect(herkenProfiel('overstapdossier', 'POSWV')).toEqual({ familie: 'PaO', profiel: 'POSWV', gekozenDoor: 'overstap' });
    expect(herkenProfiel('swv-dossier', 'POPO')).toEqual({ familie: 'OV', profiel: 'POPO', gekozenDoor: 'overstap' });
  });
});

test.describe('values read as the official validators read them', () => {
  test('a comment inside overstap splits it: CODELIJST.16, and the value picks no validator (OVa.OS02)', () => {
    const xml = vervang(dossierToXml(basisDossier('POVO')), '<overstap>POVO</overstap>', '<overstap>PO<!-- x -->VO</overstap>');
    const r = valideer(xml);
    expect(regelsVan(r.findings)).toEqual(['CODELIJST.16', 'OVa.OS02']);
    expect(r.findings.find((f) => f.rule === 'CODELIJST.16')!.message).toContain("'PO' en 'VO'");
    expect(r.profile).toBeNull();
  });

  test('a comment inside overdrachtsoort splits it: it matches neither family (OVa.OS03) and the code list fails', () => {
    const xml = vervang(dossierToXml(basisDossier('POVO')), '<overdrachtsoort>overstapdossier</overdrachtsoort>', '<overdrachtsoort>overstap<!---->dossier</overdrachtsoort>');
    expect(regelsVan(valideer(xml).findings)).toEqual(['CODELIJST.29', 'OVa.OS03']);
  });

  test('a comment before or after a code leaves one text node: valid; CDATA and references do not split', () => {
    const schoon = dossierToXml(basisDossier('POVO'));
    for (const naar of ['<overstap><!-- x -->POVO</overstap>', '<overstap>POVO<?pi x?></overstap>', '<overstap>PO<![CDATA[VO]]></overstap>', '<overstap>PO&#86;O</overstap>']) {
      expect(kort(valideer(vervang(schoon, '<overstap>POVO</overstap>', naar)).findings), naar).toEqual([]);
    }
  });

  test('a text node that is a valid code passes the code list, as text()=… does: 0<!-- -->1 for nnca reads 0', () => {
    const d = basisDossier('POVO');
    ll(d).nnca = '0';
    const xml = vervang(dossierToXml(d), '<nnca>0</nnca>', '<nnca>0<!-- x -->1</nnca>');
    expect(valideer(xml).findings.filter((f) => f.rule.startsWith('CODELIJST'))).toEqual([]);
  });

  test('a duplicated overstap gives one structure finding, not a code-list finding on the joined values', () => {
    const xml = vervang(dossierToXml(basisDossier('POVO')), '<overstap>POVO</overstap>', '<overstap>POVO</overstap><overstap>POVO</overstap>');
    expect(kort(valideer(xml).findings)).toEqual(['error XSD.te-vaak /dossier/metadata/overstap[2]']);
  });

  test('a duplicated code is checked occurrence by occurrence: only the wrong one is reported', () => {
    const xml = vervang(dossierToXml(basisDossier('POVO')), /<geslacht>(\d)<\/geslacht>/, '<geslacht>$1</geslacht><geslacht>7</geslacht>');
    expect(kort(valideer(xml).findings)).toEqual(['error XSD.te-vaak /dossier/huidigeschool/leerling/geslacht[2]', 'error CODELIJST.14 /dossier/huidigeschool/leerling/geslacht[2]']);
  });

  test('TR04: a test date with a time zone begins at its own midnight — 1 August +02:00 is before 1 August (UTC)', () => {
    // metadata/datum 2020-03-02: tests from 2017-08-01 on.
    const met = (afnamedatum: string) => {
      const d = basisDossier('POVO');
      ll(d).toetslijst = { toets: [toets({ afname: { afnamedatum } })] };
      return regelsVan(valideer(d).findings);
    };
    expect(met('2017-08-01')).toEqual([]);
    expect(met('2017-08-01Z')).toEqual([]);
    expect(met('2017-08-01-01:00')).toEqual([]);
    expect(met('2017-08-01+02:00')).toEqual(['OVa.TR04']);
  });

  test('TR04: a dossier date with a time zone picks its school year as XPath compares it', () => {
    const met = (datum: string) => {
      const d = basisDossier('POVO');
      d.metadata.datum = datum;
      ll(d).toetslijst = { toets: [toets({ afname: { afnamedatum: '2017-09-01' } })] };
      return regelsVan(valideer(d).findings);
    };
    // 2020-08-01 begins the school year 2020-2021: tests from 2018-08-01, so a test of 2017-09-01 is too old …
    expect(met('2020-08-01')).toEqual(['OVa.TR04']);
    // … but 2020-08-01+02:00 begins before 1 August (UTC): still school year 2019-2020, tests from 2017-08-01.
    expect(met('2020-08-01+02:00')).toEqual([]);
  });
});
