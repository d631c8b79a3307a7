/** Numbers with units for calculators: singular or plural unit names, and large counts in words a reader scans. */
import { formatNumber } from './format.ts';
import type { Lang } from '../../utils/lang.ts';

/** The units a calculator writes after a number; their names are `calc.js.unit.<unit>.one|other` in src/i18n. */
export type Unit = 'bit' | 'nat' | 'step';

/**
 * The string for "1 bit", "0.5 bits", "2 bits" ("1 比特": Chinese has one form for both). The
 * number is given as displayed, because the singular goes with what the reader sees: 0.99999
 * shown as "1" reads "1 bit". base.ts `withUnit` fills it.
 */
export function unitKey(shown: string, unit: Unit): `unit.${Unit}.${'one' | 'other'}` {
  return `unit.${unit}.${/^[−-]?1$/.test(shown) ? 'one' : 'other'}`;
}

/**
 * A count rounded to `digits` significant digits with a scale word: 175.2 B, 124.4 M, 12.3 K in
 * English; in Chinese 万, 亿 and 万亿 (1752 亿, 1.244 亿), as the notes write counts in prose.
 * Below 1,000 (English) or 10,000 (Chinese) the count is written out.
 */
export function formatCount(n: number, lang: Lang, digits = 4): string {
  const scales: Array<[number, string]> =
    lang === 'zh'
      ? [
          [1e12, ' 万亿'],
          [1e8, ' 亿'],
          [1e4, ' 万'],
        ]
      : [
          [1e12, ' T'],
          [1e9, ' B'],
          [1e6, ' M'],
          [1e3, ' K'],
        ];
  const abs = Math.abs(n);
  // The largest scale at which the rounded count is at least 1: 999,999,999 → 1 B, not 1,000 M.
  for (const [scale, word] of scales) {
    if (Number((abs / scale).toPrecision(digits)) >= 1) return `${formatNumber(n / scale, digits)}${word}`;
  }
  return formatNumber(n, 21);
}
