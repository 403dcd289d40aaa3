/**
 * The exchange log of a long-running service: a durable sink that a server awaits before it answers, writes started by
 * a client that flush() waits for, and a memory that keeps only the latest entries while the numbering goes on.
 */
import { expect, test } from '@playwright/test';
import { ExchangeLog, type Exchange, type ExchangeRecord } from '../../simulator/transport/exchange-log.ts';

const entry = (operation: string): ExchangeRecord => ({
  recordedBy: 'TC',
  operation,
  van: 'LAS',
  naar: 'TC',
  url: 'https://127.0.0.1/oso/tc',
  request: '<x/>',
  uitkomst: 'Ok',
  startedAt: new Date(0).toISOString(),
  durationMs: 1,
});

test('recordDurable resolves only after the sink has the exchange, with the BRINs it concerns', async () => {
  const opgeslagen: { exchange: Exchange; brins: string[] }[] = [];
  let vrijgeven!: () => void;
  const poort = new Promise<void>((r) => (vrijgeven = r));
  const log = new ExchangeLog({
    sink: async (exchange, betreft) => {
      await poort;
      opgeslagen.push({ exchange, brins: betreft.brins });
    },
  });
  let klaar = false;
  const durable = log.recordDurable(entry('overdrachtRequest'), { brins: ['98RA', '99BB'] }).then(() => (klaar = true));
  await new Promise((r) => setTimeout(r, 20));
  expect(klaar).toBe(false);
  vrijgeven();
  await durable;
  expect(opgeslagen).toEqual([{ exchange: expect.objectContaining({ seq: 1, operation: 'overdrachtRequest' }), brins: ['98RA', '99BB'] }]);
});

test('a failing sink makes recordDurable reject; a write started by record() reports its failure and flush() waits for it', async () => {
  const fouten: string[] = [];
  const log = new ExchangeLog({ sink: async () => Promise.reject(new Error('database weg')), onSinkError: (e, x) => fouten.push(`${x.operation}: ${(e as Error).message}`) });
  await expect(log.recordDurable(entry('afmeldingRequest'))).rejects.toThrow('database weg');
  log.record(entry('documentRequest'));
  await log.flush();
  expect(fouten).toEqual(['documentRequest: database weg']);
});

test('with maxEntries only the latest entries stay in memory; numbering and since() go on as before', () => {
  const log = new ExchangeLog({ maxEntries: 3 });
  for (let i = 1; i <= 10; i++) log.record(entry(`op${i}`));
  expect(log.all().map((e) => e.seq)).toEqual([8, 9, 10]);
  expect(log.lastSeq).toBe(10);
  expect(log.since(8).map((e) => e.operation)).toEqual(['op9', 'op10']);
  // Asking from before the memory starts gives what is left, never an error.
  expect(log.since(2).map((e) => e.seq)).toEqual([8, 9, 10]);
  const zonder = new ExchangeLog();
  for (let i = 1; i <= 10; i++) zonder.record(entry(`op${i}`));
  expect(zonder.all()).toHaveLength(10);
});
