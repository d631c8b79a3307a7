/** Mutual information from a joint table: marginals, entropies, conditional entropies and I(X;Y). */
import { CalculatorElement } from '../ui/base.ts';
import { informationMeasures, jointTableProblem, normaliseJoint, type InfoUnit } from '../math/mutual-information.ts';
import { escapeXml } from '../ui/svg.ts';

const OUTS = ['px', 'py', 'hX', 'hY', 'hXY', 'hXgY', 'hYgX', 'mi'];

/** Defined as `<afm-mutual-information>` by the calculator loader (ui/loader.ts). */
export default class MutualInformation extends CalculatorElement {
  protected compute(): void {
    const unit: InfoUnit = this.value('unit') === 'nats' ? 'nats' : 'bits';
    let table = this.matrix('joint');
    if (table && (table.length > 8 || (table[0]?.length ?? 0) > 8)) {
      this.setFieldError('joint', this.s('tooLarge'));
      table = null;
    }
    if (table) {
      const problem = jointTableProblem(table, this.checked('normalise') ? Infinity : 1e-6);
      const total = table.flat().reduce((a, b) => a + b, 0);
      if (problem === 'negative') this.setFieldError('joint', this.s('negative'));
      else if (problem === 'zero-total') this.setFieldError('joint', this.s('zeroTotal'));
      else if (problem === 'not-normalised') {
        const sum = this.fmt(total, 6);
        this.setFieldError('joint', this.s('notNormalised', { sum }));
      } else this.setFieldError('joint', null);
      if (problem !== null) table = null;
    }
    if (table === null) {
      for (const out of OUTS) this.output(out, '—');
      this.outputHtml('diagram', '');
      return;
    }
    const m = informationMeasures(normaliseJoint(table), unit);
    const v = (x: number) => this.withUnit(this.fmt(x, 4), unit === 'bits' ? 'bit' : 'nat');
    this.output('px', m.px.map((p) => this.fmt(p, 4)).join(', '));
    this.output('py', m.py.map((p) => this.fmt(p, 4)).join(', '));
    this.output('hX', v(m.hX));
    this.output('hY', v(m.hY));
    this.output('hXY', v(m.hXY));
    this.output('hXgY', v(m.hXgivenY));
    this.output('hYgX', v(m.hYgivenX));
    this.output('mi', v(m.mutualInformation));
    this.outputHtml('diagram', this.diagram(m.hXgivenY, m.mutualInformation, m.hYgivenX));
    this.announce(this.s('announce', { mi: v(m.mutualInformation) }));
  }

  /** H(X), H(Y) and H(X,Y) as aligned bars: the overlap of H(X) and H(Y) is I(X;Y). */
  private diagram(xGivenY: number, mi: number, yGivenX: number): string {
    const total = xGivenY + mi + yGivenX || 1;
    const W = 320;
    const left = 60;
    const scale = (W - left - 10) / total;
    const bar = (row: number, from: number, width: number, colour: number, label: string) =>
      width <= 0
        ? ''
        : `<rect x="${(left + from * scale).toFixed(1)}" y="${row * 30 + 4}" width="${Math.max(width * scale, 1).toFixed(1)}" height="22" fill="var(--plot-${colour})" fill-opacity="0.75"><title>${escapeXml(label)}: ${this.fmt(width, 4)}</title></rect>`;
    const name = (row: number, text: string) => `<text x="${left - 6}" y="${row * 30 + 19}" text-anchor="end">${escapeXml(text)}</text>`;
    const a = 'H(X|Y)';
    const b = 'I(X;Y)';
    const c = 'H(Y|X)';
    const parts =
      name(0, 'H(X)') +
      bar(0, 0, xGivenY, 0, a) +
      bar(0, xGivenY, mi, 2, b) +
      name(1, 'H(Y)') +
      bar(1, xGivenY, mi, 2, b) +
      bar(1, xGivenY + mi, yGivenX, 1, c) +
      name(2, 'H(X,Y)') +
      bar(2, 0, xGivenY, 0, a) +
      bar(2, xGivenY, mi, 2, b) +
      bar(2, xGivenY + mi, yGivenX, 1, c);
    const legend = `<text x="${left}" y="112"><tspan fill="var(--plot-0)">■ ${a}</tspan> <tspan fill="var(--plot-2)">■ ${b}</tspan> <tspan fill="var(--plot-1)">■ ${c}</tspan></text>`;
    const title = this.s('diagramTitle', { xGivenY: this.fmt(xGivenY, 4), mi: this.fmt(mi, 4), yGivenX: this.fmt(yGivenX, 4) });
    return `<svg viewBox="0 0 ${W} 120" role="img" aria-label="${escapeXml(title)}" class="plot"><g class="plot-labels">${parts}${legend}</g></svg>`;
  }
}
