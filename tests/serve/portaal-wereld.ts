/**
 * A portal on a fastify app with a PGlite store filled with synthetic data: two schools (A and B) of two vendors, each
 * with messages and an uitwisseling whose findings come from the real validator on a real invalid dossier, and a link
 * for each. B's pupil is generated (not a published test pupil), so its number showing anywhere in A's pages is a leak.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { timingSafeEqual } from 'node:crypto';
import { fixtureLeerling, loadFixtureLeerlingen, loadTestschoolLeerlingen } from '../../fixtures/leerlingen.ts';
import type { NotificatieUitkomst } from '../../simulator/control-api.ts';
import { generateDossierXml, readDossier, validateDossier } from '../../simulator/dossier/index.ts';
import type { Leerling } from '../../simulator/dossier/leerling.ts';
import type { School } from '../../simulator/register/register.ts';
import { registerPortaal, type OpvraagVerzoek, type PortaalDeps } from '../../serve/portaal.ts';
import { openStore } from '../../store/open-store.ts';
import type { NieuweTestschoolUitwisseling, OpgeslagenBericht, Store, TestschoolUitwisseling } from '../../store/store.ts';

export const BEHEER_TOKEN = 'beheer-token-voor-de-test-0123456789';

export const schoolA: School = { brin: '97AA', vestigingscode: '00', naam: 'Basisschool De Proefboom', sector: 'PO' };
export const schoolB: School = { brin: '97BB', vestigingscode: '00', naam: 'Kindcentrum Het Testveld', sector: 'PO' };

/** A dossier the LAS of `school` would send for `leerling`, with the given mistakes; validated by the real validator. */
export function ongeldigDossier(school: School, opties: { leerling?: Leerling; seed: string; fouten: ((xml: string) => string)[] }) {
  let xml = generateDossierXml({
    profiel: 'POVO',
    seed: opties.seed,
    ...(opties.leerling ? { leerling: opties.leerling } : {}),
    school: {
      naam: school.naam,
      brincode: school.brin,
      vestigingscode: school.vestigingscode,
      aanleverpunt: `rk-${school.brin}-1`,
      adres: { straatnaam: 'Schoolpad', huisnummer: '1', postcode: '9999 ZZ', plaatsnaam: 'Teststad' },
      telefoon: '0501234567',
    },
  });
  for (const fout of opties.fouten) xml = fout(xml);
  const resultaat = validateDossier(xml);
  return {
    xml,
    pgn: readDossier(xml).leerling.pgn?.waarde ?? '',
    bevindingen: resultaat.findings.map((f) => ({ regel: f.rule, ernst: f.severity === 'error' ? ('fout' as const) : ('waarschuwing' as const), melding: f.message, ...(f.path ? { pad: f.path } : {}) })),
  };
}

/** Breaks the e-mail address of the first parent (rule OG.01). */
export const kapotEmail = (xml: string) => xml.replace(/<nummer>([^<@]+)@voorbeeld\.invalid<\/nummer>/, '<nummer>$1 at voorbeeld</nummer>');

export interface PortaalWereld {
  app: FastifyInstance;
  store: Store;
  tokenA: string;
  tokenB: string;
  uitwisselingA: TestschoolUitwisseling;
  uitwisselingB: TestschoolUitwisseling;
  berichtA: OpgeslagenBericht;
  berichtB: OpgeslagenBericht;
  pgnA: string;
  pgnB: string;
  /** Texts that belong to school B only: none of them may appear in a page of school A. */
  alleenB: string[];
  opvraagVerzoeken: { testschool: string; verzoek: OpvraagVerzoek }[];
  notificatieVerzoeken: { testschool: string; verzoek: { doelBrin: string; pgn: string } }[];
  /** What deps.notificeren answers next (an Error is thrown); a NotificatieOntvangen for the school when empty. */
  notificatieAntwoorden: (NotificatieUitkomst[] | Error)[];
  close(): Promise<void>;
}

