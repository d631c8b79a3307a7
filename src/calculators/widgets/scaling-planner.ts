/** The scaling-law planner: a FLOP budget split into parameters and tokens, the predicted loss, the IsoFLOP curve and the training time. */
import { CalculatorElement } from '../ui/base.ts';
import { isoFlopCurve, planByFit, planByRatio, trainingTime, type Plan } from '../math/scaling-laws.ts';
import { boundsOf, linePlot } from '../ui/svg.ts';
import { pair } from '../ui/table.ts';
import { formatCount } from '../ui/units.ts';

const OUTS = ['params', 'tokens', 'ratioOut', 'loss', 'optimum'];
const TIME_OUTS = ['time', 'gpuDays'];

/** Defined as `<afm-scaling-planner>` by the calculator loader (ui/loader.ts). */
export default class ScalingPlanner extends CalculatorElement {
  /** A count as 7×10¹⁰ with its reading (70 B, 700 亿). */
  private count(n: number): string {
    return this.s('count', { value: this.fmt(n, 3), words: formatCount(n, this.pageLang, 3) });
  }

  protected compute(): void {
    const byFit = this.value('method') === 'fit';
    this.showField('ratio', !byFit);
    const C = this.number('budget', { min: 0, minExclusive: true, max: 1e35 });
    const ratio = byFit ? 20 : this.number('ratio', { min: 0, minExclusive: true, max: 1e6 });
    if (C === null || ratio === null) {
      this.showTrainingTime(C);
      return this.clear();
    }

    const optimum = planByFit(C);
    const plan: Plan = byFit ? optimum : planByRatio(C, ratio);
    if (plan.N < 1 || plan.D < 1 || optimum.N < 1 || optimum.D < 1) {
      this.setFieldError('budget', this.s('tooSmall'));
      this.showTrainingTime(null);
      return this.clear();
    }
    this.showTrainingTime(C);
    const loss = this.s('lossValue', { loss: this.fmt(plan.loss, 4) });
    this.output('params', this.count(plan.N));
    this.output('tokens', this.count(plan.D));
    this.output('ratioOut', this.s('ratioValue', { ratio: this.fmt(plan.tokensPerParam, 4) }));
    this.output('loss', loss);
    this.output(
      'optimum',
      this.s('optimumValue', {
        n: this.count(optimum.N),
        d: this.count(optimum.D),
        ratio: this.fmt(optimum.tokensPerParam, 3),
        loss: this.fmt(optimum.loss, 4),
      }),
    );
    this.plot(C, plan, optimum, byFit);
    this.announce(this.s('announce', { n: this.count(plan.N), d: this.count(plan.D), loss: this.fmt(plan.loss, 4) }));
  }

  /** The IsoFLOP curve around both N's, with the fit's optimum and the rule's N marked. */
  private plot(C: number, plan: Plan, optimum: Plan, byFit: boolean): void {
    const lo = Math.max(1, Math.min(plan.N, optimum.N) / 30);
    const hi = Math.min(C / 6, Math.max(plan.N, optimum.N) * 30);
    const curve = isoFlopCurve(C, lo, hi);
    const box = boundsOf([{ label: '', points: curve }]);
    const mark = (N: number): Array<[number, number]> => [
      [Math.log10(N), box.yMin],
      [Math.log10(N), box.yMax],
    ];
    const series = [
      { label: this.s('curve'), points: curve },
      { label: this.s('markOptimum'), points: mark(optimum.N), colour: 1, dashed: true },
    ];
    if (!byFit) series.push({ label: this.s('markPlan', { ratio: this.fmt(plan.tokensPerParam, 4) }), points: mark(plan.N), colour: 2, dashed: true });
    // The title is also shown: the x axis is log₁₀ N, which the axis numbers alone do not say.
    const title = this.s('plotTitle', { budget: this.fmt(C, 3) });
    this.outputHtml('plot', pair([[title, linePlot(series, title, box)]]));
  }

  /** Time on the cluster; its own fields only blank its own outputs. */
  private showTrainingTime(C: number | null): void {
    const gpus = this.number('gpus', { min: 1, max: 1e8, integer: true });
    const peak = this.number('peak', { min: 0, minExclusive: true, max: 1e9 });
    const mfu = this.number('mfu', { min: 0, minExclusive: true, max: 1 });
    if (C === null || gpus === null || peak === null || mfu === null) {
      for (const name of TIME_OUTS) this.output(name, '—');
      return;
    }
    const t = trainingTime(C, gpus, peak * 1e12, mfu);
    this.output('time', this.s('timeValue', { days: this.fmt(t.days, 4), hours: this.fmt(t.hours, 4) }));
    this.output('gpuDays', this.fmt(t.gpuDays, 4));
  }

  private clear(): void {
    for (const name of OUTS) this.output(name, '—');
    this.outputHtml('plot', '');
  }
}
