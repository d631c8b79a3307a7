/** Numbers with units for calculators: singular or plural unit names, and large counts in words a reader scans. */
import { formatNumber, type Lang } from './format.ts';

/** A unit's name: English singular and plural; Chinese has one form (比特, 步). */
export type UnitName = { en: readonly [singular: string, plural: string]; zh: string };

export const UNITS = {
  bit: { en: ['bit', 'bits'], zh: '比特' },
  nat: { en: ['nat', 'nats'], zh: '奈特' },
  step: { en: ['step', 'steps'], zh: '步' },
} as const satisfies Record<string, UnitName>;

/**
 * "1 bit", "0.5 bits", "2 bits"; "1 比特". The number is given as displayed, because the
 * singular goes with what the reader sees: 0.99999 shown as "1" reads "1 bit".
 */
export function withUnit(shown: string, unit: UnitName, lang: Lang): string {
  if (lang === 'zh') return `${shown} ${unit.zh}`;
  return `${shown} ${/^[−-]?1$/.test(shown) ? unit.en[0] : unit.en[1]}`;
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
    if (Number((abs / scale).toPrecision(digits)) >= 1) return `${formatNumber(n / scale, lang, digits)}${word}`;
  }
  return formatNumber(n, lang, 21);
}
