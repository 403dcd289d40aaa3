/** A school served by a LAS, with what the LAS needs to write its dossiers and to be reached. */
import type { Adres } from '../dossier/leerling.ts';
import type { Sector } from '../register/register.ts';

export interface LasSchool {
  brin: string;
  vestigingscode: string;
  naam: string;
  sector: Sector;
  routeringsKenmerk: string;
  adres: Adres;
  telefoon: string;
}
