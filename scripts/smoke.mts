import { startWorld } from '../simulator/world.ts';
import { loadFixtureLeerlingen } from '../fixtures/leerlingen.ts';
const t0 = Date.now();
const world = await startWorld({ faults: process.argv[2] ? [process.argv[2] as any] : [] });
console.log('world up in', Date.now() - t0, 'ms');
const l = loadFixtureLeerlingen()[0]!;
const r = await fetch(world.sut.controlUrl + '/klaarzetten', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ brin: '98RA', pgn: l.pgn.waarde, doelBrin: '99BB' }) });
console.log(r.status, await r.json());
const t1 = Date.now();
const u = await world.testscholen.vo.opvragen({ brin: '99BB', bronBrin: '98RA', pgn: l.pgn.waarde, geboortedatum: l.geboortedatum });
console.log('opvragen', Date.now() - t1, 'ms', { ...u, dossierXml: u.dossierXml?.length });
for (const e of world.log.all()) console.log(e.seq, e.recordedBy, e.operation, e.van, '->', e.naar, e.uitkomst, e.durationMs);
// doel role
await world.testscholen.po.klaarzetten({ brin: '99AA', pgn: l.pgn.waarde, doelBrin: '98RB' });
const r2 = await fetch(world.sut.controlUrl + '/opvragen', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ brin: '98RB', bronBrin: '99AA', pgn: l.pgn.waarde, geboortedatum: l.geboortedatum }) });
console.log(r2.status, await r2.json());
console.log(await (await fetch(world.sut.controlUrl + '/dossiers')).json());
for (const e of world.log.since(3)) console.log(e.seq, e.recordedBy, e.operation, e.van, '->', e.naar, e.uitkomst, e.durationMs);
await world.stop();
