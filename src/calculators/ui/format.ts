/** Number formatting for calculators. Both page languages write numbers alike: 1,234.5. */

/**
 * A number for display: `digits` significant digits, no float noise, never "NaN" or
 * "Infinity" on screen (those become "—" with the reason left to the caller's message).
 */
export function formatNumber(x: number, digits = 4): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? '—' : x > 0 ? '∞' : '−∞';
  if (x === 0) return '0';
  const abs = Math.abs(x);
  if (abs >= 1e-4 && abs < 1e9) return `${x < 0 ? '−' : ''}${groupThousands(roundShortest(abs, digits))}`;
  const [mantissa, exponent] = x.toExponential(digits - 1).split('e');
  const trimmed = (mantissa ?? '').replace(/\.?0+$/, '');
  return `${trimmed.replace('-', '−')}×10^${Number(exponent)}`.replace(/\^(-?\d+)/, (_, e: string) =>
    e.replace('-', '⁻').replace(/\d/g, (d) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(d)] ?? d),
  );
}

/**
 * `abs` (at least 1e-6, below 1e21, so JavaScript writes it without an exponent) to `digits`
 * significant digits, as Intl.NumberFormat does: its shortest decimal (what String() gives)
 * rounded half away from zero, trailing zeros dropped. Not Intl itself: the first
 * Intl.NumberFormat of a page loads ICU's data, a long task inside the first calculator's first
 * render (measured in BENCHMARKS.md §7b, session 8).
 * tests/unit/calculators/format.test.ts holds it to Intl's output up to 12 significant digits,
 * the most the calculators ask for (from about 15, ICU rounds from an approximation of the double).
 */
function roundShortest(abs: number, digits: number): string {
  const [whole = '', fraction = ''] = String(abs).split('.');
  // All the digits with the decimal point taken out, and where it was.
  let all = whole + fraction;
  let point = whole.length;
  const lead = all.search(/[1-9]/);
  const cut = lead + digits;
  if (cut < all.length) {
    const up = all[cut]! >= '5';
    all = all.slice(0, cut);
    if (up) {
      // Add one at the last kept digit, carrying left; a carry out of the first digit adds one.
      let i = cut - 1;
      while (i >= 0 && all[i] === '9') i--;
      all = i < 0 ? `1${'0'.repeat(cut)}` : `${all.slice(0, i)}${Number(all[i]) + 1}${'0'.repeat(cut - 1 - i)}`;
      if (i < 0) point++;
    }
  }
  const integer = all
    .slice(0, point)
    .padEnd(point, '0')
    .replace(/^0+(?=\d)/, '');
  const decimals = all.slice(point).replace(/0+$/, '');
  return decimals ? `${integer}.${decimals}` : integer;
}

/** "1234567.5" → "1,234,567.5": the integer part in groups of three. */
export function groupThousands(plain: string): string {
  const [integer = '', decimals] = plain.split('.');
  const grouped = integer.replace(/\B(?=(\d{3})+$)/g, ',');
  return decimals === undefined ? grouped : `${grouped}.${decimals}`;
}

/** Bytes in binary units (KiB, MiB, GiB). */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (Math.abs(value) >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${formatNumber(value, unit === 0 ? 6 : 4)} ${units[unit]}`;
}