export async function portaalWereld(
  opties: {
    opvragen?: (store: Store) => PortaalDeps['opvragen'];
    listen?: boolean;
    opvraagTijdslimietMs?: number;
    /** Serve over TLS asking for a client certificate, as serve does (checked by the harness, not refused at the handshake). */
    https?: { key: string; cert: string; ca: string };
  } = {},
): Promise<PortaalWereld> {
  const data = mkdtempSync(join(tmpdir(), 'portaal-store-'));
  const store = await openStore({ data, instantie: 'portaal-test' });
  for (const s of [schoolA, schoolB, { brin: '99BB', vestigingscode: '00', naam: 'Testschool VO', sector: 'VO' as const }]) await store.schoolToevoegen(s);
  for (const [s, leverancier, oin] of [[schoolA, 'Proef-LAS Alfa', '00000001000000000001'], [schoolB, 'Proef-LAS Beta', '00000001000000000002']] as const)
    await store.aanleverpuntRegistreren(
      { routeringsKenmerk: `rk-${s.brin}-1`, brin: s.brin, url: `https://las-${s.brin.toLowerCase()}.voorbeeld.invalid/oso`, actief: true, eigenaarOin: oin, leverancier, geregistreerdOp: new Date().toISOString(), opgeschort: false },
      `OIN ${oin}`,
    );

  const dossierA = ongeldigDossier(schoolA, { leerling: fixtureLeerling('povo-regulier'), seed: 'a', fouten: [kapotEmail] });
  const dossierB = ongeldigDossier(schoolB, { seed: 'school-b-eigen-leerling', fouten: [kapotEmail] });
  // A hostile text from a LAS must stay text: in a finding of A, and in the sender's name of one of A's messages.
  const vijandig = '<script>alert("portaal")</script><img src=x onerror=alert(1)>';
  const uitwisselingA = await store.uitwisselingToevoegen({
    testschoolBrin: '99BB', schoolBrin: schoolA.brin, richting: 'school-als-bron', pgn: dossierA.pgn, sessieId: 'sessie-a-0001', op: new Date(Date.now() - 60_000).toISOString(),
    status: 'geweigerd', reden: 'Het dossier voldoet niet aan de gegevensset.', xml: dossierA.xml,
    bevindingen: [...dossierA.bevindingen, { regel: 'OG.01', ernst: 'fout', melding: `E-mailadres '${vijandig}' is ongeldig.` }],
  });
  const uitwisselingB = await store.uitwisselingToevoegen({
    testschoolBrin: '99BB', schoolBrin: schoolB.brin, richting: 'school-als-bron', pgn: dossierB.pgn, sessieId: 'sessie-b-0001', op: new Date().toISOString(),
    status: 'geweigerd', reden: 'Het dossier voldoet niet aan de gegevensset (B).', xml: dossierB.xml, bevindingen: dossierB.bevindingen,
  });
  const bericht = (school: School, pgn: string, sessie: string, operation: string, uitkomst: string, van: string, naar: string) =>
    store.berichtToevoegen({
      recordedBy: naar, operation, van, naar, url: 'https://voorbeeld.invalid/oso', request: `<pgn>${pgn}</pgn>`, response: `<resultaat>${uitkomst}</resultaat>`, httpStatus: 200,
      uitkomst, sessieId: sessie, startedAt: new Date().toISOString(), durationMs: 12, brins: ['99BB', school.brin], instantie: 'portaal-test',
    });
  await bericht(schoolA, dossierA.pgn, 'sessie-a-0001', 'overdrachtRequest', 'Ok', 'Testschool VO (99BB)', 'Traffic Center');
  const berichtA = await bericht(schoolA, dossierA.pgn, 'sessie-a-0001', 'documentRequest', 'DossierGeleverd', 'Testschool VO (99BB)', `Proef-LAS Alfa ${vijandig}`);
  await bericht(schoolA, dossierA.pgn, 'sessie-a-0001', 'sessiecontroleRequest', 'SOAP Fault: CertificaatVerlopen', 'Proef-LAS Alfa', 'Traffic Center');
  const berichtB = await bericht(schoolB, dossierB.pgn, 'sessie-b-0001', 'documentRequest', 'DossierNietKlaargezet', 'Testschool VO (99BB)', 'Proef-LAS Beta');

  const { token: tokenA } = await store.toegangUitgeven(schoolA.brin, 'administratie De Proefboom');
  const { token: tokenB } = await store.toegangUitgeven(schoolB.brin, 'administratie Het Testveld');

  const opvraagVerzoeken: PortaalWereld['opvraagVerzoeken'] = [];
  const notificatieVerzoeken: PortaalWereld['notificatieVerzoeken'] = [];
  const notificatieAntwoorden: PortaalWereld['notificatieAntwoorden'] = [];
  const app = opties.https ? Fastify({ https: { ...opties.https, requestCert: true, rejectUnauthorized: false } }) : Fastify();
  registerPortaal(app, {
    store,
    isBeheerToken: (t) => t.length === BEHEER_TOKEN.length && timingSafeEqual(Buffer.from(t), Buffer.from(BEHEER_TOKEN)),
    opvragen:
      opties.opvragen?.(store) ??
      (async (testschool, verzoek) => {
        opvraagVerzoeken.push({ testschool, verzoek });
        const nieuw: NieuweTestschoolUitwisseling = { testschoolBrin: testschool, schoolBrin: verzoek.bronBrin, richting: 'school-als-bron', pgn: verzoek.pgn, op: new Date().toISOString(), status: 'mislukt', reden: 'DossierNietKlaargezet: er is voor deze leerling geen dossier klaargezet.', bevindingen: [] };
        return store.uitwisselingToevoegen(nieuw);
      }),
    notificeren: async (testschool, verzoek) => {
      notificatieVerzoeken.push({ testschool, verzoek });
      const antwoord = notificatieAntwoorden.shift() ?? [{ doelBrin: verzoek.doelBrin, doelRouteringsKenmerk: `rk-${verzoek.doelBrin}-1`, sessieId: 'sessie-n-0001', resultaat: 'NotificatieOntvangen' }];
      if (antwoord instanceof Error) throw antwoord;
      return antwoord;
    },
    testleerlingen: [...loadFixtureLeerlingen(), ...loadTestschoolLeerlingen()].map((l) => ({
      naam: [l.roepnaam ?? l.voornaam, l.voorvoegsel, l.achternaam].filter(Boolean).join(' '),
      pgn: l.pgn.waarde,
      pgnSoort: l.pgn.soort,
      geboortedatum: l.geboortedatum,
      omschrijving: l.id === 'povo-onderwijsnummer' ? 'Een nieuwkomer zonder BSN, met een onderwijsnummer.' : `Testleerling ${l.id}.`,
      wachtOpKlaarzetten: l.id === 'testschool-notificatie',
      ...(l.id === 'testschool-vovo' ? { bronTestschool: '99BB' } : {}),
    })),
    adressen: {
      trafficCenter: 'https://tc.testbank.voorbeeld.invalid:8443/oso',
      testscholen: [
        { brin: '99AA', naam: 'Testschool PO', url: 'https://99aa.testbank.voorbeeld.invalid:8444/oso' },
        { brin: '99BB', naam: 'Testschool VO', url: 'https://99bb.testbank.voorbeeld.invalid:8445/oso' },
      ],
    },
    publiekeUrl: 'https://testbank.voorbeeld.invalid',
    ...(opties.opvraagTijdslimietMs ? { opvraagTijdslimietMs: opties.opvraagTijdslimietMs } : {}),
  });
  if (opties.listen) await app.listen({ host: '127.0.0.1', port: 0 });
  else await app.ready();

  return {
    app, store, tokenA, tokenB, uitwisselingA, uitwisselingB, berichtA, berichtB, pgnA: dossierA.pgn, pgnB: dossierB.pgn,
    alleenB: [schoolB.brin, schoolB.naam, dossierB.pgn, 'sessie-b-0001', 'Proef-LAS Beta', 'Het dossier voldoet niet aan de gegevensset (B).', tokenB],
    opvraagVerzoeken,
    notificatieVerzoeken,
    notificatieAntwoorden,
    async close() {
      await app.close();
      await store.close();
      rmSync(data, { recursive: true, force: true });
    },
  };
}
