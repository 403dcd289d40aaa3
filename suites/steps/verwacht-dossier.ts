import { DossierLeesfout, readDossier } from '../../simulator/dossier/dossier-reader.ts';
import { gegevensset2019 } from '../../simulator/dossier/gegevensset.ts';
import { decodeEnvelope } from '../../simulator/protocol/soap.ts';
import { CheckFailure } from '../check-failure.ts';
import { beschrijf, documentRequestVan, vereisSessie, type StepDefinition } from '../scenario-context.ts';

/**
 * The dossier the bron delivered in documentResponse is the requested pupil's, of the profile's overstap, in the
 * gegevensset version that was asked for. (The full content rules are the validator's; this checks identity.)
 */
export const verwachtDossier: StepDefinition<{ leerling: string; overstap?: string }> = {
  naam: 'verwacht-dossier',
  soort: 'controle',
  eisen: { bron: ['BRON-03'] },
  titel: ({ leerling, overstap }) => `Het geleverde dossier is van ${leerling}${overstap ? `, overstap ${overstap}` : ''}, gegevensset ${gegevensset2019.versie}`,
  async run(ctx, { leerling, overstap }) {
    const { sessieId } = vereisSessie(ctx, 'verwacht-dossier');
    const eis = ctx.eis('BRON-03');
    const l = ctx.leerling(leerling);
    const exchange = documentRequestVan(ctx, sessieId);
    const decoded = exchange?.response ? safeDecode(exchange.response) : undefined;
    const base64 = decoded?.kind === 'message' && decoded.name === 'documentResponse' ? decoded.body.dossier : undefined;
    if (!exchange || !base64)
      throw new CheckFailure({
        eis,
        verwacht: 'een documentResponse met het dossier (base64) in het element dossier',
        ontvangen: exchange ? `documentResponse zonder dossier (${exchange.uitkomst})` : 'geen documentRequest in deze sessie',
        ...(exchange ? { bericht: beschrijf(exchange) } : {}),
        oorzaak: 'de bron levert geen dossier mee in het antwoord.',
      });
    let kern;
    try {
      kern = readDossier(Buffer.from(base64, 'base64').toString('utf8'));
    } catch (e) {
      if (!(e instanceof DossierLeesfout)) throw e;
      throw new CheckFailure({
        eis,
        verwacht: 'een leesbaar gegevensset-dossier (XML, UTF-8, base64)',
        ontvangen: e.message,
        bericht: beschrijf(exchange),
        oorzaak: 'het dossier is niet als UTF-8 XML in base64 gecodeerd, of is geen goed gevormde XML.',
      });
    }
    const afwijkingen = [
      kern.namespace !== gegevensset2019.namespace && `namespace ${kern.namespace} (verwacht ${gegevensset2019.namespace})`,
      kern.standaardversie !== gegevensset2019.standaardversie && `standaardversie ${kern.standaardversie} (verwacht ${gegevensset2019.standaardversie}, regel OG.02)`,
      kern.validatieversie !== gegevensset2019.validatieversie && `validatieversie ${kern.validatieversie} (verwacht ${gegevensset2019.validatieversie}, regel OVa.MD02)`,
      kern.leerling.pgn?.waarde !== l.pgn.waarde && `${kern.leerling.pgn?.soort ?? 'PGN'} ${kern.leerling.pgn?.waarde ?? '(geen)'} (verwacht ${l.pgn.soort} ${l.pgn.waarde}, regel OVa.LL12)`,
      kern.school.brincode !== ctx.bron.school.brin && `brincode ${kern.school.brincode} (verwacht ${ctx.bron.school.brin})`,
      overstap !== undefined && kern.overstap !== overstap && `overstap ${kern.overstap ?? '(geen)'} (verwacht ${overstap}, regel OVa.OS02)`,
    ].filter(Boolean);
    if (afwijkingen.length)
      throw new CheckFailure({
        eis,
        verwacht: `het dossier van ${l.voornaam} ${l.achternaam} (${l.pgn.soort} ${l.pgn.waarde}) van ${ctx.bron.school.brin}, gegevensset ${gegevensset2019.versie}`,
        ontvangen: afwijkingen.join('; '),
        bericht: beschrijf(exchange),
        oorzaak: 'de bron levert het dossier van een andere leerling, school of versie dan gevraagd.',
      });
  },
};

function safeDecode(xml: string) {
  try {
    return decodeEnvelope(xml);
  } catch {
    return undefined;
  }
}
