import { DossierLeesfout, readDossier } from '../../simulator/dossier/dossier-reader.ts';
import { herkenProfiel, profielKenmerken } from '../../simulator/dossier/profile.ts';
import { versieOpNaam } from '../../simulator/dossier/versies/index.ts';
import { CheckFailure } from '../check-failure.ts';
import { beschrijf, vereisSessie, type ScenarioProfiel, type StepDefinition } from '../scenario-context.ts';
import { vereisGeleverdDossier } from './geleverd-dossier.ts';

/**
 * The dossier the bron delivered in documentResponse is the requested pupil's, of the expected transfer profile (the
 * doel's sector, which the TC told the bron), in the gegevensset release the world works in. A zorgdossier carries its
 * onderwijsondersteuning with attachments. (The full content rules are verwacht-geldig-dossier's; this checks identity.)
 */
export const verwachtDossier: StepDefinition<{ leerling: string; overstap?: string; profiel?: ScenarioProfiel; zorg?: boolean }> = {
  naam: 'verwacht-dossier',
  soort: 'controle',
  eisen: { bron: ['BRON-03'] },
  titel: ({ leerling, overstap, profiel, zorg }) =>
    `Het geleverde dossier is ${zorg ? 'het zorgdossier' : 'het dossier'} van ${leerling}${profiel ? `, profiel ${profiel}` : ''}${overstap ? `, overstap ${overstap}` : ''}, in de gegevensset van dit moment`,
  async run(ctx, { leerling, overstap, profiel, zorg }) {
    const { sessieId } = vereisSessie(ctx, 'verwacht-dossier');
    const eis = ctx.eis('BRON-03');
    const l = ctx.leerling(leerling);
    const release = versieOpNaam(ctx.release);
    if (!release) throw new Error(`Onbekende gegevensset ${ctx.release} in het scenario.`);
    const { exchange, xml } = vereisGeleverdDossier(ctx, sessieId, eis);
    let kern;
    try {
      kern = readDossier(xml);
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
    const herkend = herkenProfiel(kern.overdrachtsoort, kern.overstap).profiel;
    const zonderPgn = profiel !== undefined && profielKenmerken[profiel].familie === 'PaO';
    const afwijkingen = [
      kern.namespace !== release.namespace && `namespace ${kern.namespace} (verwacht ${release.namespace})`,
      kern.standaardversie !== release.standaardversie && `standaardversie ${kern.standaardversie} (verwacht ${release.standaardversie}, regel OG.02)`,
      kern.validatieversie !== release.validatieversie && `validatieversie ${kern.validatieversie} (verwacht ${release.validatieversie}, regel OVa.MD02)`,
      // An SWV dossier names the pupil without PGN (PaO.LL12, a content rule verwacht-geldig-dossier checks).
      !zonderPgn && kern.leerling.pgn?.waarde !== l.pgn.waarde && `${kern.leerling.pgn?.soort ?? 'PGN'} ${kern.leerling.pgn?.waarde ?? '(geen)'} (verwacht ${l.pgn.soort} ${l.pgn.waarde}, regel OVa.LL12)`,
      zonderPgn && (kern.leerling.achternaam !== l.achternaam || kern.leerling.geboortedatum !== l.geboortedatum) &&
        `leerling ${kern.leerling.achternaam}, ${kern.leerling.geboortedatum ?? '(geen geboortedatum)'} (verwacht ${l.achternaam}, ${l.geboortedatum})`,
      kern.school.brincode !== ctx.bron.school.brin && `brincode ${kern.school.brincode} (verwacht ${ctx.bron.school.brin})`,
      overstap !== undefined && kern.overstap !== overstap && `overstap ${kern.overstap ?? '(geen)'} (verwacht ${overstap}, regel OVa.OS02)`,
      profiel !== undefined && herkend !== profiel &&
        `profiel ${herkend ?? 'onduidelijk'} (overdrachtsoort ${kern.overdrachtsoort}, overstap ${kern.overstap ?? '(geen)'}; verwacht ${profiel}: overdrachtsoort ${profielKenmerken[profiel].overdrachtsoort}${profielKenmerken[profiel].overstap ? `, overstap ${profielKenmerken[profiel].overstap}` : ''})`,
      zorg && !/<([\w-]+:)?onderwijsondersteuning[\s>]/.test(xml) && 'geen onderwijsondersteuning (categorie cat_onderwijsondersteuning)',
      zorg && !/<([\w-]+:)?bestandsinhoud[\s>]/.test(xml) && 'geen bijlagen (document/bestandsinhoud) bij de onderwijsondersteuning',
    ].filter(Boolean);
    if (afwijkingen.length)
      throw new CheckFailure({
        eis,
        verwacht: `het dossier van ${l.voornaam} ${l.achternaam} (${l.pgn.soort} ${l.pgn.waarde}) van ${ctx.bron.school.brin}, gegevensset ${release.versie}${profiel ? `, profiel ${profiel}` : ''}`,
        ontvangen: afwijkingen.join('; '),
        bericht: beschrijf(exchange),
        oorzaak: 'de bron levert het dossier van een andere leerling, school, overstap of versie dan gevraagd — of laat de zorggegevens weg.',
      });
  },
};
