/**
 * The TLS runs, one per bad certificate of the catalogue (certs/catalogue-entries.ts) and direction:
 * - SUT as server (bron): a testschool calls the SUT's AP with the bad client certificate, for a dossier that really is
 *   klaargezet for it in a real session. The SUT must refuse — a failed handshake, a SOAP Fault or a refusing result all
 *   count — and must never release the dossier.
 * - SUT as client (doel): the simulated TC, or the bron's AP, presents the bad server certificate. The SUT must not send
 *   its request (nothing arrives), must store nothing, and must report the problem through its adapter.
 */
import { catalogueEntries, type CatalogueEntry } from '../../certs/catalogue-entries.ts';
import { fixtureLeerling } from '../../fixtures/leerlingen.ts';
import { testscholen } from '../../fixtures/scholen.ts';
import { testschoolName } from '../../simulator/testschool/testschool.ts';
import { TC_NAME } from '../../simulator/traffic-center/traffic-center.ts';
import { sutSchool, type World } from '../../simulator/world.ts';
import type { OntvangenBijPartij } from '../partij.ts';
import { sutAlsPartij } from '../partij.ts';
import { CheckFailure } from '../check-failure.ts';
import { beschrijf } from '../scenario-context.ts';
import { attachCertificaat, stap, verwachtGeenVrijgave } from './probe.ts';
import type { BeveiligingsRun } from './beveiligings-run.ts';

const LEERLING = 'povo-regulier';

function clientRun(entry: CatalogueEntry): BeveiligingsRun {
  const eisId = entry.weigering === 'bericht' ? 'BEV-03' : 'BEV-01';
  return {
    id: `tls-client-${entry.id}`,
    titel: `De bron weigert het clientcertificaat '${entry.id}'`,
    beschrijving: `${entry.beschrijving} ${entry.conformGedrag}`,
    rol: 'bron',
    epic: 'Beveiliging',
    capaciteit: 'TLS: clientcertificaten',
    eisen: [eisId],
    parameters: { certificaat: entry.id },
    async uitvoeren(run) {
      const cert = run.world.catalogue.certificates[entry.id];
      await attachCertificaat(run.reporter, `aangeboden clientcertificaat '${entry.id}'`, cert.chainPem, { verwachteFout: entry.expectedError?.node ?? 'geen: het certificaat is geldig' });
      const { cert: certPem, key: keyPem, ciphers } = cert.nodeTlsOptions;
      await verwachtGeenVrijgave(run, {
        eisId,
        stap: `Testschool VO vraagt het dossier op met het certificaat '${entry.id}'`,
        clientNaam: `Testschool VO (99BB) met certificaat ${entry.id}`,
        tls: { certPem, keyPem, caPem: run.world.identity('testschool-vo').caPem, ...(ciphers ? { ciphers } : {}) },
        verwacht: `een weigering (mislukte TLS-handshake, SOAP Fault of weigerend resultaat); een conforme LAS ${kleineLetter(entry.conformGedrag)}`,
        nadruk: `het dossier is vrijgegeven over een verbinding met het certificaat '${entry.id}'`,
        oorzaak:
          entry.weigering === 'bericht'
            ? 'de bron koppelt het OIN van het clientcertificaat niet aan de sessie (doelOin uit de sessiecontrole).'
            : `de TLS-configuratie van het aanleverpunt controleert dit niet${entry.expectedError ? ` (OpenSSL: ${entry.expectedError.openssl.code})` : ''}; aangeboden was ${kleineLetter(entry.beschrijving)}`,
      });
    },
  };
}

type Server = 'tc' | 'ap';

/** What the world's server recorded from the SUT: a request that should never have been sent. */
function ontvangenVanSut(world: World, server: Server) {
  const recordedBy = server === 'tc' ? TC_NAME : testschoolName(testscholen.po);
  return world.log.all().filter((e) => e.recordedBy === recordedBy && e.peerOin === world.sut.oin);
}

