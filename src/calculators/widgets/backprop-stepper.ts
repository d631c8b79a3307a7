/** The backprop stepper: L = (σ(w·x + b) − y)² forward then backward, one node at a time, with a gradient check. */
import { CalculatorElement } from '../ui/base.ts';
import { backprop, gradientCheck } from '../math/backprop.ts';

/** Defined as `<afm-backprop-stepper>` by the calculator loader (ui/loader.ts). */
export default class BackpropStepper extends CalculatorElement {
  connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('click', (event) => {
      const act = (event.target as HTMLElement).closest('button')?.dataset.act;
      if (!act) return;
      const field = this.control('step');
      const current = Number(field.value);
      const next = (Number.isInteger(current) ? current : 0) + (act === 'next' ? 1 : act === 'back' ? -1 : 0);
      field.value = String(Math.min(Math.max(act === 'reset' ? 0 : next, 0), this.total()));
      this.dispatchEvent(new Event('input', { bubbles: true }));
    });
  }

  private total(): number {
    return backprop({ x: 0, w: 0, b: 0, y: 0 }).steps.length;
  }

  protected compute(): void {
    const x = this.number('x');
    const w = this.number('w');
    const b = this.number('b');
    const y = this.number('y');
    const total = this.total();
    const step = this.number('step', { min: 0, max: total, integer: true });
    this.button('back', step !== null && step > 0);
    this.button('next', step !== null && step < total);
    if (x === null || w === null || b === null || y === null || step === null) {
      this.outputHtml('table', '');
      for (const out of ['progress', 'dw', 'db', 'fdw', 'fdb', 'relw', 'relb']) this.output(out, '—');
      return;
    }
    const r = backprop({ x, w, b, y });
    const phase = { forward: this.s('forward'), backward: this.s('backward') };
    const rows = r.steps
      .map((s, i) => {
        const done = i < step;
        const current = i === step - 1;
        return `<tr${current ? ' aria-current="step" style="background:var(--bg-soft);font-weight:700"' : ''}><td>${i + 1}</td><td>${phase[s.phase]}</td><th scope="row">${s.node}</th><td><code>${s.formula}</code></td><td>${done ? this.fmt(s.value, 6) : '…'}</td></tr>`;
      })
      .join('');
    const head = ['#', this.s('colPass'), this.s('colNode'), this.s('colFormula'), this.s('colValue')];
    this.outputHtml(
      'table',
      `<table class="calc-table" tabindex="0"><caption>${this.s('tableCaption')}</caption><thead><tr>${head.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table>`,
    );
    const last = r.steps[step - 1];
    const progress = step === 0 ? this.s('progressStart', { total }) : this.s('progress', { step, total, node: last!.node, value: this.fmt(last!.value, 6) });
    this.output('progress', progress);

    const check = gradientCheck({ x, w, b, y });
    this.output('dw', this.fmt(check.analytic.w, 10));
    this.output('db', this.fmt(check.analytic.b, 10));
    this.output('fdw', this.fmt(check.numeric.w, 10));
    this.output('fdb', this.fmt(check.numeric.b, 10));
    this.output('relw', this.fmt(check.relativeError.w, 3));
    this.output('relb', this.fmt(check.relativeError.b, 3));
    this.announce(progress);
  }

  private button(act: string, enabled: boolean): void {
    const el = this.querySelector<HTMLButtonElement>(`button[data-act="${act}"]`);
    if (el) el.disabled = !enabled;
  }
}
