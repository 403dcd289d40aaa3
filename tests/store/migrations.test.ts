/**
 * The schema's migrations, on both engines: each runs once and is recorded; a later migration is applied on top; a
 * database written by a newer oso-testbank is refused with a clear error; instances starting together do not race.
 */
import { expect, test } from '@playwright/test';
import { MIGRATIES, migreren, type Migratie } from '../../store/migrations.ts';
import { openStore } from '../../store/open-store.ts';
import { ENGINES, engineTitel, POSTGRES_TITEL, nieuweDatabase, vereisEngine, type TestDatabase } from './store-engines.ts';

const volgende: Migratie = {
  versie: MIGRATIES.at(-1)!.versie + 1,
  naam: 'test: een extra kolom',
  statements: ['ALTER TABLE scholen ADD COLUMN opmerking text', "UPDATE scholen SET opmerking = 'bestond al'"],
};

for (const soort of ENGINES) {
  test.describe(`migrations (${engineTitel(soort)})`, () => {
    let db: TestDatabase;
    test.beforeEach(async () => {
      vereisEngine(soort);
      db = await nieuweDatabase(soort);
    });
    test.afterEach(async () => {
      await db?.opruimen();
    });

    test('a fresh database gets every migration once; opening again applies none', async () => {
      const driver = await db.driver();
      try {
        expect(await migreren(driver)).toEqual(MIGRATIES.map((m) => m.versie));
        expect(await migreren(driver)).toEqual([]);
        const rijen = await driver.query<{ versie: number; naam: string }>('SELECT versie, naam FROM schema_migrations ORDER BY versie');
        expect(rijen.map((r) => [Number(r.versie), r.naam])).toEqual(MIGRATIES.map((m) => [m.versie, m.naam]));
      } finally {
        await driver.close();
      }
      // And through openStore, as serve opens it: the data is still there, nothing is applied twice.
      const store = await openStore(db.plek);
      await store.schoolToevoegen({ brin: '11AA', vestigingscode: '00', naam: 'Blijft', sector: 'PO' });
      await store.close();
      const weer = await openStore(db.plek);
      try {
        expect((await weer.school('11AA'))?.naam).toBe('Blijft');
      } finally {
        await weer.close();
      }
    });

    test('a later migration is applied on top of the existing data, once', async () => {
      const driver = await db.driver();
      try {
        await migreren(driver);
        await driver.query("INSERT INTO scholen VALUES ('12BB', '00', 'Oud', 'VO')");
        expect(await migreren(driver, [...MIGRATIES, volgende])).toEqual([volgende.versie]);
        expect(await migreren(driver, [...MIGRATIES, volgende])).toEqual([]);
        expect(await driver.query('SELECT brin, opmerking FROM scholen')).toEqual([{ brin: '12BB', opmerking: 'bestond al' }]);
      } finally {
        await driver.close();
      }
    });

    test('a failing migration leaves the schema as it was', async () => {
      const driver = await db.driver();
      try {
        await migreren(driver);
        const kapot: Migratie = { versie: volgende.versie, naam: 'kapot', statements: ['ALTER TABLE scholen ADD COLUMN x text', 'SELECT * FROM bestaat_niet'] };
        await expect(migreren(driver, [...MIGRATIES, kapot])).rejects.toThrow(/bestaat_niet/);
        const versies = await driver.query<{ versie: number }>('SELECT versie FROM schema_migrations');
        expect(versies.map((r) => Number(r.versie))).toEqual(MIGRATIES.map((m) => m.versie));
        const kolommen = await driver.query<{ column_name: string }>("SELECT column_name FROM information_schema.columns WHERE table_name = 'scholen'");
        expect(kolommen.map((k) => k.column_name)).not.toContain('x');
      } finally {
        await driver.close();
      }
    });

    test('a database of a newer oso-testbank is refused with a clear error', async () => {
      const driver = await db.driver();
      try {
        await migreren(driver, [...MIGRATIES, volgende]);
      } finally {
        await driver.close();
      }
      const fout = await openStore(db.plek).then(
        (s) => s.close().then(() => undefined),
        (e: Error) => e,
      );
      expect(fout?.message).toBe(
        `The database schema is at version ${volgende.versie}, newer than this oso-testbank knows (${volgende.versie - 1}). ` +
          'A newer oso-testbank wrote to it: upgrade oso-testbank, or point it at another data directory or database.',
      );
    });
  });
}

test(`${POSTGRES_TITEL}: instances opening one empty database at the same moment migrate it once`, async () => {
  vereisEngine('postgres');
  const db = await nieuweDatabase('postgres');
  try {
    const stores = await Promise.all(Array.from({ length: 4 }, (_, i) => openStore({ ...db.plek, instantie: `serve-${i}` })));
    await Promise.all(stores.map((s) => s.close()));
    const driver = await db.driver();
    try {
      const rijen = await driver.query<{ versie: number }>('SELECT versie FROM schema_migrations ORDER BY versie');
      expect(rijen.map((r) => Number(r.versie))).toEqual(MIGRATIES.map((m) => m.versie));
    } finally {
      await driver.close();
    }
  } finally {
    await db.opruimen();
  }
});
