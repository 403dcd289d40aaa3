/**
 * A bron that says no with a SOAP Fault instead of a result code. It stands in front of the reference LAS's aanleverpunt
 * with the reference LAS's own certificate: in 'na-sessiecontrole' it forwards each documentRequest to the real AP, under
 * the identity of the testschool that asked, so the reference LAS does its sessiecontrole as usual, and turns every answer
 * without a dossier into a Fault; in 'meteen' it answers a Fault without asking anyone (and so without sessiecontrole).
 * The register points the reference LAS's aanleverpunt at it, so the TC hands its address to the doel.
 */
import { testscholen } from '../../fixtures/scholen.ts';
import { OsoClient } from '../../simulator/las/oso-client.ts';
import { ProtocolError } from '../../simulator/protocol/soap.ts';
import { ExchangeLog } from '../../simulator/transport/exchange-log.ts';
import { startSoapServer, type SoapServer } from '../../simulator/transport/soap-server.ts';
import type { World } from '../../simulator/world.ts';

export type Weigering = 'na-sessiecontrole' | 'meteen';

export async function startWeigerendeBron(world: World, routeringsKenmerk: string, weigering: Weigering): Promise<SoapServer> {
  const ap = world.register.aanleverpunt(routeringsKenmerk);
  if (!ap) throw new Error(`geen aanleverpunt ${routeringsKenmerk} in het register`);
  const echteUrl = ap.url;
  // The caller's own identity, so the reference LAS ties the request to the session's doel as it would without us.
  const alsDoel = new Map(
    (['testschool-po', 'testschool-vo'] as const).map((id) => {
      const tls = world.identity(id);
      return [tls.oin, new OsoClient({ name: id === 'testschool-po' ? testscholen.po.naam : testscholen.vo.naam, tls, timeoutMs: 10_000 })];
    }),
  );
  const server = await startSoapServer({
    name: 'Weigerende bron',
    tls: world.identity('reference-las'),
    log: new ExchangeLog(),
    host: '127.0.0.1',
    routes: [
      {
        path: '/oso/ap/:routeringsKenmerk',
        operations: {
          documentRequest: async (req, ctx) => {
            if (weigering === 'meteen') throw new ProtocolError('BerichtOngeldig', 'Dit verzoek wordt niet behandeld.');
            const client = alsDoel.get(ctx.client.oin);
            if (!client) throw new ProtocolError('BerichtOngeldig', `Onbekende aanvrager ${ctx.client.oin}.`);
            const antwoord = await client.call(echteUrl, 'documentRequest', req);
            if (antwoord.dossier === undefined) throw new ProtocolError('BerichtOngeldig', `Geen dossier: ${antwoord.resultaat.code}.`);
            return antwoord;
          },
        },
      },
    ],
  });
  world.register.addAanleverpunt({ ...ap, url: `${server.url}/oso/ap/${routeringsKenmerk}` });
  return server;
}
