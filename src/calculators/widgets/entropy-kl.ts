/** Entropy, cross-entropy, KL in both directions and perplexity, for two distributions or for logits and a target. */
import { DistributionCalculator } from '../ui/distribution.ts';
import { crossEntropy, entropy, klDivergence, logitsMeasures, oneHot, perplexity, unsupportedIndices } from '../math/information.ts';
import { barChart } from '../ui/svg.ts';
import { pair } from '../ui/table.ts';

const OUTS = ['hp', 'hq', 'hpq', 'klpq', 'klqp', 'ppl'];

/** Defined as `<afm-entropy-kl>` by the calculator loader (ui/loader.ts). */
export default class EntropyKl extends DistributionCalculator {
  /** A number given with its log₁₀: as usual while it fits a double, else m×10ⁿ from the logarithm (e^2000 ≈ 3.881×10⁸⁶⁸). */
  private huge(x: number, log10: number): string {
    if (Number.isFinite(x)) return this.fmt(x);
    const exponent = Math.floor(log10);
    const mantissa = 10 ** (log10 - exponent);
    const sup = String(exponent).replace(/\d/g, (d) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(d)] ?? d);
    return `≈ ${this.fmt(mantissa)}×10${sup}`;
  }

  protected compute(): void {
    const logitsMode = this.value('mode') === 'logits';
    this.showField('P', !logitsMode);
    this.showField('Q', !logitsMode);
    this.showField('normalise', !logitsMode);
    this.showField('logits', logitsMode);
    this.showField('target', logitsMode);
    const nats = this.value('unit') === 'nats';
    const base = nats ? Math.E : 2;
    const unit = nats ? 'nat' : 'bit';

    let P: number[] | null = null;
    let Q: number[] | null = null;
    let fromLogits: ReturnType<typeof logitsMeasures> | null = null;
    let target = 0;
    if (logitsMode) {
      const logits = this.numberList('logits', { minLength: 2, maxLength: 50 });
      const t = this.number('target', { integer: true, min: 0, max: logits ? logits.length - 1 : 1e6 });
      if (logits && t !== null) {
        // Log-softmax with log-sum-exp, as the notes teach: log Q stays finite even where Q
        // itself underflows to 0 (logits 1000, 0, −1000 → cross-entropy 2000 nats, not ∞).
        fromLogits = logitsMeasures(logits, t, base);
        Q = fromLogits.q;
        P = oneHot(logits.length, t);
        target = t;
      }
    } else {
      const normalise = this.checked('normalise');
      P = this.distribution('P', { normalise });
      Q = this.distribution('Q', { normalise });
      if (P && Q && P.length !== Q.length) {
        this.setFieldError('Q', this.s('lengthMismatch', { p: P.length, q: Q.length }));
        Q = null;
      }
    }
    if (!P || !Q) {
      for (const out of OUTS) this.output(out, '—');
      this.output('why', '');
      this.outputHtml('chart', '');
      return;
    }
    const show = (x: number) => this.withUnit(this.fmt(x), unit);
    const hpq = fromLogits ? fromLogits.crossEntropy : crossEntropy(P, Q, base);
    const klpq = fromLogits ? fromLogits.klPQ : klDivergence(P, Q, base);
    const klqp = fromLogits ? fromLogits.klQP : klDivergence(Q, P, base);
    this.output('hp', show(fromLogits ? fromLogits.entropyP : entropy(P, base)));
    this.output('hq', show(fromLogits ? fromLogits.entropyQ : entropy(Q, base)));
    this.output('hpq', show(hpq));
    this.output('klpq', show(klpq));
    this.output('klqp', show(klqp));
    const ppl = fromLogits ? this.huge(fromLogits.perplexity, fromLogits.log10Perplexity) : this.fmt(perplexity(P, Q));
    this.output('ppl', ppl);
    const why: string[] = [];
    const list = (idx: number[]) => idx.map((i) => `#${i}`).join(', ');
    // From logits every q is positive (however small): only P = 0 off the target can be unsupported.
    const missPQ = fromLogits ? [] : unsupportedIndices(P, Q);
    const missQP = fromLogits ? P.flatMap((_, i) => (i === target ? [] : [i])) : unsupportedIndices(Q, P);
    if (missPQ.length > 0) {
      why.push(this.s('infiniteCrossEntropy', { items: list(missPQ) }));
    }
    if (missQP.length > 0) {
      why.push(this.s('infiniteReverseKl', { items: list(missQP), oneHot: logitsMode ? this.s('oneHotNote') : '' }));
    }
    this.output('why', why.join(' '));
    const names = P.map((_, i) => `#${i}`);
    const max = Math.max(...P, ...Q);
    const titleP = this.s(logitsMode ? 'titleOneHot' : 'titleP');
    const titleQ = logitsMode ? 'Q = softmax(logits)' : this.s('titleQ');
    this.outputHtml(
      'chart',
      pair([
        [titleP, barChart(P, names, titleP, max)],
        [titleQ, barChart(Q, names, titleQ, max)],
      ]),
    );
    this.announce(this.s('announce', { hpq: show(hpq), klpq: show(klpq), ppl }));
  }
}
