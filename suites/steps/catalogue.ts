/** Every step a scenario can use, by its name in the YAML. A new kind of step is code, added here once. */
import type { StepDefinition } from '../scenario-context.ts';
import { documentrequestBijSut } from './documentrequest-bij-sut.ts';
import { klaarzetten } from './klaarzetten.ts';
import { opvragen } from './opvragen.ts';
import { overstap } from './overstap.ts';
import { verwachtAlleAanleverpunten } from './verwacht-alle-aanleverpunten.ts';
import { verwachtBijlagen } from './verwacht-bijlagen.ts';
import { verwachtGeenDossier } from './verwacht-geen-dossier.ts';
import { verwachtGeldigDossier } from './verwacht-geldig-dossier.ts';
import { verwachtGeweigerd } from './verwacht-geweigerd.ts';
import { zomerrelease } from './zomerrelease.ts';
import { verwachtAfmelding } from './verwacht-afmelding.ts';
import { verwachtDossier } from './verwacht-dossier.ts';
import { verwachtNotificatie } from './verwacht-notificatie.ts';
import { verwachtOpgeslagen } from './verwacht-opgeslagen.ts';
import { verwachtOverdracht } from './verwacht-overdracht.ts';
import { verwachtSessiecontrole } from './verwacht-sessiecontrole.ts';

export const stepCatalogue: ReadonlyMap<string, StepDefinition<never>> = new Map(
  [
    klaarzetten,
    opvragen,
    overstap,
    zomerrelease,
    documentrequestBijSut,
    verwachtOverdracht,
    verwachtSessiecontrole,
    verwachtDossier,
    verwachtGeldigDossier,
    verwachtGeenDossier,
    verwachtAfmelding,
    verwachtAlleAanleverpunten,
    verwachtOpgeslagen,
    verwachtGeweigerd,
    verwachtBijlagen,
    verwachtNotificatie,
  ].map((s) => [
    s.naam,
    s as StepDefinition<never>,
  ]),
);
