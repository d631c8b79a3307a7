/** Naive vs stable softmax and log-sum-exp, in float64, float32 or simulated float16. */
import { CalculatorElement } from '../ui/base.ts';
import { logSumExp, naiveSoftmax, stableSoftmax, type Precision, type SoftmaxIssue } from '../math/softmax.ts';
import { barChart } from '../ui/svg.ts';

/** A logit as typed, without digit grouping: exp(1000), not exp(1,000). */
const plain = (x: number) => String(Number(x.toPrecision(6))).replace('-', '−');
const LARGEST: Record<Precision, string> = { float64: '≈ 1.8×10³⁰⁸', float32: '≈ 3.4×10³⁸', float16: '65504' };

class SoftmaxStability extends CalculatorElement {
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
          ? this.t({
              en: `overflow: exp(${plain(i.logit)}) = ∞ in ${precision} (largest finite ${LARGEST[precision]}), so the sum is ∞ and ∞/∞ is undefined.`,
              zh: `上溢：在 ${precision} 中 exp(${plain(i.logit)}) = ∞（最大有限值 ${LARGEST[precision]}），于是和为 ∞，∞/∞ 无定义。`,
            })
          : i.kind === 'sum-overflow'
            ? this.t({
                en: `overflow in the sum: every exp(xᵢ) is finite in ${precision} (the largest is ${this.fmt(i.largestExp, 6)}), but adding term ${i.index + 1} takes the sum past ${LARGEST[precision]}, so it becomes ∞ and every pᵢ = exp(xᵢ)/∞ = 0: the naive probabilities add up to 0, not 1.`,
                zh: `求和上溢：在 ${precision} 中每个 exp(xᵢ) 都是有限值（最大为 ${this.fmt(i.largestExp, 6)}），但加上第 ${i.index + 1} 项后和超过了 ${LARGEST[precision]}，变成 ∞，于是每个 pᵢ = exp(xᵢ)/∞ = 0：朴素算法得到的概率之和是 0 而不是 1。`,
              })
            : this.t({
                en: `underflow: every exp(xᵢ) rounds to 0 in ${precision}, so the sum is 0 and 0/0 is undefined.`,
                zh: `下溢：在 ${precision} 中每个 exp(xᵢ) 都舍入为 0，于是和为 0，0/0 无定义。`,
              });
    const kindName = (i: NonNullable<SoftmaxIssue>) =>
      i.kind === 'overflow'
        ? this.t({ en: 'overflow in exp', zh: 'exp 上溢' })
        : i.kind === 'sum-overflow'
          ? this.t({ en: 'overflow in the sum', zh: '求和上溢' })
          : this.t({ en: 'underflow', zh: '下溢' });
    this.output(
      'naiveStatus',
      issue(naive.issue) || this.t({ en: 'no overflow: naive and stable agree here.', zh: '没有上溢：此时朴素算法与稳定算法结果一致。' }),
    );
    const lseN = logSumExp(logits, 'naive', precision);
    const lseS = logSumExp(logits, 'stable', precision);
    // +∞ comes from an overflowing exp or sum (log ∞), −∞ from a sum that underflowed to 0 (log 0).
    this.output(
      'lseNaive',
      Number.isFinite(lseN.value)
        ? this.fmt(lseN.value, 8)
        : `${this.fmt(lseN.value)} (${lseN.value > 0 && lseN.issue ? `${kindName(lseN.issue)}${this.t({ en: ': ', zh: '：' })}log ∞` : this.t({ en: 'underflow: log 0', zh: '下溢：log 0' })})`,
    );
    this.output('lseStable', this.fmt(lseS.value, 8));

    const head = this.pageLang === 'zh'
      ? ['logit', '朴素 exp(xᵢ)', '朴素 pᵢ', `稳定 exp(xᵢ − ${plain(stable.shift)})`, '稳定 pᵢ']
      : ['logit', 'naive exp(xᵢ)', 'naive pᵢ', `stable exp(xᵢ − ${plain(stable.shift)})`, 'stable pᵢ'];
    const rows = logits
      .map((x, i) =>
        `<tr><th scope="row">${plain(x)}</th><td>${this.fmt(naive.exps[i]!, 5)}</td><td>${this.fmt(naive.probabilities[i]!, 4)}</td><td>${this.fmt(stable.exps[i]!, 5)}</td><td>${this.fmt(stable.probabilities[i]!, 4)}</td></tr>`,
      )
      .join('');
    const sums = `<tr><th scope="row">Σ</th><td>${this.fmt(naive.sum, 5)}</td><td></td><td>${this.fmt(stable.sum, 5)}</td><td></td></tr>`;
    this.outputHtml(
      'table',
      `<table class="calc-table" tabindex="0"><caption>${this.t({ en: 'Each step, naive and stable', zh: '每一步：朴素与稳定' })}</caption><thead><tr>${head.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead><tbody>${rows}${sums}</tbody></table>`,
    );
    this.outputHtml(
      'chart',
      barChart(stable.probabilities, logits.map(plain), this.t({ en: 'Stable softmax probabilities', zh: '稳定 softmax 概率' }), 1),
    );
    this.announce(
      naive.issue
        ? this.t({ en: `Naive softmax fails (${kindName(naive.issue)}); stable softmax works.`, zh: `朴素 softmax 失败（${kindName(naive.issue)}）；稳定 softmax 正常。` })
        : this.t({ en: 'Naive and stable softmax agree.', zh: '朴素与稳定 softmax 结果一致。' }),
    );
  }
}

customElements.define('afm-softmax-stability', SoftmaxStability);
