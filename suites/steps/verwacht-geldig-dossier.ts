import { validateDossier } from '../../simulator/dossier/validator.ts';
import { volledigeVersie } from '../../simulator/dossier/versies/index.ts';
import { aantal } from '../../web/meervoud.ts';
import { CheckFailure } from '../check-failure.ts';
import { beschrijf, vereisSessie, type StepDefinition } from '../scenario-context.ts';
import { vereisGeleverdDossier } from './geleverd-dossier.ts';

/**
 * The delivered dossier keeps every content rule of the gegevensset — among them: categories the parents opted out of
 * carry no data (OS.cat), an SWV dossier carries no BSN or onderwijsnummer (PaO.LL12) — and its attachments are ZIPs
 * that open and inflate. Findings name the official rule ids.
 */
export const verwachtGeldigDossier: StepDefinition<Record<string, never>> = {
  naam: 'verwacht-geldig-dossier',
  soort: 'controle',
  eisen: { bron: ['BRON-04'] },
  titel: () => 'Het geleverde dossier voldoet aan de inhoudsregels van de gegevensset',
  async run(ctx) {
    const { sessieId } = vereisSessie(ctx, 'verwacht-geldig-dossier');
    const eis = ctx.eis('BRON-04');
    const versie = volledigeVersie(ctx.release);
    if (!versie) throw new Error(`Gegevensset ${ctx.release} is alleen bij naam bekend; verwacht-geldig-dossier kan er niet op valideren.`);
    const { exchange, xml } = vereisGeleverdDossier(ctx, sessieId, eis);
    const uitslag = validateDossier(xml, { gegevensset: versie, bijlagen: 'inhoud' });
    // Attachment findings are warnings in the validator (the standard does not check them); a delivered attachment that does not open is a finding here.
    const bevindingen = uitslag.findings.filter((f) => f.severity === 'error' || f.rule.startsWith('BIJLAGE.'));
    if (bevindingen.length)
      throw new CheckFailure({
        eis,
        verwacht: `een dossier zonder bevindingen volgens gegevensset ${versie.versie} (inhoudsregels, codelijsten, controlecijfers, bijlagen)`,
        ontvangen: `${aantal(bevindingen.length, 'bevinding', 'bevindingen')}: ${bevindingen
          .slice(0, 5)
          // Each message is a sentence of its own; in this list the semicolon ends it.
          .map((f) => `[${f.rule}] ${f.path}: ${f.message.replace(/\.$/, '')}`)
          .join('; ')}${bevindingen.length > 5 ? ' …' : ''}`,
        bericht: beschrijf(exchange),
        oorzaak: 'de bron stelt het dossier niet samen volgens de gegevensset: zie de regel-id per bevinding (oso-testbank validate toont ze allemaal).',
      });
  },
};
