/** The summation lab: naive, pairwise and Kahan sums of n terms with every addition rounded to FP32, BF16 or FP16. */
import { CalculatorElement } from '../ui/base.ts';
import { makeTerms, rounderFor, sumLab, type MethodResult, type SumFormat } from '../math/summation.ts';
import { linePlot, type Series } from '../ui/svg.ts';
import { dataTable, pair } from '../ui/table.ts';

const FORMAT_NAME: Record<SumFormat, string> = { fp32: 'FP32', bf16: 'BF16', fp16: 'FP16' };
const LARGEST: Record<SumFormat, string> = { fp32: '3.4×10³⁸', bf16: '3.39×10³⁸', fp16: '65504' };
/**
 * The most terms per format. Every term is added three ways, one by one; FP32 rounds with the
 * built-in Math.fround, BF16 and FP16 in software, about ten times slower, so they get fewer
 * terms to keep typing smooth.
 */
const MAX_TERMS: Record<SumFormat, number> = { fp32: 1_000_000, bf16: 100_000, fp16: 100_000 };

/** Defined as `<afm-summation-lab>` by the calculator loader (ui/loader.ts). */
export default class SummationLab extends CalculatorElement {
  protected compute(): void {
    const random = this.value('terms') === 'random';
    const format = (['fp32', 'bf16', 'fp16'].includes(this.value('format')) ? this.value('format') : 'fp32') as SumFormat;
    const name = FORMAT_NAME[format];
    const round = rounderFor(format);
    const fits = (field: string, x: number | null): number | null => {
      if (x === null) return null;
      if (Number.isFinite(round(x))) return x;
      this.setFieldError(field, this.s('tooLarge', { format: name, largest: LARGEST[format] }));
      return null;
    };
    const value = fits('value', this.number('value', { min: -1e300, max: 1e300 }));
    const start = fits('start', this.number('start', { min: -1e300, max: 1e300 }));
    let n = this.number('n', { integer: true, min: 1 });
    if (n !== null && n > MAX_TERMS[format]) {
      this.setFieldError('n', this.s('tooMany', { max: this.fmt(MAX_TERMS[format], 7), format: name }));
      n = null;
    }
    const seed = random ? this.number('seed', { integer: true, min: 0, max: 2 ** 32 - 1 }) : null;
    if (!random) this.setFieldError('seed', null);
    if (value === null || start === null || n === null || (random && seed === null)) return this.clear();

    const xs = makeTerms(random ? { kind: 'random', scale: value, seed: seed! } : { kind: 'copies', value }, n, round);
    const s0 = round(start);
    const lab = sumLab(xs, round, s0);
    const long = (x: number) => this.fmt(x, 12);

    this.output(
      'stored',
      random
        ? this.s('storedRandom', { n: this.fmt(n, 7), scale: long(round(value)), format: name })
        : round(value) === value
          ? this.s('storedExact', { value: long(value), format: name })
          : this.s('storedRounded', { typed: this.fmt(value, 12), stored: long(round(value)), format: name }),
    );
    this.output('reference', this.s(lab.referenceExact ? 'referenceExact' : 'referenceRounded', { value: long(lab.reference) }));
    const sum = (m: MethodResult) => (Number.isFinite(m.sum) ? long(m.sum) : this.s('overflowed', { format: name, largest: LARGEST[format] }));
    this.output('naive', sum(lab.naive));
    this.output('pairwise', sum(lab.pairwise));
    this.output('kahan', sum(lab.kahan));

    const notes: string[] = [];
    if (s0 !== start) notes.push(this.s('startRounded', { typed: this.fmt(start, 12), stored: long(s0), format: name }));
    if (lab.stall) notes.push(this.s('stall', { value: long(lab.stall.value), term: this.fmt(lab.stall.fromTerm, 7), format: name }));
    if ([lab.naive, lab.pairwise, lab.kahan].some((m) => !Number.isFinite(m.sum)))
      notes.push(this.s('overflowNote', { format: name, largest: LARGEST[format] }));
    if (lab.reference === 0) notes.push(this.s('zeroReference'));
    this.output('note', notes.join(' '));

    const cells = (m: MethodResult) =>
      Number.isFinite(m.sum)
        ? [long(m.sum), this.fmt(m.absError, 4), m.relError === null ? '—' : this.fmt(m.relError, 4)]
        : [this.s('overflowShort'), '—', '—'];
    this.outputHtml(
      'table',
      dataTable(
        this.s('tableCaption', { n: this.fmt(n, 7), format: name }),
        [this.s('colSum'), this.s('colAbs'), this.s('colRel')],
        [
          { head: this.s('naive'), cells: cells(lab.naive) },
          { head: this.s('pairwise'), cells: cells(lab.pairwise) },
          { head: 'Kahan', cells: cells(lab.kahan) },
        ],
        this.s('colMethod'),
      ).replace(' tabindex="0"', ''),
    );

    // log10 of the relative error against log10 n; an exact result (error 0) sits on a floor below the rest.
    const logs = lab.curve
      .flatMap((p) => [p.naive, p.pairwise, p.kahan])
      .filter((e): e is number => e !== null && e > 0)
      .map(Math.log10);
    const floor = Math.floor(Math.min(...logs, -7)) - 1;
    const at = (e: number | null) => (e === null ? Number.NaN : e === 0 ? floor : Math.log10(e));
    const series: Series[] = [
      { label: this.s('naive'), points: lab.curve.map((p) => [Math.log10(p.n), at(p.naive)]) },
      { label: this.s('pairwise'), points: lab.curve.map((p) => [Math.log10(p.n), at(p.pairwise)]), dashed: true },
      { label: 'Kahan', points: lab.curve.map((p) => [Math.log10(p.n), at(p.kahan)]) },
    ];
    const title = this.s('plotTitle', { format: name, floor });
    this.outputHtml('plot', lab.curve.length > 1 ? pair([[title, linePlot(series, title)]]) : '');
    this.announce(
      this.s('announce', {
        naive: sum(lab.naive),
        pairwise: sum(lab.pairwise),
        kahan: sum(lab.kahan),
        reference: long(lab.reference),
      }),
    );
  }

  private clear(): void {
    for (const out of ['stored', 'reference', 'naive', 'pairwise', 'kahan']) this.output(out, '—');
    this.output('note', '');
    this.outputHtml('table', '');
    this.outputHtml('plot', '');
  }
}
