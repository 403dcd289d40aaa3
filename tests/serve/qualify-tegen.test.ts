/**
 * `qualify --config … --tegen URL` against a real `oso-testbank serve` child process, with the standalone reference LAS
 * registered there as a vendor would register its LAS: the runs pass through the service (its TC and testscholen), the
 * verdict is ONVOLLEDIG with the reason that a shared service cannot run every run, the report links to the exchanges
 * the service stored, and the admin API and view list the qualification. A fault of the LAS fails the run that targets it.
 */
import { expect, test } from '@playwright/test';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultCertDir } from '../../certs/location.ts';
import { loadTestschoolLeerlingen } from '../../fixtures/leerlingen.ts';
import { referentieLasScholen } from '../../fixtures/scholen.ts';
import { readDossier } from '../../simulator/dossier/dossier-reader.ts';
import { herkenProfiel } from '../../simulator/dossier/profile.ts';
import { validateDossier } from '../../simulator/dossier/validator.ts';
import { volledigeVersie } from '../../simulator/dossier/versies/index.ts';
import { runCli } from '../cli/run-cli.ts';
import { freePorts, schrijfSutConfig } from '../cli/standalone-las.ts';
import { control, https, registreerSchoolLas, startSchoolLas, startServeProces, type SchoolLas, type ServeProces } from './serve-proces.ts';

test.describe.configure({ mode: 'serial' });

const TOKEN = 'tegen-test-beheertoken-0123456789abcdef';
let serve: ServeProces;
let las: SchoolLas | undefined;
let dir: string;

/** The SUT configuration of the standalone LAS as registered at the service (harness ports are not used with --tegen). */
function schrijfConfig(apPoort: number, controlUrl: string): string {
  return schrijfSutConfig(dir, {
    sut: 'naam: Gehost-LAS\n  versie: "3.1.4"\n  leverancier: Proef Tegen BV',
    apBasis: `https://127.0.0.1:${apPoort}`,
    adapter: `adapter:\n  soort: http\n  http: { controlUrl: "${controlUrl}" }`,
    harness: 'harness:\n  poorten: { tc: 1, testschoolPo: 2, testschoolVo: 3 }',
  });
}

async function startLas(faults: string[] = []): Promise<string> {
  await las?.stop();
  las = await startSchoolLas(`${serve.url}/oso/tc`, faults);
  const antwoorden = await registreerSchoolLas(serve.url, las.apPoort);
  for (const a of antwoorden) expect([200, 201]).toContain(a.status);
  return schrijfConfig(las.apPoort, las.controlUrl);
}

const qualifyTegen = (config: string, report: string, extra: string[] = [], env: NodeJS.ProcessEnv = { OSO_BEHEER_TOKEN: TOKEN }) =>
  runCli(['qualify', '--no-pdf', '--config', config, '--tegen', serve.url, '--report', report, ...extra], 280_000, env);

/** The admin portal page, logged in with the admin token (its cookie). */
function beheerPortaal(pad: string): Promise<string> {
  const ca = readFileSync(join(defaultCertDir, 'ca-bundle.crt'), 'utf8');
  const roep = (url: string, o: { method?: string; body?: string; cookie?: string }) =>
    new Promise<{ status: number; cookie?: string; tekst: string }>((done, failed) => {
      const req = request(
        url,
        { method: o.method ?? 'GET', ca, agent: false, headers: { ...(o.body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}), ...(o.cookie ? { cookie: o.cookie } : {}) } },
        (res) => {
          let tekst = '';
          res.setEncoding('utf8');
          res.on('data', (d) => (tekst += d));
          res.on('end', () => done({ status: res.statusCode ?? 0, tekst, ...(res.headers['set-cookie'] ? { cookie: res.headers['set-cookie'][0]!.split(';')[0]! } : {}) }));
        },
      );
      req.on('error', failed);
      req.end(o.body);
    });
  return roep(`${serve.url}/portaal/beheer/inloggen`, { method: 'POST', body: `token=${encodeURIComponent(TOKEN)}` }).then(async (inlog) => {
    expect(inlog.status).toBe(303);
    const pagina = await roep(`${serve.url}${pad}`, { cookie: inlog.cookie! });
    expect(pagina.status).toBe(200);
    return pagina.tekst;
  });
}

