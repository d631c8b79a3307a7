/** Naive vs stable softmax and log-sum-exp, in float64, float32 or simulated float16. */
import { CalculatorElement } from '../ui/base.ts';
import { logSumExp, naiveSoftmax, stableSoftmax, type Precision, type SoftmaxIssue } from '../math/softmax.ts';
import { barChart } from '../ui/svg.ts';

/** A logit as typed, without digit grouping: exp(1000), not exp(1,000). */
const plain = (x: number) => String(Number(x.toPrecision(6))).replace('-', '−');
const LARGEST: Record<Precision, string> = { float64: '≈ 1.8×10³⁰⁸', float32: '≈ 3.4×10³⁸', float16: '65504' };

/** Defined as `<afm-softmax-stability>` by the calculator loader (ui/loader.ts). */
export default class SoftmaxStability extends CalculatorElement {
  protected compute(): void {
    const logits = this.numberList('logits', { minLength: 1, maxLength: 12 });
    const precision = (this.value('precision') as Precision) || 'float64';
    if (logits === null) {
      for (const out of ['naiveStatus', 'lseNaive', 'lseStable']) this.output(out, '—');
      this.outputHtml('table', '');
      this.outputHtml('chart', '');
      return;
    }
    const naive = naiveSoftmax(logits, precision);
    const stable = stableSoftmax(logits, precision);
    const issue = (i: SoftmaxIssue) =>
      i === null
        ? ''
        : i.kind === 'overflow'
          ? this.s('overflow', { logit: plain(i.logit), precision, largest: LARGEST[precision] })
          : i.kind === 'sum-overflow'
            ? this.s('sumOverflow', { precision, largestExp: this.fmt(i.largestExp, 6), term: i.index + 1, largest: LARGEST[precision] })
            : this.s('underflow', { precision });
    const kindName = (i: NonNullable<SoftmaxIssue>) =>
      i.kind === 'overflow' ? this.s('kindOverflow') : i.kind === 'sum-overflow' ? this.s('kindSumOverflow') : this.s('kindUnderflow');
    this.output('naiveStatus', issue(naive.issue) || this.s('noOverflow'));
    const lseN = logSumExp(logits, 'naive', precision);
    const lseS = logSumExp(logits, 'stable', precision);
    // +∞ comes from an overflowing exp or sum (log ∞), −∞ from a sum that underflowed to 0 (log 0).
    this.output(
      'lseNaive',
      Number.isFinite(lseN.value)
        ? this.fmt(lseN.value, 8)
        : `${this.fmt(lseN.value)} (${this.s(lseN.value > 0 && lseN.issue?.kind === 'overflow' ? 'logInfinityExp' : lseN.value > 0 && lseN.issue?.kind === 'sum-overflow' ? 'logInfinitySum' : 'logZero')})`,
    );
    this.output('lseStable', this.fmt(lseS.value, 8));

    const head = ['logit', this.s('colNaiveExp'), this.s('colNaiveP'), this.s('colStableExp', { shift: plain(stable.shift) }), this.s('colStableP')];
    const rows = logits
      .map(
        (x, i) =>
          `<tr><th scope="row">${plain(x)}</th><td>${this.fmt(naive.exps[i]!, 5)}</td><td>${this.fmt(naive.probabilities[i]!, 4)}</td><td>${this.fmt(stable.exps[i]!, 5)}</td><td>${this.fmt(stable.probabilities[i]!, 4)}</td></tr>`,
      )
      .join('');
    const sums = `<tr><th scope="row">Σ</th><td>${this.fmt(naive.sum, 5)}</td><td></td><td>${this.fmt(stable.sum, 5)}</td><td></td></tr>`;
    this.outputHtml(
      'table',
      `<table class="calc-table" tabindex="0"><caption>${this.s('tableCaption')}</caption><thead><tr>${head.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead><tbody>${rows}${sums}</tbody></table>`,
    );
    this.outputHtml('chart', barChart(stable.probabilities, logits.map(plain), this.s('chartTitle'), 1));
    this.announce(naive.issue ? this.s('announceFails', { kind: kindName(naive.issue) }) : this.s('announceAgree'));
  }
}
