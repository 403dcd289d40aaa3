/**
 * Does an exchange under load still meet the requirements? A sample of the exchanges (every Nth) is judged by every
 * requirement qualify verifies for one exchange of a regular dossier or a zorgdossier in that role, read from the same
 * evidence — the TC's log of the world, the dossier as delivered, what the LAS says it stored — but without the scenario
 * engine (a load run has no scenario steps):
 * - bron: BRON-01 (an accepted sessiecontrole of the LAS for the session at the TC), BRON-02 (DossierGeleverd),
 *   BRON-03 (the dossier is the asked pupil's, of the LAS's school, profile POVO, in the release of the run, a
 *   zorgdossier with its onderwijsondersteuning and attachments) and BRON-04 (the gegevensset's rules, attachments too);
 * - doel: DOEL-01 (its overdrachtRequest at the TC opened the session), DOEL-02 (DossierGeleverd shown), DOEL-03
 *   (its afmeldingRequest closed the session), DOEL-04 (it stored the dossier with the pupil) and, for a dossier with
 *   attachments, DOEL-07 (it kept every attachment byte for byte).
 * Each failure is a Dutch sentence with the requirement id, as a finding in the qualification reads.
 */
import type { OntvangenDossier } from '../../simulator/control-api.ts';
import { bijlagenVan } from '../../simulator/dossier/bijlagen.ts';
import { DossierLeesfout, readDossier } from '../../simulator/dossier/dossier-reader.ts';
import { validateDossier } from '../../simulator/dossier/index.ts';
import type { Leerling } from '../../simulator/dossier/leerling.ts';
import { herkenProfiel } from '../../simulator/dossier/profile.ts';
import type { GegevenssetVersie } from '../../simulator/dossier/versies/versie.ts';
import { parseXml } from '../../simulator/dossier/xml-reader.ts';
import type { World } from '../../simulator/world.ts';
import type { UitwisselingUitkomst } from './uitwisselingen.ts';

export interface Controle {
  eis: string;
  /** Empty when met; otherwise what was wrong, in Dutch. */
  bevinding?: string;
}

/** The checks of a sampled exchange that read the TC's log of the world: made right after the exchange, while the log holds it. */
export function controleerInLog(world: World, u: UitwisselingUitkomst): Controle[] {
  const tc = (operation: string) =>
    u.sessieId === undefined ? [] : world.log.all().filter((e) => e.recordedBy === 'TC' && e.operation === operation && e.sessieId === u.sessieId && e.peerOin === world.sut.oin);
  const sessie = u.sessieId ?? '(geen sessie)';
  if (u.rol === 'bron') {
    const controles = tc('sessiecontroleRequest');
    return [
      {
        eis: 'BRON-01',
        ...(controles.some((c) => c.uitkomst === 'Ok')
          ? {}
          : { bevinding: `geen door het TC geaccepteerde sessiecontroleRequest van de LAS voor sessie ${sessie}${controles.length ? ` (wel: ${controles.map((c) => c.uitkomst).join(', ')})` : ''}` }),
      },
      { eis: 'BRON-02', ...(u.dossierXml ? {} : { bevinding: `geen dossier geleverd in sessie ${sessie}` }) },
    ];
  }
  const overdracht = tc('overdrachtRequest');
  const afmelding = tc('afmeldingRequest');
  return [
    { eis: 'DOEL-01', ...(overdracht.some((e) => e.uitkomst === 'Ok') ? {} : { bevinding: `geen geaccepteerde overdrachtRequest van de LAS bij het TC voor sessie ${sessie}` }) },
    { eis: 'DOEL-02', ...(u.fout ? { bevinding: u.fout.tekst } : {}) },
    { eis: 'DOEL-03', ...(afmelding.some((e) => e.uitkomst === 'Ok') && u.afgemeld ? {} : { bevinding: `geen geaccepteerde afmeldingRequest van de LAS bij het TC voor sessie ${sessie}` }) },
  ];
}

/** What the delivered dossier must be: the pupil asked, from the LAS's PO school, in the release the run works in. */
export interface Verwacht {
  leerling: Leerling;
  bronBrin: string;
  release: Pick<GegevenssetVersie, 'versie' | 'namespace' | 'standaardversie' | 'validatieversie'>;
}

/** The checks of the dossier a sampled bron exchange delivered: validation takes its time, so they run after the load. */
export function controleerDossier(u: UitwisselingUitkomst, verwacht: Verwacht): Controle[] {
  const sessie = u.sessieId ?? '(geen sessie)';
  const uitslag = u.dossierXml === undefined ? undefined : validateDossier(u.dossierXml);
  const fouten = uitslag?.findings.filter((f) => f.severity === 'error') ?? [];
  const afwijkingen = u.dossierXml === undefined ? ['geen dossier'] : identiteitsafwijkingen(u.dossierXml, verwacht);
  return [
    {
      eis: 'BRON-03',
      ...(afwijkingen.length ? { bevinding: `het dossier van sessie ${sessie} is niet het gevraagde (${verwacht.leerling.pgn.soort} ${verwacht.leerling.pgn.waarde}): ${afwijkingen.join('; ')}` } : {}),
    },
    {
      eis: 'BRON-04',
      ...(uitslag?.valid
        ? {}
        : { bevinding: `het dossier van sessie ${sessie} voldoet niet aan de gegevensset: ${fouten.slice(0, 3).map((f) => `[${f.rule}] ${f.message}`).join('; ') || 'geen dossier'}` }),
    },
  ];
}