test.beforeAll(async () => {
  test.setTimeout(240_000);
  dir = mkdtempSync(join(tmpdir(), 'qualify-tegen-'));
  const [port] = (await freePorts(1)) as [number];
  serve = await startServeProces(['--data', join(dir, 'data'), '--port', String(port)], { OSO_BEHEER_TOKEN: TOKEN });
});

test.afterAll(async () => {
  await las?.stop();
  await serve?.stop();
});

test('regulier-povo runs through the service in both roles; ONVOLLEDIG with the runs a shared service cannot run; the report links to the stored exchanges; the admin API and view list it', async () => {
  test.setTimeout(240_000);
  const config = await startLas();
  const report = join(dir, 'rapport');
  const r = await qualifyTegen(config, report, ['--scenario', 'regulier-povo']);
  expect(r.code, r.stdout + r.stderr).toBe(0);
  expect(r.stdout).toContain('ONVOLLEDIG');
  expect(r.stdout).toMatch(new RegExp(`Registered at the service: ${serve.url}/portaal/beheer/kwalificatie/\\d+`));

  const k = JSON.parse(readFileSync(join(report, 'kwalificatie.json'), 'utf8'));
  expect(k.verdict).toBe('ONVOLLEDIG');
  expect(k.scenarios.map((s: { id: string; role: string; status: string }) => `${s.id}/${s.role}=${s.status}`).sort()).toEqual(['regulier-povo/bron=passed', 'regulier-povo/doel=passed']);
  expect(k.requirements.filter((e: { status: string }) => e.status === 'passed').map((e: { id: string }) => e.id)).toEqual(
    expect.arrayContaining(['BRON-01', 'BRON-02', 'BRON-03', 'BRON-04', 'DOEL-01', 'DOEL-02', 'DOEL-03', 'DOEL-04']),
  );
  expect(k.tegen.url).toBe(serve.url);
  const codes = k.onvolledig.redenen.map((x: { code: string }) => x.code);
  expect(codes).toEqual(expect.arrayContaining(['selectie', 'tegen-testomgeving']));
  const tegen = k.onvolledig.redenen.find((x: { code: string }) => x.code === 'tegen-testomgeving');
  // The security runs, another release and the notificatie cannot run against a shared service; the regular dossier can.
  expect(tegen.runs).toEqual(expect.arrayContaining(['na-de-zomerrelease/bron', 'notificatie/doel', 'regulier-vovo/doel']));
  expect(tegen.runs.some((run: string) => run.startsWith('tls-') || run.includes('certificaat'))).toBe(true);
  expect(tegen.runs).not.toContain('regulier-povo/bron');
  expect(tegen.tekst).toContain('gegevensset 2018.1');

  // The exchanges of the runs are the service's: stored there, with the SUT's sessiecontrole among them.
  const kwalificaties = (await https(`${serve.url}/api/beheer/kwalificaties`, { token: TOKEN })).body.kwalificaties;
  expect(kwalificaties).toHaveLength(1);
  const opgeslagen = kwalificaties[0];
  expect(opgeslagen).toMatchObject({ leverancier: 'Proef Tegen BV', verdict: 'ONVOLLEDIG', sut: { naam: 'Gehost-LAS', versie: '3.1.4' }, brins: [referentieLasScholen.po.brin, referentieLasScholen.vo.brin] });
  const bron = opgeslagen.runs.find((x: { run: string }) => x.run === 'regulier-povo/bron');
  expect(bron.status).toBe('passed');
  expect(bron.berichten.length).toBeGreaterThanOrEqual(4);
  const berichten = (await https(`${serve.url}/api/beheer/berichten?naId=${bron.berichten[0] - 1}&limit=1000`, { token: TOKEN })).body.berichten as { id: number; operation: string; peerOin?: string }[];
  const vanRun = berichten.filter((b) => bron.berichten.includes(b.id));
  expect(vanRun.map((b) => b.operation)).toEqual(expect.arrayContaining(['overdrachtRequest', 'sessiecontroleRequest', 'documentRequest', 'afmeldingRequest']));

  const samenvatting = readFileSync(join(report, 'samenvatting.html'), 'utf8');
  expect(samenvatting).toContain(`${serve.url}/portaal/beheer/bericht/${bron.berichten[0]}`);
  expect(samenvatting).toContain(`${serve.url}/portaal/beheer/kwalificatie/${opgeslagen.id}`);
  // Each run's Allure result links to its exchanges at the service.
  const resultaten = readdirSync(join(report, 'allure-results'))
    .filter((f) => f.endsWith('-result.json'))
    .map((f) => readFileSync(join(report, 'allure-results', f), 'utf8'));
  expect(resultaten.some((x) => x.includes(`${serve.url}/portaal/beheer/bericht/${bron.berichten[0]}`))).toBe(true);

  const beheer = await beheerPortaal('/portaal/beheer');
  expect(beheer).toContain('Proef Tegen BV');
  expect(beheer).toContain('Gehost-LAS 3.1.4');
  expect(beheer).toContain(`/portaal/beheer/kwalificatie/${opgeslagen.id}`);
  const detail = await beheerPortaal(`/portaal/beheer/kwalificatie/${opgeslagen.id}`);
  expect(detail).toContain(`/portaal/beheer/bericht/${bron.berichten[0]}`);
  expect(detail).toContain('Tegen de gedeelde testomgeving');
  expect(await beheerPortaal(`/portaal/beheer/bericht/${bron.berichten[0]}`)).toContain('overdrachtRequest');
});

