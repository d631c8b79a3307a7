/** Coin bias: MLE, MAP and the Beta posterior, with prior, scaled likelihood and posterior plotted on [0, 1]. */
import { CalculatorElement } from '../ui/base.ts';
import { betaDensity, coinPosterior, type CoinResult } from '../math/beta-coin.ts';
import { linePlot, type Series } from '../ui/svg.ts';

/** x values for plotting Beta(a, b): an even grid on [0, 1] plus a fine one around its mean, so a narrow peak is drawn. */
function gridFor(a: number, b: number): number[] {
  const mean = a / (a + b);
  const sd = Math.sqrt((a * b) / ((a + b) ** 2 * (a + b + 1)));
  const xs: number[] = [];
  for (let i = -60; i <= 60; i++) xs.push(mean + (i / 10) * sd);
  return xs;
}

/** Defined as `<afm-beta-coin>` by the calculator loader (ui/loader.ts). */
export default class BetaCoin extends CalculatorElement {
  protected compute(): void {
    // Up to a million flips and prior strengths: the continued fraction and the plot stay fast there.
    const h = this.number('h', { min: 0, max: 1e6, integer: true });
    const t = this.number('t', { min: 0, max: 1e6, integer: true });
    const a = this.number('a', { min: 0, max: 1e6, minExclusive: true });
    const b = this.number('b', { min: 0, max: 1e6, minExclusive: true });
    if (h === null || t === null || a === null || b === null) {
      for (const out of ['mle', 'map', 'posterior', 'mean', 'interval']) this.output(out, '—');
      this.output('why', '');
      this.outputHtml('plot', '');
      return;
    }
    const res = coinPosterior(h, t, a, b);
    const f = (x: number) => this.fmt(x, 4);
    const notes: string[] = [];
    this.output('mle', res.mle === null ? this.s('mleNone') : f(res.mle));
    if (res.mle === null) notes.push(this.s('noFlips'));
    this.output('map', this.mapText(res));
    const mapNote = this.mapNote(res);
    if (mapNote) notes.push(mapNote);
    const posterior = `Beta(${this.fmt(res.alpha, 6)}, ${this.fmt(res.beta, 6)})`;
    this.output('posterior', posterior);
    this.output('mean', f(res.mean));
    const interval = res.interval ? this.s('intervalText', { lo: f(res.interval[0]), hi: f(res.interval[1]) }) : '—';
    this.output('interval', interval);
    if (!res.interval) notes.push(this.s('intervalFailed'));
    this.output('why', notes.join(' '));
    this.outputHtml('plot', this.plot(res, h, t, a, b));
    this.announce(this.s('announce', { posterior, map: this.mapText(res), mean: f(res.mean), interval }));
  }

  private mapText(res: CoinResult): string {
    switch (res.map.kind) {
      case 'interior':
      case 'zero':
      case 'one':
        return this.fmt(res.map.value, 4);
      case 'uniform':
        return this.s('mapUniform');
      case 'bimodal':
        return this.s('mapBimodal');
    }
  }

  /** Why the MAP is not the textbook formula, when it is not. */
  private mapNote(res: CoinResult): string {
    const vars = {
      alpha: this.fmt(res.alpha, 6),
      beta: this.fmt(res.beta, 6),
      formula: res.mapFormula === null ? `${this.fmt(res.mapNumerator, 6)}/0` : this.fmt(res.mapFormula, 4),
    };
    switch (res.map.kind) {
      case 'interior':
        return '';
      case 'zero':
        return this.s('mapZeroWhy', vars);
      case 'one':
        return this.s('mapOneWhy', vars);
      case 'uniform':
        return this.s('mapUniformWhy', vars);
      case 'bimodal':
        return this.s('mapBimodalWhy', vars);
    }
  }

  private plot(res: CoinResult, h: number, t: number, a: number, b: number): string {
    // The likelihood θ^h (1 − θ)^t scaled to area 1 is the Beta(h + 1, t + 1) density.
    const curves: Array<[label: string, a: number, b: number]> = [
      [this.s('curvePrior'), a, b],
      [this.s('curveLikelihood'), h + 1, t + 1],
      [this.s('curvePosterior'), res.alpha, res.beta],
    ];
    const xs = new Set<number>();
    for (let i = 0; i <= 200; i++) xs.add(i / 200);
    for (const [, ca, cb] of curves) for (const x of gridFor(ca, cb)) if (x > 0 && x < 1) xs.add(x);
    const grid = [...xs].sort((x, y) => x - y);
    const series: Series[] = curves.map(([label, ca, cb], i) => ({
      label,
      points: grid.map((x): [number, number] => [x, betaDensity(x, ca, cb)]),
      colour: i,
      dashed: i === 1,
    }));
    // Height: the tallest finite value strictly inside (0, 1) of the likelihood and posterior, and of
    // the prior away from the ends, where a < 1 or b < 1 sends it to infinity.
    let top = 0;
    series.forEach((s, i) => {
      for (const [x, y] of s.points) {
        if (!Number.isFinite(y) || x <= 0 || x >= 1) continue;
        if (i === 0 && (x < 0.02 || x > 0.98)) continue;
        top = Math.max(top, y);
      }
    });
    const yMax = (top || 1) * 1.08;
    const marks: Array<[string, number]> = [];
    if (res.mle !== null) marks.push(['MLE', res.mle]);
    if (res.map.kind === 'interior' || res.map.kind === 'zero' || res.map.kind === 'one') {
      marks.push(['MAP', res.map.value]);
    }
    marks.forEach(([label, x], j) =>
      series.push({
        label,
        points: [
          [x, 0],
          [x, yMax],
        ],
        colour: 3 + j,
        dashed: true,
      }),
    );
    const title = this.s('plotTitle', { a: this.fmt(a, 6), b: this.fmt(b, 6), alpha: this.fmt(res.alpha, 6), beta: this.fmt(res.beta, 6) });
    return linePlot(series, title, { xMin: 0, xMax: 1, yMin: 0, yMax });
  }
}
