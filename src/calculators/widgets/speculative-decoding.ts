/** The speculative decoding calculator: tokens per target pass, speed-up and the best draft length, with α typed or computed from p and q. */
import { DistributionCalculator } from '../ui/distribution.ts';
import { acceptance, bestGamma, expectedTokens, speedup } from '../math/speculative.ts';
import { linePlot } from '../ui/svg.ts';
import { pair } from '../ui/table.ts';

const OUTS = ['tokens', 'speedup', 'best'];
/** γ = 1 … SEARCH_MAX is searched for the best draft length and plotted. */
const SEARCH_MAX = 32;

/** Defined as `<afm-speculative-decoding>` by the calculator loader (ui/loader.ts). */
export default class SpeculativeDecoding extends DistributionCalculator {
  /** Shows or hides an output with its label (the <dt> before it). */
  private showOutput(name: string, visible: boolean): void {
    const value = this.querySelector<HTMLElement>(`[data-out="${name}"]`);
    const label = value?.previousElementSibling;
    for (const el of [value, label]) if (el instanceof HTMLElement) el.style.display = visible ? '' : 'none';
  }

  /** α from the chosen source, writing the α, acceptance and residual outputs; null on bad input. */
  private acceptanceRate(): number | null {
    const fromDists = this.value('source') === 'dists';
    this.showField('alpha', !fromDists);
    this.showField('p', fromDists);
    this.showField('q', fromDists);
    this.showOutput('accept', fromDists);
    this.showOutput('residual', fromDists);
    this.output('accept', '—');
    this.output('residual', '—');
    if (!fromDists) {
      const alpha = this.number('alpha', { min: 0, max: 1 });
      this.output('alphaUsed', alpha === null ? '—' : this.fmt(alpha, 6));
      return alpha;
    }
    const p = this.distribution('p');
    let q = this.distribution('q');
    if (p && q && q.length !== p.length) {
      this.setFieldError('q', this.s('lengthMismatch', { n: p.length }));
      q = null;
    }
    if (p === null || q === null) {
      this.output('alphaUsed', '—');
      return null;
    }
    const a = acceptance(p, q);
    this.output('alphaUsed', this.s('alphaFromDists', { alpha: this.fmt(a.alpha, 4), tv: this.fmt(a.tv, 4) }));
    const list = (xs: Array<number | null>) => `(${xs.map((x) => (x === null ? this.s('notProposed') : this.fmt(x, 4))).join(', ')})`;
    this.output('accept', list(a.acceptProb));
    this.output('residual', a.residual === null ? this.s('noResidual') : list(a.residual));
    return a.alpha;
  }

  protected compute(): void {
    const alpha = this.acceptanceRate();
    const gamma = this.number('gamma', { min: 1, max: 256, integer: true });
    const cost = this.number('cost', { min: 0, max: 100 });
    if (alpha === null || gamma === null || cost === null) {
      for (const name of OUTS) this.output(name, '—');
      this.outputHtml('plot', '');
      return;
    }
    const tokens = expectedTokens(alpha, gamma);
    const gain = speedup(alpha, gamma, cost);
    this.output('tokens', this.fmt(tokens, 6));
    this.output('speedup', gain < 1 ? this.s('slower', { speedup: this.fmt(gain, 4) }) : `${this.fmt(gain, 5)}×`);
    const best = bestGamma(alpha, cost, SEARCH_MAX);
    const vars = { gamma: best.gamma, speedup: this.fmt(best.speedup, 5), max: SEARCH_MAX };
    this.output('best', best.speedup <= 1 ? this.s('noGain', vars) : this.s(best.atLimit ? 'bestAtLimit' : 'best', vars));
    this.plot(alpha, gamma, cost);
    this.announce(this.s('announce', { tokens: this.fmt(tokens, 6), speedup: this.fmt(gain, 5) }));
  }

  private plot(alpha: number, gamma: number, cost: number): void {
    const top = Math.max(SEARCH_MAX, gamma);
    const gammas = Array.from({ length: top }, (_, i) => i + 1);
    const tokens = gammas.map((g): [number, number] => [g, expectedTokens(alpha, g)]);
    const gains = gammas.map((g): [number, number] => [g, speedup(alpha, g, cost)]);
    const yMax = Math.max(...tokens.map(([, y]) => y), ...gains.map(([, y]) => y));
    const box = { xMin: 1, xMax: top, yMin: 0, yMax: yMax * 1.05 };
    const title = this.s('plotTitle', { alpha: this.fmt(alpha, 4), cost: this.fmt(cost, 4) });
    const svg = linePlot(
      [
        { label: this.s('tokensCurve'), points: tokens },
        { label: this.s('speedupCurve'), points: gains, colour: 1 },
        {
          label: `γ = ${gamma}`,
          points: [
            [gamma, 0],
            [gamma, box.yMax],
          ],
          colour: 2,
          dashed: true,
        },
      ],
      title,
      box,
    );
    this.outputHtml('plot', pair([[title, svg]]));
  }
}
