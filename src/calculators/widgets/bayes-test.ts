/** The Bayes test calculator: a positive result's real meaning, in probabilities and in people. */
import { CalculatorElement } from '../ui/base.ts';
import { bayesTest } from '../math/bayes.ts';
import { barChart } from '../ui/svg.ts';

const PERCENT = { min: 0, max: 100 };

/** Defined as `<afm-bayes-test>` by the calculator loader (ui/loader.ts). */
export default class BayesTestCalculator extends CalculatorElement {
  protected compute(): void {
    const prevalence = this.number('prevalence', PERCENT);
    const sensitivity = this.number('sensitivity', PERCENT);
    const specificity = this.number('specificity', PERCENT);
    if (prevalence === null || sensitivity === null || specificity === null) {
      for (const out of ['ppv', 'npv', 'tp', 'fp', 'fn', 'tn']) this.output(out, '—');
      this.outputHtml('chart', '');
      return;
    }
    const r = bayesTest({ prevalence: prevalence / 100, sensitivity: sensitivity / 100, specificity: specificity / 100 });
    const pct = (x: number) => (Number.isNaN(x) ? this.s('undefined') : `${this.fmt(x * 100, 4)}%`);
    const people = (x: number) => this.fmt(x, 5);
    this.output('ppv', pct(r.positivePredictiveValue));
    this.output('npv', pct(r.negativePredictiveValue));
    this.output('tp', people(r.counts.truePositive));
    this.output('fp', people(r.counts.falsePositive));
    this.output('fn', people(r.counts.falseNegative));
    this.output('tn', people(r.counts.trueNegative));
    const labels = [this.s('truePositive'), this.s('falsePositive')];
    this.outputHtml('chart', barChart([r.counts.truePositive, r.counts.falsePositive], labels, this.s('chartTitle')));
    this.announce(this.s('announce', { ppv: pct(r.positivePredictiveValue) }));
  }
}
