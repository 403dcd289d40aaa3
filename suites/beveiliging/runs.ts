/**
 * The security runs: fixed checks written in code rather than YAML, because each is one probe with one expected refusal.
 * Each names the requirement it verifies and the reference-LAS fault that proves it catches what it claims.
 */
import { CheckFailure } from '../check-failure.ts';
import { beschrijfUitkomst, controleRechtmatigeDoel, stap, verwachtGeenVrijgave, vraagDossier, type Uitkomst } from './probe.ts';
import { harnessClient, sessieBijSut } from '../sessie-bij-sut.ts';
import type { BeveiligingsRun } from './beveiligings-run.ts';
import { tlsRuns } from './tls-runs.ts';


export const beveiligingsRuns: BeveiligingsRun[] = [
  ...tlsRuns(),
  {
    id: 'oin-van-ander-systeem',
    titel: 'Een ander systeem met een geldig certificaat krijgt het dossier niet',
    beschrijving:
      'De doel opent een sessie bij het TC; daarna vraagt een ander systeem (ander OIN, geldig certificaat van dezelfde CA) met dezelfde sessie het dossier op bij de bron. De bron moet weigeren.',
    rol: 'bron',
    epic: 'Beveiliging',
    capaciteit: 'Identiteit van de vrager',
    eisen: ['BEV-03'],
    uitvoeren: (run) =>
      verwachtGeenVrijgave(run, {
        eisId: 'BEV-03',
        stap: 'Testschool PO (ander OIN) vraagt het dossier op met de sessie van Testschool VO',
        clientNaam: 'Testschool PO (99AA) als ander systeem',
        tls: run.world.identity('testschool-po'),
        verwacht: `een weigering: het certificaat (OIN ${run.world.identity('testschool-po').oin}) is niet dat van de doel die de sessie opende (OIN ${run.world.identity('testschool-vo').oin})`,
        oorzaak: 'de bron vergelijkt het OIN van het clientcertificaat niet met doelOin uit het sessiecontrole-antwoord van het TC.',
      }),
  },
  {
    id: 'tls-versie-te-oud',
    titel: 'Het aanleverpunt weigert TLS 1.1 en lager',
    beschrijving: 'De testbank verbindt met het aanleverpunt van de bron en biedt hoogstens TLS 1.1 aan; de handshake moet mislukken.',
    rol: 'bron',
    epic: 'Beveiliging',
    capaciteit: 'TLS-versie',
    eisen: ['BEV-04'],
    async uitvoeren(run) {
      const { world, sut, onEis, eis } = run;
      const sessie = await sessieBijSut(world, sut);
      let oud: Uitkomst | undefined;
      await stap(run, 'Testschool VO verbindt met hoogstens TLS 1.1', async () => {
        const client = harnessClient(world, 'Testschool VO (99BB) met TLS 1.1', world.identity('testschool-vo'), { maxTlsVersion: 'TLSv1.1' });
        oud = await vraagDossier(client, sessie);
      });
      if (oud?.soort !== 'tls-geweigerd') {
        onEis('BEV-04', 'failed');
        throw new CheckFailure({
          eis: eis('BEV-04'),
          verwacht: 'een geweigerde TLS-handshake bij een client die hoogstens TLS 1.1 aanbiedt',
          ontvangen: oud ? beschrijfUitkomst(oud) : 'niets',
          bericht: `TLS-handshake met ${sessie.apUrl}`,
          oorzaak: 'de TLS-configuratie van het aanleverpunt staat nog TLS 1.0 of 1.1 toe (minimumversie of cipher-instellingen).',
        });
      }
      await controleRechtmatigeDoel(run, sessie);
      onEis('BEV-04', 'passed');
    },
  },
];