/** What in the dossier differs from the pupil, school, profile and release asked for (BRON-03, as verwacht-dossier reads it). */
function identiteitsafwijkingen(xml: string, v: Verwacht): string[] {
  let kern;
  try {
    kern = readDossier(xml);
  } catch (e) {
    if (!(e instanceof DossierLeesfout)) throw e;
    return [`onleesbaar: ${e.message}`];
  }
  const l = v.leerling;
  const profiel = herkenProfiel(kern.overdrachtsoort, kern.overstap).profiel;
  return [
    kern.leerling.pgn?.waarde !== l.pgn.waarde && `${kern.leerling.pgn?.soort ?? 'PGN'} ${kern.leerling.pgn?.waarde ?? '(geen)'} (regel OVa.LL12)`,
    kern.school.brincode !== v.bronBrin && `brincode ${kern.school.brincode} (verwacht ${v.bronBrin})`,
    profiel !== 'POVO' && `profiel ${profiel ?? 'onduidelijk'} (overdrachtsoort ${kern.overdrachtsoort}, overstap ${kern.overstap ?? '(geen)'}; verwacht POVO)`,
    kern.namespace !== v.release.namespace && `namespace ${kern.namespace} (verwacht ${v.release.namespace})`,
    kern.standaardversie !== v.release.standaardversie && `standaardversie ${kern.standaardversie} (verwacht ${v.release.standaardversie}, regel OG.02)`,
    kern.validatieversie !== v.release.validatieversie && `validatieversie ${kern.validatieversie} (verwacht ${v.release.validatieversie}, regel OVa.MD02)`,
    l.zorg && !/<([\w-]+:)?onderwijsondersteuning[\s>]/.test(xml) && 'een zorgdossier zonder onderwijsondersteuning',
    l.zorg && !/<([\w-]+:)?bestandsinhoud[\s>]/.test(xml) && 'een zorgdossier zonder bijlagen',
  ].filter((x): x is string => typeof x === 'string');
}

/**
 * The checks of what the LAS as doel stored, from one read of its received dossiers after the run (reading back during
 * the run would itself load the LAS): DOEL-04 the dossier of the session stored with the pupil, and for a dossier with
 * attachments DOEL-07 every attachment kept byte for byte (file name and SHA-256 as the testschool delivered them).
 */
export function controleerOpgeslagen(u: UitwisselingUitkomst, leerling: Leerling, ontvangen: readonly OntvangenDossier[], geleverdXml: string | undefined): Controle[] {
  const sessie = u.sessieId ?? '(geen sessie)';
  const vanLeerling = ontvangen.filter((o) => o.pgn === leerling.pgn.waarde);
  // A LAS that names the session is judged on that session's dossier; one that does not, on any of the pupil's.
  const vanSessie = u.sessieId === undefined ? vanLeerling : vanLeerling.filter((o) => o.sessieId === undefined || o.sessieId === u.sessieId);
  const opgeslagen = vanSessie.find((o) => o.status === 'opgeslagen');
  const controles: Controle[] = [
    {
      eis: 'DOEL-04',
      ...(opgeslagen
        ? {}
        : { bevinding: `het dossier van ${leerling.pgn.soort} ${leerling.pgn.waarde} uit sessie ${sessie} is niet opgeslagen${vanSessie.length ? ` (${vanSessie.map((o) => `${o.status}${o.reden ? `: ${o.reden}` : ''}`).join('; ')})` : ''}` }),
    },
  ];
  const geleverd = geleverdXml === undefined ? [] : bijlagenVan(parseXml(geleverdXml));
  if (geleverd.length === 0) return controles;
  const sleutel = (b: { bestandsnaam: string; sha256: string }) => `${b.bestandsnaam} ${b.sha256.toLowerCase()}`;
  const bewaard = new Set((opgeslagen?.bijlagen ?? []).map(sleutel));
  const ontbrekend = geleverd.filter((b) => !bewaard.has(sleutel(b)));
  controles.push({
    eis: 'DOEL-07',
    ...(ontbrekend.length
      ? { bevinding: `van het dossier uit sessie ${sessie} ontbreken ${ontbrekend.length} van de ${geleverd.length} bijlagen of verschillen ze: ${ontbrekend.slice(0, 3).map((b) => b.bestandsnaam).join(', ')}${ontbrekend.length > 3 ? ' …' : ''}` }
      : {}),
  });
  return controles;
}
