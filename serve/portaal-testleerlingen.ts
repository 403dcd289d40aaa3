/**
 * The fixed synthetic test pupils the portal publishes: the fixture pupils (fixtures/leerlingen.yaml), each with what it
 * tests in words for a school administrator. A fixture pupil without a description here is still published, with a
 * plain one, so adding a pupil to the fixtures never hides it from the schools.
 */
import { loadFixtureLeerlingen } from '../fixtures/leerlingen.ts';
import type { PortaalTestleerling } from '../web/portaal/testleerlingen.ts';

const toelichtingen: Record<string, string> = {
  'povo-regulier': 'Een gewone overstap van de basisschool naar het voortgezet onderwijs, met twee ouders. Begin hiermee.',
  'povo-bjorn': 'Een naam en adres met bijzondere tekens (æ, ø, ö, Ĳ, & en een apostrof): komen die ongeschonden over?',
  'povo-onderwijsnummer': 'Een nieuwkomer zonder BSN, met een onderwijsnummer. Uw LAS moet het onderwijsnummer in plaats van het BSN gebruiken.',
  'povo-zorg': 'Een zorgdossier: ondersteuning, diagnoses, handelingsplan, OPP en TLV, met bijlagen (PDF, afbeelding, tekst).',
  'povo-geheim-adres': 'Een leerling met een geheim adres: het adres mag niet in het dossier staan, telefoon en e-mail alleen in de geheime vorm.',
  'povo-veel-bijlagen': 'Een zorgdossier met veel bijlagen (ruim dertig onderzoeksverslagen): kan uw LAS een groot dossier versturen?',
};

export function portaalTestleerlingen(): PortaalTestleerling[] {
  return loadFixtureLeerlingen().map((l) => ({
    naam: [l.roepnaam ?? l.voornaam, l.voorvoegsel, l.achternaam].filter(Boolean).join(' '),
    pgn: { soort: l.pgn.soort, waarde: l.pgn.waarde },
    geboortedatum: l.geboortedatum,
    toelichting: toelichtingen[l.id] ?? 'Een testleerling voor een gewone overstap.',
  }));
}
