/**
 * `qualify --tegen URL`: the qualification runs use a running `oso-testbank serve` — its TC and testscholen — instead
 * of an embedded world, so Kennisnet qualifies a vendor's LAS against the hosted service. Before anything runs: the
 * service answers, the admin token (OSO_BEHEER_TOKEN) is accepted, and the LAS's aanleverpunten are registered there
 * by its own certificate at the addresses of its configuration. After the run: the report is registered at the service
 * (the admin view lists it per vendor) and the summary links each run to the exchanges the service stored for it.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kwalificatie } from '../reports/kwalificatie.ts';
import { renderTestomgevingSectie, type RunBijTestomgeving } from '../reports/testomgeving-sectie.ts';
import { runKey } from '../suites/catalogue.ts';
import { BEHEER_TOKEN_ENV, dienstApi, type DienstApi } from '../suites/dienst/dienst-api.ts';
import type { DienstRunBerichten } from '../suites/dienst/dienst-fixture.ts';
import { beveiligingRunDefs, scenarioRuns } from '../suites/qualification-runs.ts';
import type { Requirement } from '../suites/requirements.ts';
import type { Rol } from '../suites/scenario-context.ts';
import type { SutConfig } from '../suites/sut-config.ts';

export interface TegenDienst {
  /** The service's base URL. */
  basis: string;
  api: DienstApi;
  /** Where each run leaves the ids of its exchanges at the service (removed after). */
  berichtenMap: string;
}

interface Aanleverpunt {
  routeringsKenmerk: string;
  brin: string;
  url: string;
  eigenaarOin: string;
  actief: boolean;
  opgeschort: boolean;
}

/** Checks the service and the LAS's registration there; a problem is one message with what to do. */
export async function bereidTegenVoor(url: string, config: SutConfig | undefined, env: NodeJS.ProcessEnv = process.env): Promise<TegenDienst | { fout: string }> {
  if (!config)
    return { fout: '--tegen needs --config FILE: the configuration of the vendor LAS whose aanleverpunten are registered at the service (docs/vendor-guide.md, "Against a running serve").' };
  const token = env[BEHEER_TOKEN_ENV];
  if (!token) return { fout: `--tegen needs the admin token of the service in ${BEHEER_TOKEN_ENV} (serve prints where it keeps it at start-up; docs/serve.md).` };
  let api: DienstApi;
  try {
    api = dienstApi(url, token, { env });
    await api.get('/gezondheid');
  } catch (e) {
    return { fout: `--tegen ${url}: the service does not answer: ${(e as Error).message}` };
  }
  let aanleverpunten: Aanleverpunt[];
  try {
    aanleverpunten = (await api.get<{ aanleverpunten: Aanleverpunt[] }>('/beheer/aanleverpunten')).aanleverpunten;
  } catch (e) {
    return { fout: `--tegen ${url}: ${(e as Error).message}` };
  }
  const oin = config.sut.certificaat.oin;
  const problemen: string[] = [];
  for (const [sector, school] of Object.entries(config.sut.scholen)) {
    const ap = aanleverpunten.find((a) => a.routeringsKenmerk === school.routeringsKenmerk);
    const wat = `sut.scholen.${sector} (${school.brin}, aanleverpunt ${school.routeringsKenmerk})`;
    if (!ap) problemen.push(`${wat} is not registered at the service`);
    else if (ap.eigenaarOin !== oin) problemen.push(`${wat} is registered by another certificate (OIN ${ap.eigenaarOin}, not the LAS's ${oin})`);
    else if (ap.url !== school.apUrl) problemen.push(`${wat} is registered with ${ap.url}, not ${school.apUrl} as in ${config.bestand}`);
    else if (ap.opgeschort || !ap.actief) problemen.push(`${wat} is ${ap.opgeschort ? 'suspended by the admin' : 'not active'}`);
  }
  if (problemen.length)
    return {
      fout: `--tegen ${url}: ${problemen.join('; ')}.\n  Fix: register the LAS's aanleverpunten at the service with its own client certificate (POST ${api.basis}/api/aanleverpunten, docs/serve.md), with the addresses of the configuration, and point the LAS at the service's TC (${api.basis}/oso/tc).`,
    };
  return { basis: api.basis, api, berichtenMap: await mkdtemp(join(tmpdir(), 'oso-tegen-')) };
}

/** Every run of the full set for these roles that a shared service cannot carry out, with why (the verdict names them). */
export function nietUitvoerbaarTegenDienst(requirements: ReadonlyMap<string, Requirement>, scenariosDir: string | undefined, rollen: readonly string[]): { run: string; reden: string }[] {
  const defs = [...scenarioRuns(requirements, scenariosDir ? { scenariosDir } : {}), ...beveiligingRunDefs(requirements)];
  return defs
    .filter((d) => rollen.includes(d.info.rol as Rol) && d.info.nietTegenDienst)
    .map((d) => ({ run: runKey(d.info.id, d.info.rol), reden: d.info.nietTegenDienst! }));
}

/**
 * After the run: registers the report at the service and gives the summary's section with the links. A registration
 * that fails is said (`fout`), and the section still links the exchanges.
 */
export async function naRunTegenDienst(tegen: TegenDienst, kwalificatie: Kwalificatie, config: SutConfig): Promise<{ sectie: string; kwalificatieUrl?: string; fout?: string }> {
  const perRun = new Map<string, number[]>();
  for (const bestand of await readdir(tegen.berichtenMap)) {
    const r = JSON.parse(await readFile(join(tegen.berichtenMap, bestand), 'utf8')) as DienstRunBerichten;
    perRun.set(r.run, r.berichten);
  }
  await rm(tegen.berichtenMap, { recursive: true, force: true });
  const runs = kwalificatie.scenarios.map((s) => ({ run: runKey(s.id, s.role), status: s.status, berichten: perRun.get(runKey(s.id, s.role)) ?? [] }));
  const bijTestomgeving: RunBijTestomgeving[] = runs.filter((r) => r.status !== 'skipped');
  const brins = [...new Set(Object.values(config.sut.scholen).map((s) => s.brin))];
  try {
    const { kwalificatie: opgeslagen } = await tegen.api.post<{ kwalificatie: { id: number } }>('/beheer/kwalificaties', { kwalificatie, brins, runs });
    const kwalificatieUrl = `${tegen.basis}/portaal/beheer/kwalificatie/${opgeslagen.id}`;
    return { sectie: renderTestomgevingSectie({ basis: tegen.basis, runs: bijTestomgeving, kwalificatieUrl }), kwalificatieUrl };
  } catch (e) {
    return { sectie: renderTestomgevingSectie({ basis: tegen.basis, runs: bijTestomgeving }), fout: `the report could not be registered at ${tegen.basis}: ${(e as Error).message}` };
  }
}
