/** The learning-rate schedule plotter: warm-up then cosine, linear, step or constant decay. */
import { CalculatorElement } from '../ui/base.ts';
import { learningRateAt, scheduleCurve, type LrSchedule, type LrShape } from '../math/lr-schedule.ts';
import { linePlot } from '../ui/svg.ts';
import { UNITS, withUnit } from '../ui/units.ts';

class LrSchedulePlotter extends CalculatorElement {
  protected compute(): void {
    const shape = (this.value('shape') as LrShape) || 'cosine';
    const peak = this.number('peak', { min: 0, minExclusive: true });
    const total = this.number('total', { min: 1, max: 10_000_000, integer: true });
    let warmup = this.number('warmup', { min: 0, integer: true });
    let minLr = this.number('minLr', { min: 0 });
    const isStep = shape === 'step';
    const stepSize = isStep ? this.number('stepSize', { min: 1, integer: true }) : 1;
    const gamma = isStep ? this.number('gamma', { min: 0, max: 1, minExclusive: true }) : 1;
    if (!isStep) {
      this.setFieldError('stepSize', null);
      this.setFieldError('gamma', null);
    }
    if (warmup !== null && total !== null && warmup > total) {
      this.setFieldError('warmup', { en: `Warm-up cannot be longer than the run (${withUnit(String(total), UNITS.step, 'en')}).`, zh: `预热步数不能超过总步数（${total}）。` });
      warmup = null;
    }
    if (minLr !== null && peak !== null && minLr > peak) {
      this.setFieldError('minLr', { en: 'The minimum must not exceed the peak.', zh: '最小学习率不能大于峰值。' });
      minLr = null;
    }
    const at = this.number('at', { min: 0, max: total ?? Infinity, integer: true });
    if (peak === null || total === null || warmup === null || minLr === null || stepSize === null || gamma === null || at === null) {
      this.output('lrAt', '—');
      this.output('phase', '—');
      this.outputHtml('plot', '');
      return;
    }
    const s: LrSchedule = { peak, totalSteps: total, warmupSteps: warmup, shape, minLr, stepSize, gamma };
    const lr = learningRateAt(at, s);
    this.output('lrAt', this.fmt(lr, 6));
    this.output('phase', at < warmup ? this.t({ en: 'warm-up', zh: '预热阶段' }) : this.t({ en: 'decay', zh: '衰减阶段' }));
    const title = this.t({ en: `Learning rate over ${withUnit(String(total), UNITS.step, 'en')}`, zh: `${total} 步内的学习率` });
    this.outputHtml(
      'plot',
      linePlot(
        [
          { label: this.t({ en: 'learning rate', zh: '学习率' }), points: scheduleCurve(s) },
          { label: this.t({ en: `step ${at}`, zh: `第 ${at} 步` }), points: [[at, 0], [at, peak]], colour: 1, dashed: true },
        ],
        title,
        { xMin: 0, xMax: total, yMin: 0, yMax: peak },
      ),
    );
    this.announce(this.t({ en: `At step ${at} the learning rate is ${this.fmt(lr, 6)}.`, zh: `第 ${at} 步的学习率为 ${this.fmt(lr, 6)}。` }));
  }
}

customElements.define('afm-lr-schedule', LrSchedulePlotter);
