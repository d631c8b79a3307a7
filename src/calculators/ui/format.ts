/** Number formatting for calculators, in the page's language. */
import type { Lang } from '../../utils/lang.ts';

/**
 * A number for display: `digits` significant digits, no float noise, never "NaN" or
 * "Infinity" on screen (those become "—" with the reason left to the caller's message).
 */
export function formatNumber(x: number, lang: Lang, digits = 4): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? '—' : x > 0 ? '∞' : '−∞';
  if (x === 0) return '0';
  const abs = Math.abs(x);
  if (abs >= 1e-4 && abs < 1e9) {
    return new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', {
      maximumSignificantDigits: digits,
    })
      .format(x)
      .replace('-', '−');
  }
  const [mantissa, exponent] = x.toExponential(digits - 1).split('e');
  const trimmed = (mantissa ?? '').replace(/\.?0+$/, '');
  return `${trimmed.replace('-', '−')}×10^${Number(exponent)}`.replace(/\^(-?\d+)/, (_, e: string) =>
    e.replace('-', '⁻').replace(/\d/g, (d) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(d)] ?? d),
  );
}

/** Bytes in binary units (KiB, MiB, GiB). */
export function formatBytes(bytes: number, lang: Lang): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (Math.abs(value) >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${formatNumber(value, lang, unit === 0 ? 6 : 4)} ${units[unit]}`;
}