function serverRun(entry: CatalogueEntry, server: Server): BeveiligingsRun {
  const wie = server === 'tc' ? 'het Traffic Center' : 'het aanleverpunt van de bronschool (Testschool PO)';
  return {
    id: `tls-server-${server}-${entry.id}`,
    titel: `De doel vertrouwt ${server === 'tc' ? 'het TC' : 'het aanleverpunt'} met certificaat '${entry.id}' niet`,
    beschrijving: `${wie[0]!.toUpperCase()}${wie.slice(1)} biedt dit certificaat aan: ${entry.beschrijving} ${entry.conformGedrag}`,
    rol: 'doel',
    epic: 'Beveiliging',
    capaciteit: 'TLS: servercertificaten',
    eisen: ['BEV-02'],
    parameters: { certificaat: entry.id, server: server === 'tc' ? 'TC' : 'aanleverpunt' },
    worldOptions: { serverCertificaten: { [server === 'tc' ? 'tc' : 'testschool-po']: entry.id } },
    async uitvoeren(run) {
      const { world, sut: adapter, onEis, eis } = run;
      const leerling = fixtureLeerling(LEERLING);
      const cert = world.catalogue.certificates[entry.id];
      await attachCertificaat(run.reporter, `servercertificaat van ${wie} '${entry.id}'`, cert.chainPem, { verwachteFout: entry.expectedError?.node ?? '' });
      await world.testscholen.po.klaarzetten({ brin: testscholen.po.brin, pgn: leerling.pgn.waarde, doelBrin: sutSchool(world.sut, 'vo').brin });
      const sut = sutAlsPartij(world, adapter, 'vo');
      // A vendor LAS lives longer than this test's world: only what it stores from now on is this run's doing.
      const sleutel = (o: OntvangenBijPartij) => `${o.sessieId ?? ''}|${o.pgn}|${o.status}|${o.ontvangenOp}`;
      const alOntvangen = new Set((await sut.ontvangen()).map(sleutel));
      let gemeld: { resultaat: string; fout?: string } | undefined;
      await stap(run, `De SUT vraagt het dossier op; ${wie} biedt het certificaat '${entry.id}' aan`, async () => {
        gemeld = await sut.opvragen(leerling, testscholen.po.brin);
        await run.reporter.attachment('wat de SUT zijn gebruiker meldt', JSON.stringify(gemeld, null, 2), 'application/json');
      });
      const verstuurd = ontvangenVanSut(world, server);
      const opgeslagen = (await sut.ontvangen()).filter((o) => !alOntvangen.has(sleutel(o)) && o.pgn === leerling.pgn.waarde && o.status === 'opgeslagen');
      const afwijkingen = [
        verstuurd.length > 0 && `de SUT verstuurde toch: ${verstuurd.map(beschrijf).join('; ')}`,
        opgeslagen.length > 0 && 'de SUT heeft het dossier opgeslagen',
        gemeld?.resultaat === 'DossierGeleverd' && 'de SUT meldt zijn gebruiker dat het dossier is geleverd',
      ].filter(Boolean);
      if (afwijkingen.length) {
        onEis('BEV-02', 'failed');
        throw new CheckFailure({
          eis: eis('BEV-02'),
          verwacht: `geen bericht naar ${wie} (de handshake afbreken), niets opgeslagen, en een foutmelding aan de gebruiker`,
          ontvangen: afwijkingen.join('; '),
          ...(verstuurd[0] ? { bericht: beschrijf(verstuurd[0]) } : {}),
          oorzaak: `de LAS controleert het certificaat van de server niet, of niet volledig${entry.expectedError ? `; de handshake had moeten mislukken met ${entry.expectedError.node}` : ''}; aangeboden was ${kleineLetter(entry.beschrijving)}`,
        });
      }
      onEis('BEV-02', 'passed');
    },
  };
}

export function tlsRuns(): BeveiligingsRun[] {
  return [
    ...catalogueEntries.filter((e) => e.richting.includes('client')).map(clientRun),
    ...catalogueEntries.filter((e) => e.richting.includes('server')).flatMap((e) => [serverRun(e, 'tc'), serverRun(e, 'ap')]),
  ];
}

/** The catalogue's sentences start with a capital; quoted inside a finding's sentence they continue it. */
function kleineLetter(zin: string): string {
  return /^[A-Z][a-z]/.test(zin) ? zin[0]!.toLowerCase() + zin.slice(1) : zin;
}
