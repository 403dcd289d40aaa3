/** Every step a scenario can use, by its name in the YAML. A new kind of step is code, added here once. */
import type { StepDefinition } from '../scenario-context.ts';
import { klaarzetten } from './klaarzetten.ts';
import { opvragen } from './opvragen.ts';
import { verwachtAfmelding } from './verwacht-afmelding.ts';
import { verwachtDossier } from './verwacht-dossier.ts';
import { verwachtNotificatie } from './verwacht-notificatie.ts';
import { verwachtOpgeslagen } from './verwacht-opgeslagen.ts';
import { verwachtOverdracht } from './verwacht-overdracht.ts';
import { verwachtSessiecontrole } from './verwacht-sessiecontrole.ts';

export const stepCatalogue: ReadonlyMap<string, StepDefinition<never>> = new Map(
  [klaarzetten, opvragen, verwachtOverdracht, verwachtSessiecontrole, verwachtDossier, verwachtAfmelding, verwachtOpgeslagen, verwachtNotificatie].map((s) => [
    s.naam,
    s as StepDefinition<never>,
  ]),
);
