/** The RoPE explorer: pair frequencies and angles at a position, the score against the offset, and the relative-position check. */
import { CalculatorElement } from '../ui/base.ts';
import { MAX_DIMENSION, MAX_OFFSET, dot, ones, pairTable, randomVector, relativeScore, ropeFrequencies, ropeScore, scoreCurve } from '../math/rope.ts';
import { dataTable } from '../ui/table.ts';
import { linePlot, type Series } from '../ui/svg.ts';

const OUTS = ['pairs', 'wavelengths', 'unrotated', 'score', 'shifted', 'relative', 'gap', 'note'];
/** Positions beyond this lose too many digits of their angle (m·θ₀ = m rad) to be worth showing. */
const MAX_POSITION = 10_000_000;

/** A whole number as typed, with a real minus sign and no digit grouping (an offset, a position). */
const whole = (x: number) => String(x).replace('-', '−');

/** Defined as `<afm-rope-explorer>` by the calculator loader (ui/loader.ts). */
export default class RopeExplorer extends CalculatorElement {
  private clear(): void {
    for (const out of OUTS) this.output(out, '—');
    this.output('note', '');
    this.outputHtml('table', '');
    this.outputHtml('plot', '');
  }

  protected compute(): void {
    let d = this.number('d', { integer: true, min: 2, max: MAX_DIMENSION });
    if (d !== null && d % 2 !== 0) {
      this.setFieldError('d', this.s('odd'));
      d = null;
    }
    const base = this.number('base', { min: 1, minExclusive: true, max: 1e12 });
    const position = { integer: true, min: 0, max: MAX_POSITION };
    const m = this.number('m', position);
    const scale = this.number('scale', { min: 0, minExclusive: true, max: 1e6 });
    const n = this.number('n', position);
    const t = this.number('t', position);
    const L = this.number('L', { integer: true, min: 1, max: MAX_OFFSET });
    const kind = this.value('vectors');
    const custom = kind === 'custom';
    // q, k and the seed are only read (and checked) when they are used; q and k's length depends on d.
    const q = custom && d !== null ? this.numberList('q', { length: d }) : (this.setFieldError('q', null), null);
    const k = custom && d !== null ? this.numberList('k', { length: d }) : (this.setFieldError('k', null), null);
    const seed = kind === 'random' ? this.number('seed', { integer: true, min: 0, max: 2 ** 32 - 1 }) : (this.setFieldError('seed', null), 0);
    if (d === null || base === null || m === null || scale === null || n === null || t === null || L === null) return this.clear();
    if ((custom && (q === null || k === null)) || seed === null) return this.clear();
    const freq = ropeFrequencies(d, base);
    if (!freq.ok) return this.clear();
    const thetas = freq.value;
    // "random": q = k = one seeded vector, so the score at offset 0 is |q|², as with all ones.
    const shared = kind === 'random' ? randomVector(d, seed) : ones(d);
    const qv = q ?? shared;
    const kv = k ?? shared;

    const rows = pairTable(thetas, m, scale);
    const first = rows[0]!;
    const last = rows[rows.length - 1]!;
    this.output('pairs', String(d / 2));
    this.output('wavelengths', this.s('wavelengthRange', { short: this.fmt(first.wavelength, 5), long: this.fmt(last.wavelength, 5) }));
    this.output('unrotated', this.fmt(dot(qv, kv), 6));

    const a = ropeScore(qv, kv, thetas, m, n, scale);
    const b = ropeScore(qv, kv, thetas, m + t, n + t, scale);
    if (!a.ok || !b.ok) return this.clear();
    const fromOffset = relativeScore(qv, kv, thetas, n - m, scale);
    this.output('score', this.fmt(a.value, 6));
    this.output('shifted', this.fmt(b.value, 6));
    this.output('relative', this.fmt(fromOffset, 6));
    const gap = Math.max(Math.abs(a.value - b.value), Math.abs(a.value - fromOffset));
    this.output('gap', gap === 0 ? '0' : this.fmt(gap, 2));
    this.output(
      'note',
      this.s(scale === 1 ? 'noteOffset' : 'noteOffsetScaled', {
        offset: whole(n - m),
        scaled: this.fmt((n - m) / scale, 6),
        s: this.fmt(scale, 6),
        slowTurns: this.fmt(Math.abs(last.turns), 4),
      }),
    );

    const tableRows = rows.map((r) => ({
      head: String(r.i),
      cells: [this.fmt(r.theta, 6), this.fmt(r.angle, 6), this.fmt(r.reduced, 5), this.fmt(r.degrees, 5), this.fmt(r.wavelength, 6)],
    }));
    this.outputHtml(
      'table',
      dataTable(
        this.s('tableCaption', { m: whole(m), s: this.fmt(scale, 6) }),
        [this.s('colTheta'), this.s('colAngle'), this.s('colReduced'), this.s('colDegrees'), this.s('colWavelength')],
        tableRows,
        this.s('colPair'),
      ),
    );
    this.outputHtml('plot', this.plot(qv, kv, thetas, L, scale, n - m));
    this.announce(this.s('announce', { score: this.fmt(a.value, 6), shifted: this.fmt(b.value, 6), long: this.fmt(last.wavelength, 5) }));
  }

  private plot(q: number[], k: number[], thetas: number[], L: number, scale: number, offset: number): string {
    const curve = scoreCurve(q, k, thetas, L, scale);
    const per = curve.length > 1 ? curve[1]!.delta - curve[0]!.delta : 1;
    const series: Series[] =
      per === 1
        ? [{ label: this.s('curve'), points: curve.map((p) => [p.delta, p.max]) }]
        : [
            { label: this.s('curveMax', { per }), points: curve.map((p) => [p.delta, p.max]) },
            { label: this.s('curveMin', { per }), points: curve.map((p) => [p.delta, p.min]), colour: 0, dashed: true },
          ];
    const ys = curve.flatMap((p) => [p.min, p.max]);
    const [lo, hi] = [Math.min(...ys), Math.max(...ys)];
    if (offset >= 0 && offset <= L) {
      series.push({
        label: this.s('marker', { offset: whole(offset) }),
        points: [
          [offset, lo],
          [offset, hi],
        ],
        colour: 1,
        dashed: true,
      });
    }
    return linePlot(series, this.s('plotTitle', { L }));
  }
}