test('VO→VO: the VO testschool 99BB has its VO test pupil klaargezet for every school; a VO school asking 99BB gets a VOVO dossier, asking 99AA gets none', async () => {
  const vovo = loadTestschoolLeerlingen().find((l) => l.id === 'testschool-vovo')!;
  const gepubliceerd = (await https(`${serve.url}/api/testleerlingen`)).body.testleerlingen.find((l: { id: string }) => l.id === 'testschool-vovo');
  expect(gepubliceerd).toMatchObject({ pgn: vovo.pgn.waarde, bronTestschool: '99BB', wachtOpKlaarzetten: false });
  expect(gepubliceerd.omschrijving).toContain('99BB');
  const vraag = (bronBrin: string) => control(las!.controlUrl, '/opvragen', { brin: referentieLasScholen.vo.brin, bronBrin, pgn: vovo.pgn.waarde, geboortedatum: vovo.geboortedatum });
  expect((await vraag('99AA')).resultaat).toBe('DossierNietKlaargezet');
  const uitkomst = await vraag('99BB');
  expect(uitkomst).toMatchObject({ resultaat: 'DossierGeleverd', afgemeld: true });
  const { ontvangen } = await control(las!.controlUrl, '/dossiers');
  expect(ontvangen.find((d: { bronBrin: string; pgn: string }) => d.bronBrin === '99BB' && d.pgn === vovo.pgn.waarde)).toMatchObject({ status: 'opgeslagen' });
  const lijst = (await https(`${serve.url}/api/uitwisselingen?schoolBrin=${referentieLasScholen.vo.brin}`, { token: TOKEN })).body.uitwisselingen;
  const geleverd = lijst.find((u: { testschoolBrin: string; pgn: string }) => u.testschoolBrin === '99BB' && u.pgn === vovo.pgn.waarde);
  expect(geleverd).toMatchObject({ richting: 'school-als-doel', status: 'geleverd', sessieId: uitkomst.sessieId });
  const xml = (await https(`${serve.url}/api/uitwisselingen/${geleverd.id}`, { token: TOKEN })).body.uitwisseling.xml as string;
  const kern = readDossier(xml);
  expect(herkenProfiel(kern.overdrachtsoort, kern.overstap).profiel).toBe('VOVO');
  expect(kern.school.brincode).toBe('99BB');
  expect(validateDossier(xml, { gegevensset: volledigeVersie('2019.1')!, bijlagen: 'inhoud' }).findings.filter((f) => f.severity === 'error')).toEqual([]);
});

