import type { PovoDossierInvoer } from '../../simulator/dossier/povo-dossier.ts';

/** The school and dossier metadata the dossier tests build with; only the pupil varies between tests. */
export const proefschool: Omit<PovoDossierInvoer, 'leerling'> = {
  school: {
    naam: "Basisschool 't Proefje & Co",
    brincode: '00YY',
    vestigingscode: '00',
    aanleverpunt: '0000000700000YY00001',
    adres: { straatnaam: 'Schoolpad', huisnummer: '1', postcode: '9999 ZZ', plaatsnaam: 'Teststad' },
    telefoon: '0101234567',
  },
  datum: '2020-03-01',
  pakket: { naam: 'oso-testbank', versie: '0.1.0' },
};
