/**
 * Does an exchange under load still meet the requirements? A sample of the exchanges (every Nth) is judged by the
 * requirements qualify verifies for a regular dossier in that role, read from the same evidence — the TC's log of the
 * world and the dossier as delivered — but without the scenario engine (a load run has no scenario steps):
 * - bron: BRON-01 (an accepted sessiecontrole of the LAS for the session at the TC), BRON-02 (DossierGeleverd),
 *   BRON-03 (the dossier is of the asked pupil) and BRON-04 (the dossier meets the gegevensset's rules, attachments too);
 * - doel: DOEL-01 (its overdrachtRequest at the TC opened the session), DOEL-02 (DossierGeleverd shown) and DOEL-03
 *   (its afmeldingRequest closed the session).
 * Each failure is a Dutch sentence with the requirement id, as a finding in the qualification reads.
 */
import { validateDossier } from '../../simulator/dossier/index.ts';
import type { Leerling } from '../../simulator/dossier/leerling.ts';
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

/** The checks of the dossier a sampled bron exchange delivered: validation takes its time, so they run after the load. */
export function controleerDossier(u: UitwisselingUitkomst, leerling: Leerling): Controle[] {
  const sessie = u.sessieId ?? '(geen sessie)';
  const uitslag = u.dossierXml === undefined ? undefined : validateDossier(u.dossierXml);
  const fouten = uitslag?.findings.filter((f) => f.severity === 'error') ?? [];
  return [
    {
      eis: 'BRON-03',
      ...(u.dossierXml?.includes(leerling.pgn.waarde) ? {} : { bevinding: `het dossier van sessie ${sessie} noemt de gevraagde leerling (${leerling.pgn.waarde}) niet` }),
    },
    {
      eis: 'BRON-04',
      ...(uitslag?.valid
        ? {}
        : { bevinding: `het dossier van sessie ${sessie} voldoet niet aan de gegevensset: ${fouten.slice(0, 3).map((f) => `[${f.rule}] ${f.message}`).join('; ') || 'geen dossier'}` }),
    },
  ];
}
