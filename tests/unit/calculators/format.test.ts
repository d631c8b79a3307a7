/**
 * The calculators' number formatting without Intl (src/calculators/ui/format.ts) writes what
 * Intl.NumberFormat writes for both page languages: the same rounding (the shortest decimal,
 * half away from zero), the same grouping, on values chosen to hit halves, carries and every
 * magnitude the plain form covers. Up to 12 significant digits, the most the calculators ask
 * for. From about 15, ICU rounds from an approximation of the double (9.999999999999995 to 16
 * digits is "10" there), so with more digits only values that need no rounding (counts, short
 * decimals) are compared.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatNumber, groupThousands } from '../../../src/calculators/ui/format.ts';

const locales = { en: 'en-US', zh: 'zh-CN' } as const;
/** What the calculators showed when they used Intl. */
const viaIntl = (x: number, lang: 'en' | 'zh', digits: number) =>
  new Intl.NumberFormat(locales[lang], { maximumSignificantDigits: digits }).format(x).replace('-', '−');

describe('formatNumber, in the plain range (1e-4 to 1e9), is what Intl.NumberFormat writes', () => {
  it('on halves, carries and round numbers', () => {
    const cases = [
      1.0005,
      2.5,
      0.5,
      9.9995,
      999.95,
      999.96,
      99999.5,
      0.00099995,
      0.0001,
      123456789,
      999999999.4,
      1.45,
      1.55,
      0.125,
      0.375,
      1234.5,
      3.3616,
      2.8013,
      1e-4,
      5e8,
      100,
      1000,
      10000,
      0.1 + 0.2,
      1 / 3,
      2 / 3,
      Math.PI,
      Math.E,
    ];
    for (const x of cases)
      for (const lang of ['en', 'zh'] as const)
        for (let digits = 1; digits <= 12; digits++) {
          expect(formatNumber(x, digits), `${x}, ${digits} digits`).toBe(viaIntl(x, lang, digits));
          expect(formatNumber(-x, digits), `${-x}, ${digits} digits`).toBe(viaIntl(-x, lang, digits));
        }
  });

  it('on random values of every magnitude and decimal values written with few digits', () => {
    const magnitude = fc.tuple(fc.double({ min: 1, max: 10, noNaN: true }), fc.integer({ min: -4, max: 8 })).map(([m, e]) => m * 10 ** e);
    const short = fc.tuple(fc.integer({ min: 1, max: 99999 }), fc.integer({ min: -8, max: 4 })).map(([n, e]) => Number(`${n}e${e}`));
    fc.assert(
      fc.property(fc.oneof(magnitude, short), fc.integer({ min: 1, max: 12 }), fc.constantFrom('en' as const, 'zh' as const), (x, digits, lang) => {
        if (x < 1e-4 || x >= 1e9) return;
        expect(formatNumber(x, digits)).toBe(viaIntl(x, lang, digits));
      }),
      { numRuns: 20_000 },
    );
  });
});

describe('formatNumber with up to 21 digits', () => {
  it('writes counts and short decimals in full, as Intl does', () => {
    for (const x of [1, 42, 999, 9999, 123456789, 0.5, 0.0001, 1234.5678, 3.3616, 175181.25])
      for (const digits of [16, 18, 21]) expect(formatNumber(x, digits), `${x}, ${digits} digits`).toBe(viaIntl(x, 'en', digits));
  });
});

describe('groupThousands', () => {
  it('groups the integer part by three, as Intl does for whole counts', () => {
    for (const n of [0, 7, 999, 1000, 12345, 123456, 1234567, 7_000_000_000, 175_181_291_520, 1.5e20])
      expect(groupThousands(String(n))).toBe(new Intl.NumberFormat('en-US').format(n));
    expect(groupThousands('1234.5678')).toBe('1,234.5678');
  });
});