test('with skip-sessiecontrole in the LAS, the bron run through the service fails on BRON-01: NIET GESLAAGD', async () => {
  test.setTimeout(240_000);
  const config = await startLas(['skip-sessiecontrole']);
  const report = join(dir, 'rapport-fout');
  // notificatie/bron is selected too: it reads the TC's sessions, so it is not executed against the service.
  const r = await qualifyTegen(config, report, ['--scenario', 'regulier-povo', '--scenario', 'notificatie', '--role', 'bron']);
  expect(r.code, r.stdout + r.stderr).toBe(1);
  const k = JSON.parse(readFileSync(join(report, 'kwalificatie.json'), 'utf8'));
  expect(k.verdict).toBe('NIET_GESLAAGD');
  expect(k.scenarios.map((s: { id: string; status: string }) => `${s.id}=${s.status}`)).toEqual(['notificatie=skipped', 'regulier-povo=failed']);
  const bron = k.scenarios.find((s: { id: string }) => s.id === 'regulier-povo');
  expect(bron.message).toContain('BRON-01');
  expect(bron.message).toContain('geen sessiecontroleRequest van Gehost-LAS (SUT)');
  const tegen = k.onvolledig.redenen.find((x: { code: string }) => x.code === 'tegen-testomgeving');
  expect(tegen.runs).toContain('notificatie/bron');
  expect(k.onvolledig.redenen.map((x: { code: string }) => x.code)).not.toContain('overgeslagen');
  // The run that was not executed says why in its Allure result.
  const resultaten = readdirSync(join(report, 'allure-results'))
    .filter((f) => f.endsWith('-result.json'))
    .map((f) => JSON.parse(readFileSync(join(report, 'allure-results', f), 'utf8')) as { name: string; status: string; statusDetails?: { message?: string } });
  const notificatie = resultaten.find((x) => x.name.startsWith('notificatie '))!;
  expect(notificatie.status).toBe('skipped');
  expect(notificatie.statusDetails?.message).toContain('sessies van het Traffic Center');
  expect(k.requirements.find((e: { id: string }) => e.id === 'BRON-01').status).toBe('failed');
  const lijst = (await https(`${serve.url}/api/beheer/kwalificaties?leverancier=${encodeURIComponent('Proef Tegen BV')}`, { token: TOKEN })).body.kwalificaties;
  expect(lijst.map((x: { verdict: string }) => x.verdict)).toEqual(['ONVOLLEDIG', 'NIET_GESLAAGD']);
});

test('without the admin token, or with the LAS not registered at the service, qualify --tegen stops before running: exit 2 with what to do', async () => {
  test.setTimeout(120_000);
  // A LAS registered at the service, and a configuration that names other addresses for its aanleverpunten.
  if (!las) await startLas();
  const config = schrijfConfig(1, 'http://127.0.0.1:1');
  const [zonderToken, nietGeregistreerd, zonderConfig, caOnleesbaar] = await Promise.all([
    qualifyTegen(config, join(dir, 'r1'), ['--scenario', 'regulier-povo'], {}),
    qualifyTegen(config, join(dir, 'r2'), ['--scenario', 'regulier-povo']),
    runCli(['qualify', '--tegen', serve.url, '--scenario', 'regulier-povo', '--report', join(dir, 'r3')], 120_000, { OSO_BEHEER_TOKEN: TOKEN }),
    qualifyTegen(config, join(dir, 'r4'), ['--scenario', 'regulier-povo'], { OSO_BEHEER_TOKEN: TOKEN, OSO_TEGEN_CA: join(dir, 'bestaat-niet.pem') }),
  ]);
  expect(caOnleesbaar.code).toBe(2);
  expect(caOnleesbaar.stderr).toContain(`OSO_TEGEN_CA=${join(dir, 'bestaat-niet.pem')}: cannot read it (ENOENT)`);
  expect(zonderToken.code).toBe(2);
  expect(zonderToken.stderr).toContain('OSO_BEHEER_TOKEN');
  expect(nietGeregistreerd.code).toBe(2);
  expect(nietGeregistreerd.stderr).toContain('is registered with https://127.0.0.1:');
  expect(nietGeregistreerd.stderr).toContain('POST');
  expect(zonderConfig.code).toBe(2);
  expect(zonderConfig.stderr).toContain('--tegen needs --config');
});
