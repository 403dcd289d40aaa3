import { test, expect } from '@playwright/test';
import { isValidBsn, isValidOnderwijsnummer, isValidPgn } from '../../simulator/dossier/pgn.ts';

test.describe('BSN elfproef', () => {
  test('accepts nine digits whose weighted sum is divisible by 11, leading zeros included', () => {
    for (const bsn of ['003389261', '999900018', '009990008', '123456782']) {
      expect(isValidBsn(bsn), bsn).toBe(true);
    }
  });

  test('rejects a wrong check digit', () => {
    for (const bsn of ['003389262', '999900019', '123456781', '009990009']) {
      expect(isValidBsn(bsn), bsn).toBe(false);
    }
  });

  test('rejects a number that has lost its leading zero or has a wrong length', () => {
    expect(isValidBsn('3389261')).toBe(false);
    expect(isValidBsn('03389261')).toBe(false);
    expect(isValidBsn('0003389261')).toBe(false);
    expect(isValidBsn('')).toBe(false);
  });

  test('rejects anything but nine ASCII digits', () => {
    for (const bsn of ['00338926a', ' 03389261', '003389261 ', '003-389-261', '-03389261', '００３３８９２６１', '0033.8926']) {
      expect(isValidBsn(bsn), JSON.stringify(bsn)).toBe(false);
    }
  });

  test('an onderwijsnummer is never a valid BSN', () => {
    expect(isValidBsn('101211151')).toBe(false);
    expect(isValidBsn('109990001')).toBe(false);
  });
});

test.describe('onderwijsnummer elfproef', () => {
  test('accepts "10" + digits with weighted sum 5 modulo 11', () => {
    for (const nummer of ['101211151', '109990001', '100000004', '101010108']) {
      expect(isValidOnderwijsnummer(nummer), nummer).toBe(true);
    }
  });

  test('rejects a wrong check digit', () => {
    for (const nummer of ['101211152', '109990002', '100000005']) {
      expect(isValidOnderwijsnummer(nummer), nummer).toBe(false);
    }
  });

  test('rejects a number with the right remainder that does not start with 10', () => {
    // 200000002: weighted sum 2*9 - 2 = 16 ≡ 5 (mod 11); only the prefix is wrong.
    expect(isValidOnderwijsnummer('200000002')).toBe(false);
  });

  test('rejects a valid BSN, wrong lengths and non-digits', () => {
    expect(isValidOnderwijsnummer('003389261')).toBe(false);
    expect(isValidOnderwijsnummer('10121115')).toBe(false);
    expect(isValidOnderwijsnummer('1012111510')).toBe(false);
    expect(isValidOnderwijsnummer('10121115x')).toBe(false);
    expect(isValidOnderwijsnummer('')).toBe(false);
  });
});

test.describe('PGN', () => {
  test('checks the number against its own kind', () => {
    expect(isValidPgn({ soort: 'bsn', waarde: '003389261' })).toBe(true);
    expect(isValidPgn({ soort: 'onderwijsnummer', waarde: '101211151' })).toBe(true);
    expect(isValidPgn({ soort: 'bsn', waarde: '101211151' })).toBe(false);
    expect(isValidPgn({ soort: 'onderwijsnummer', waarde: '003389261' })).toBe(false);
  });

  test('refuses an unknown kind', () => {
    expect(isValidPgn({ soort: 'paspoort', waarde: '003389261' } as never)).toBe(false);
  });
});
