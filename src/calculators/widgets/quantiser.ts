/** The weight quantiser: a typed or drawn weight vector → INT8/INT4 codes, scales, errors, SQNR and bits per weight. */
import { CalculatorElement } from '../ui/base.ts';
import { drawWeights, quantise, type QuantBits, type QuantResult, type WeightSource } from '../math/quantiser.ts';
import { linePlot, type Series } from '../ui/svg.ts';
import { dataTable, pair } from '../ui/table.ts';

/** Rows of the code table, and weights in the plots: enough to see the pattern, few enough to read. */
const TABLE_ROWS = 16;
const PLOT_WEIGHTS = 256;
/** Scales and zero-points listed for group-wise quantisation. */
const LISTED_GROUPS = 4;
const MAX_WEIGHTS = 65536;

/** Defined as `<afm-quantiser>` by the calculator loader (ui/loader.ts). */
export default class Quantiser extends CalculatorElement {
  protected compute(): void {
    const source = this.value('source');
    let xs: number[] | null = null;
    if (source === 'typed') {
      this.setFieldError('count', null);
      this.setFieldError('seed', null);
      xs = this.numberList('values', { minLength: 1, maxLength: 4096, min: -1e100, max: 1e100 });
    } else {
      this.setFieldError('values', null);
      const count = this.number('count', { integer: true, min: 1, max: MAX_WEIGHTS });
      const seed = this.number('seed', { integer: true, min: 0, max: 2 ** 32 - 1 });
      if (count !== null && seed !== null) xs = drawWeights(source as WeightSource, count, seed);
    }
    const bits = (Number(this.value('bits')) === 8 ? 8 : 4) as QuantBits;
    const symmetric = this.value('scheme') !== 'asymmetric';
    const perGroup = this.value('granularity') === 'group';
    // Read either way: per tensor, a valid group size still gives the comparison line.
    const group = this.number('group', { integer: true, min: 1, max: MAX_WEIGHTS });
    if (!perGroup) this.setFieldError('group', null);
    if (xs === null || (perGroup && group === null)) return this.clear();

    const n = xs.length;
    const r = quantise(xs, { bits, symmetric, groupSize: perGroup ? group : null });
    const listed = (values: number[]) =>
      values.length === 1
        ? this.fmt(values[0]!, 6)
        : this.s('perGroup', {
            groups: r.groups.length,
            first:
              values
                .slice(0, LISTED_GROUPS)
                .map((v) => this.fmt(v, 5))
                .join(', ') + (values.length > LISTED_GROUPS ? ', …' : ''),
          });
    this.output('scales', listed(r.groups.map((g) => g.scale)));
    this.output('zeroPoints', symmetric ? this.s('zeroSymmetric') : listed(r.groups.map((g) => g.zeroPoint)));
    this.output('maxError', this.s('maxErrorAt', { error: this.fmt(r.maxAbsError, 4), index: r.maxAbsErrorAt + 1 }));
    this.output('rmse', this.fmt(r.rmse, 4));
    this.output('sqnr', this.sqnrText(r));
    this.output(
      'bits',
      this.s(symmetric ? 'bitsSymmetric' : 'bitsAsymmetric', {
        bpw: this.fmt(r.bitsPerWeight, 6),
        b: bits,
        overhead: this.fmt(r.overheadBits, 4),
        groups: r.groups.length,
        n,
      }),
    );

    // The same weights with the other granularity, to see an outlier's scale spread or contained.
    const otherGroup = perGroup ? null : group;
    if (perGroup) {
      const other = quantise(xs, { bits, symmetric, groupSize: null });
      this.output(
        'compare',
        this.s('compareTensor', { sqnr: this.sqnrText(other), error: this.fmt(other.maxAbsError, 4), bpw: this.fmt(other.bitsPerWeight, 6) }),
      );
    } else if (otherGroup !== null && otherGroup < n) {
      const other = quantise(xs, { bits, symmetric, groupSize: otherGroup });
      this.output(
        'compare',
        this.s('compareGroups', { g: otherGroup, sqnr: this.sqnrText(other), error: this.fmt(other.maxAbsError, 4), bpw: this.fmt(other.bitsPerWeight, 6) }),
      );
    } else {
      this.output('compare', '');
    }

    const shown = Math.min(TABLE_ROWS, n);
    this.outputHtml(
      'table',
      dataTable(
        this.s('tableCaption', { shown, n }),
        ['x', this.s('colCode'), 'x̂', this.s('colError')],
        xs.slice(0, shown).map((x, i) => ({
          head: String(i + 1),
          cells: [this.fmt(x, 6), String(r.codes[i]).replace('-', '−'), this.fmt(r.dequantised[i]!, 6), this.fmt(r.dequantised[i]! - x, 3)],
        })),
        '#',
      ).replace(' tabindex="0"', ''),
    );

    const plotted = Math.min(PLOT_WEIGHTS, n);
    const index = Array.from({ length: plotted }, (_, i) => i + 1);
    const halfStep = index.map((i) => r.groups[Math.floor((i - 1) / (perGroup ? group! : n))]!.scale / 2);
    const values: Series[] = [
      { label: this.s('seriesOriginal'), points: index.map((i) => [i, xs[i - 1]!]) },
      { label: this.s('seriesDequantised'), points: index.map((i) => [i, r.dequantised[i - 1]!]), dashed: true },
    ];
    const errors: Series[] = [
      { label: this.s('seriesError'), points: index.map((i) => [i, r.dequantised[i - 1]! - xs[i - 1]!]), colour: 2 },
      { label: this.s('seriesHalfStep'), points: index.map((i) => [i, halfStep[i - 1]!]), colour: 3, dashed: true },
      { label: '−s/2', points: index.map((i) => [i, -halfStep[i - 1]!]), colour: 3, dashed: true },
    ];
    this.outputHtml(
      'plot',
      pair([
        [this.s('plotValues', { shown: plotted, n }), linePlot(values, this.s('plotValues', { shown: plotted, n }))],
        [this.s('plotErrors', { shown: plotted, n }), linePlot(errors, this.s('plotErrors', { shown: plotted, n }))],
      ]),
    );
    this.announce(this.s('announce', { sqnr: this.sqnrText(r), bpw: this.fmt(r.bitsPerWeight, 6) }));
  }

  private sqnrText(r: QuantResult): string {
    if (r.sqnr.kind === 'no-error') return this.s('sqnrNoError');
    if (r.sqnr.kind === 'zero-signal') return this.s('sqnrZeroSignal');
    return `${this.fmt(r.sqnr.db, 4)} dB`;
  }

  private clear(): void {
    for (const out of ['scales', 'zeroPoints', 'maxError', 'rmse', 'sqnr', 'bits']) this.output(out, '—');
    this.output('compare', '');
    this.outputHtml('table', '');
    this.outputHtml('plot', '');
  }
}
