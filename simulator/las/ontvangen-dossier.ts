/** What a doel did with a dossier it received: stored it (with its XML), or refused it with a reason. */
import type { OntvangenDossier as Ontvangen } from '../control-api.ts';

export type OntvangenDossier = Ontvangen & { xml?: string };
