/** The dossier a bron delivered in the session, as the world saw it: what the dossier checks look at. */
import { decodeEnvelope } from '../../simulator/protocol/soap.ts';
import type { Exchange } from '../../simulator/transport/exchange-log.ts';
import { CheckFailure } from '../check-failure.ts';
import type { Requirement } from '../requirements.ts';
import { beschrijf, documentRequestVan, type ScenarioContext } from '../scenario-context.ts';

/** The dossier XML in a documentResponse, or undefined when it carries none (or is no documentResponse at all). */
export function dossierUitAntwoord(responseXml: string): string | undefined {
  let decoded;
  try {
    decoded = decodeEnvelope(responseXml);
  } catch {
    return undefined;
  }
  const base64 = decoded.kind === 'message' && decoded.name === 'documentResponse' ? decoded.body.dossier : undefined;
  return base64 ? Buffer.from(base64, 'base64').toString('utf8') : undefined;
}

/** The session's documentRequest that brought a dossier (or else its first one), and that dossier, if any. */
export function geleverdDossier(ctx: ScenarioContext, sessieId: string): { exchange?: Exchange; xml?: string } {
  for (const e of ctx.world.log.all()) {
    if (e.operation !== 'documentRequest' || e.sessieId !== sessieId || !e.response) continue;
    const xml = dossierUitAntwoord(e.response);
    if (xml !== undefined) return { exchange: e, xml };
  }
  const exchange = documentRequestVan(ctx, sessieId);
  return exchange ? { exchange } : {};
}

/** The dossier the bron delivered in the session; its absence is a finding against the given requirement. */
export function vereisGeleverdDossier(ctx: ScenarioContext, sessieId: string, eis: Requirement): { exchange: Exchange; xml: string } {
  const { exchange, xml } = geleverdDossier(ctx, sessieId);
  if (!exchange || xml === undefined)
    throw new CheckFailure({
      eis,
      verwacht: 'een documentResponse met het dossier (base64) in het element dossier',
      ontvangen: exchange ? `documentResponse zonder dossier (${exchange.uitkomst})` : 'geen documentRequest in deze sessie',
      ...(exchange ? { bericht: beschrijf(exchange) } : {}),
      oorzaak: 'de bron levert geen dossier mee in het antwoord.',
    });
  return { exchange, xml };
}
