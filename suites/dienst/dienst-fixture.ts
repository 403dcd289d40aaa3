/**
 * The world of one run against a running `serve` (qualify --tegen), as the world fixture sets it up and tears it down:
 * the report links to the service's admin view, and the ids of the exchanges the service stored for the run are left
 * where qualify finds them (the samenvatting and the registration at the service link each run to its exchanges).
 */
import type { TestInfo } from '@playwright/test';
import * as allure from 'allure-js-commons';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { World } from '../../simulator/world.ts';
import { ANNOTATION, runLogFileName, type QualificationRun } from '../run-settings.ts';
import type { SutConfig } from '../sut-config.ts';
import { BEHEER_TOKEN_ENV, dienstApi } from './dienst-api.ts';
import { startDienstWereld, type DienstWereld } from './dienst-wereld.ts';

export function isDienstWereld(world: World): world is DienstWereld {
  return 'dienst' in world && 'volgend' in world;
}

/** What a run against the service leaves for qualify: its exchanges at the service, by id. */
export interface DienstRunBerichten {
  run: string;
  berichten: number[];
}

export async function gedeeldeWereld(tegen: NonNullable<QualificationRun['tegen']>, config: SutConfig | undefined, use: (w: World) => Promise<void>, testInfo: TestInfo): Promise<void> {
  if (!config) throw new Error('qualify --tegen heeft een SUT-configuratie (--config) nodig.');
  const token = process.env[BEHEER_TOKEN_ENV];
  if (!token) throw new Error(`qualify --tegen heeft het beheertoken van de testomgeving nodig in ${BEHEER_TOKEN_ENV}.`);
  const world = await startDienstWereld({ api: dienstApi(tegen.url, token, { env: process.env }), config });
  const basis = world.dienst.basis;
  for (const brin of Object.values(config.sut.scholen).map((s) => s.brin))
    await allure.link(`${basis}/portaal/beheer/school/${brin}`, `Tijdlijn van ${brin} in de testomgeving`, 'testomgeving');
  try {
    await use(world);
  } finally {
    const annotatie = (type: string) => testInfo.annotations.find((a) => a.type === type)?.description ?? '';
    const [id, rol] = [annotatie(ANNOTATION.scenario), annotatie(ANNOTATION.rol)];
    const berichten = world.berichtIds();
    for (const [i, bericht] of berichten.entries()) await allure.link(`${basis}/portaal/beheer/bericht/${bericht}`, `Bericht #${bericht} in de testomgeving (${i + 1} van ${berichten.length})`, 'testomgeving');
    if (id && rol) {
      const verslag: DienstRunBerichten = { run: `${id}/${rol}`, berichten };
      await writeFile(join(tegen.berichtenMap, runLogFileName(id, rol)), JSON.stringify(verslag));
    }
  }
}
