import { bijlagenVan } from '../../simulator/dossier/bijlagen.ts';
import { parseXml } from '../../simulator/dossier/xml-reader.ts';
import { CheckFailure } from '../check-failure.ts';
import { ontvangenVan, vereisSessie, type StepDefinition } from '../scenario-context.ts';
import { geleverdDossier } from './geleverd-dossier.ts';

/** The doel stored every attachment of the delivered dossier byte for byte: same file names, same SHA-256. */
export const verwachtBijlagen: StepDefinition<{ leerling: string }> = {
  naam: 'verwacht-bijlagen',
  soort: 'controle',
  eisen: { doel: ['DOEL-07'] },
  titel: ({ leerling }) => `De doel bewaarde alle bijlagen van ${leerling} ongeschonden`,
  async run(ctx, { leerling }) {
    const { sessieId } = vereisSessie(ctx, 'verwacht-bijlagen');
    const l = ctx.leerling(leerling);
    const { xml } = geleverdDossier(ctx, sessieId);
    if (xml === undefined) throw new Error('verwacht-bijlagen: de testschool leverde in deze sessie geen dossier; zet er een geslaagd opvragen vóór.');
    const geleverd = bijlagenVan(parseXml(xml));
    if (geleverd.length === 0) throw new Error('verwacht-bijlagen: het geleverde dossier heeft geen bijlagen; kies een leerling met bijlagen.');
    const opgeslagen = (await ontvangenVan(ctx, l)).find((o) => o.status === 'opgeslagen');
    const bewaard = opgeslagen?.bijlagen ?? [];
    const sleutel = (b: { bestandsnaam: string; sha256: string }) => `${b.bestandsnaam} ${b.sha256.toLowerCase()}`;
    const ontbrekend = geleverd.filter((b) => !bewaard.some((o) => sleutel(o) === sleutel(b)));
    if (ontbrekend.length)
      throw new CheckFailure({
        eis: ctx.eis('DOEL-07'),
        verwacht: `${geleverd.length === 1 ? 'de bijlage' : `alle ${geleverd.length} bijlagen`} bewaard met dezelfde bytes: ${geleverd.map((b) => `${b.bestandsnaam} (SHA-256 ${b.sha256.slice(0, 12)}…)`).join(', ')}`,
        ontvangen: opgeslagen
          ? `bewaard: ${bewaard.length ? bewaard.map((b) => `${b.bestandsnaam} (SHA-256 ${b.sha256.slice(0, 12)}…)`).join(', ') : 'geen bijlagen'}; ontbreekt of verschilt: ${ontbrekend.map((b) => b.bestandsnaam).join(', ')}`
          : 'geen opgeslagen dossier voor deze leerling',
        oorzaak: 'de doel laat bijlagen weg of verandert ze bij het overnemen van het dossier.',
      });
  },
};
