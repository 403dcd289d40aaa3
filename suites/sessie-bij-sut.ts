/**
 * The starting point of the SUT-as-bron security runs: a dossier the SUT has klaargezet for testschool VO, and a real TC
 * session that testschool VO opened for it. Whoever then asks the SUT's AP for the dossier, only testschool VO, over a
 * good connection, may get it. Below both the security runs and the documentRequest step, which ask the SUT for a
 * dossier the same way.
 */
import { fixtureLeerling } from '../fixtures/leerlingen.ts';
import type { Leerling } from '../simulator/dossier/leerling.ts';
import { testscholen } from '../fixtures/scholen.ts';
import { gegevensset2019 } from '../simulator/dossier/gegevensset.ts';
import { OsoClient, type OsoClientOptions } from '../simulator/las/oso-client.ts';
import type { DocumentRequest } from '../simulator/protocol/messages.ts';
import { zoeksleutelVoor } from '../simulator/protocol/zoeksleutel.ts';
import { sutSchool, type World } from '../simulator/world.ts';
import type { TlsIdentity } from '../simulator/transport/tls-identity.ts';
import type { SutAdapter } from './adapters/sut-adapter.ts';
import { sutAlsPartij } from './partij.ts';

export interface SessieBijSut {
  apUrl: string;
  documentRequest: DocumentRequest;
}

/** A client of the harness with the given identity, whose calls to the SUT go into the world log. */
export function harnessClient(world: World, name: string, tls: TlsIdentity, extra: Pick<OsoClientOptions, 'maxTlsVersion'> = {}): OsoClient {
  return new OsoClient({ name, tls, timeoutMs: 10_000, log: world.clientLog, ...extra });
}

export async function sessieBijSut(world: World, sut: SutAdapter, leerlingId = 'povo-regulier'): Promise<SessieBijSut> {
  const leerling = fixtureLeerling(leerlingId);
  const bron = sutSchool(world.sut, 'po');
  await sutAlsPartij(world, sut, 'po').klaarzetten(leerling, testscholen.vo.brin);
  const testschool = harnessClient(world, 'Testschool VO (99BB)', world.identity('testschool-vo'));
  return openSessieBijSut(world, testschool, { bron, doel: testscholen.vo, leerling, dossierVersie: gegevensset2019.versie });
}

/**
 * A real TC session that the client (a testschool as doel) opens for the pupil at the SUT's bron school, and the
 * documentRequest that belongs to it, ready to send to the SUT's AP.
 */
export async function openSessieBijSut(
  world: World,
  client: OsoClient,
  sessie: { bron: { brin: string; routeringsKenmerk: string }; doel: { brin: string; routeringsKenmerk: string }; leerling: Leerling; dossierVersie: string },
): Promise<SessieBijSut> {
  const { bron, doel, leerling } = sessie;
  const sleutel = zoeksleutelVoor(leerling.pgn.waarde, leerling.geboortedatum);
  const overdracht = await client.call(world.tc.url, 'overdrachtRequest', {
    doelBrin: doel.brin,
    doelRouteringsKenmerk: doel.routeringsKenmerk,
    bronBrin: bron.brin,
    overdrachtsoort: 'overstapdossier',
    zoeksleutel: sleutel.zoeksleutel,
  });
  const ap = overdracht.aanleverpunten?.find((a) => a.routeringsKenmerk === bron.routeringsKenmerk);
  if (overdracht.resultaat.code !== 'Ok' || !overdracht.sessieId || !ap)
    throw new Error(`De TC opende geen sessie voor ${bron.brin} (${overdracht.resultaat.code}); de test kan niet beginnen.`);
  return {
    apUrl: ap.url,
    documentRequest: {
      sessieId: overdracht.sessieId,
      bronBrin: bron.brin,
      bronRouteringsKenmerk: ap.routeringsKenmerk,
      doelBrin: doel.brin,
      doelRouteringsKenmerk: doel.routeringsKenmerk,
      zoeksleutelPgnfrag: sleutel,
      overdrachtsoort: 'overstapdossier',
      aanvraagdatum: world.clock.today(),
      dossierVersie: sessie.dossierVersie,
    },
  };
}
