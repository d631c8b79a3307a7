/** The learning-rate schedule plotter: warm-up then cosine, linear, step or constant decay. */
import { CalculatorElement } from '../ui/base.ts';
import { learningRateAt, scheduleCurve, type LrSchedule, type LrShape } from '../math/lr-schedule.ts';
import { linePlot } from '../ui/svg.ts';

/** Defined as `<afm-lr-schedule>` by the calculator loader (ui/loader.ts). */
export default class LrSchedulePlotter extends CalculatorElement {
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
      this.setFieldError('warmup', this.s('warmupTooLong', { steps: this.withUnit(String(total), 'step') }));
      warmup = null;
    }
    if (minLr !== null && peak !== null && minLr > peak) {
      this.setFieldError('minLr', this.s('minAbovePeak'));
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
    this.output('phase', this.s(at < warmup ? 'phaseWarmup' : 'phaseDecay'));
    const title = this.s('plotTitle', { steps: this.withUnit(String(total), 'step') });
    this.outputHtml(
      'plot',
      linePlot(
        [
          { label: this.s('curve'), points: scheduleCurve(s) },
          {
            label: this.s('marker', { at }),
            points: [
              [at, 0],
              [at, peak],
            ],
            colour: 1,
            dashed: true,
          },
        ],
        title,
        { xMin: 0, xMax: total, yMin: 0, yMax: peak },
      ),
    );
    this.announce(this.s('announce', { at, lr: this.fmt(lr, 6) }));
  }
}
