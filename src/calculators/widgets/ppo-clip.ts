/** PPO clip and KL checker: the clipped objective for one token, and the k1, k2, k3 KL estimators side by side. */
import { DistributionCalculator } from '../ui/distribution.ts';
import { normalise } from '../math/information.ts';
import { klEstimators, objectiveCurve, ppoClip, ratioFromLogProbs, type PpoClipResult } from '../math/ppo-clip.ts';
import { linePlot, type Series } from '../ui/svg.ts';
import { dataTable } from '../ui/table.ts';

/** Defined as `<afm-ppo-clip>` by the calculator loader (ui/loader.ts). */
export default class PpoClipChecker extends DistributionCalculator {
  protected compute(): void {
    // One announcement for both parts: a second announce() would cancel the first.
    const said = [this.computeClip(), this.computeKl()].filter((x) => x !== '');
    if (said.length > 0) this.announce(said.join(' '));
  }

  /** Part one; returns what to announce ('' on bad input). */
  private computeClip(): string {
    const fromLogProbs = this.value('mode') !== 'ratio';
    this.showField('logpNew', fromLogProbs);
    this.showField('logpOld', fromLogProbs);
    this.showField('ratio', !fromLogProbs);
    let r: number | null = null;
    if (fromLogProbs) {
      // Below −700 the probabilities are under 1e-304 and exp(new − old) can overflow a double.
      const logpNew = this.number('logpNew', { min: -700, max: 0 });
      const logpOld = this.number('logpOld', { min: -700, max: 0 });
      if (logpNew !== null && logpOld !== null) r = ratioFromLogProbs(logpNew, logpOld);
    } else {
      r = this.number('ratio', { min: 0, max: 1e6 });
    }
    const A = this.number('A', { min: -1e6, max: 1e6 });
    const eps = this.number('eps', { min: 0, max: 1, minExclusive: true, maxExclusive: true });
    if (r === null || A === null || eps === null) {
      for (const out of ['ratio', 'unclipped', 'clipped', 'objective', 'active']) this.output(out, '—');
      this.output('why', '');
      this.outputHtml('plot', '');
      return '';
    }
    const res = ppoClip(r, A, eps);
    const f = (x: number) => this.fmt(x, 6);
    this.output('ratio', f(r));
    this.output('unclipped', f(res.unclipped));
    this.output('clipped', f(res.clipped));
    this.output('objective', f(res.objective));
    this.output('active', this.activeText(res, A));
    this.output('why', this.whyText(res, r, A, eps));
    this.outputHtml('plot', this.plot(r, A, eps));
    return this.s('announce', { objective: f(res.objective), active: this.activeText(res, A) });
  }

  private activeText(res: PpoClipResult, A: number): string {
    const a = this.fmt(A, 6);
    switch (res.state) {
      case 'clipped':
        return this.s('activeYes');
      case 'edge':
        return this.s('activeEdge', { A: a });
      case 'zeroAdvantage':
        return this.s('activeZero');
      default:
        return this.s('activeNo', { A: a });
    }
  }

  private whyText(res: PpoClipResult, r: number, A: number, eps: number): string {
    const vars = {
      r: this.fmt(r, 6),
      A: this.fmt(A, 6),
      lo: this.fmt(1 - eps, 6),
      hi: this.fmt(1 + eps, 6),
      clipped: this.fmt(res.clipped, 6),
      unclipped: this.fmt(res.unclipped, 6),
    };
    switch (res.state) {
      case 'inside':
        return this.s('whyInside', vars);
      case 'clipped':
        return this.s(A > 0 ? 'whyClippedUp' : 'whyClippedDown', vars);
      case 'unclippedOutside':
        return this.s(A > 0 ? 'whyWorseDown' : 'whyWorseUp', vars);
      case 'edge':
        return this.s('whyEdge', vars);
      case 'zeroAdvantage':
        return this.s('whyZero');
    }
  }

  private plot(r: number, A: number, eps: number): string {
    // 0…2 as in the note's picture, wider when r is further out (up to 20, past which the marker is left off).
    const rMax = Math.min(Math.max(2, 1.15 * r), 20);
    const curve = objectiveCurve(A, eps, rMax);
    const series: Series[] = [
      { label: 'L(r)', points: curve },
      {
        label: 'r·A',
        points: [
          [0, 0],
          [rMax, rMax * A],
        ],
        colour: 2,
        dashed: true,
      },
    ];
    const ys = [...curve.map(([, y]) => y), 0, rMax * A];
    let yMin = Math.min(...ys);
    let yMax = Math.max(...ys);
    if (yMin === yMax) [yMin, yMax] = [-1, 1];
    const pad = 0.08 * (yMax - yMin);
    const box = { xMin: 0, xMax: rMax, yMin: yMin - pad, yMax: yMax + pad };
    if (r <= rMax)
      series.push({
        label: `r = ${this.fmt(r, 4)}`,
        points: [
          [r, box.yMin],
          [r, box.yMax],
        ],
        colour: 1,
        dashed: true,
      });
    const title = this.s('plotTitle', { A: this.fmt(A, 6), eps: this.fmt(eps, 6) });
    return linePlot(series, title, box);
  }

  /** A distribution from a field (within 1e-6 of summing to 1) divided by its sum, so E[r] = Σ p is 1 to rounding and E[k3] = E[k1] holds to 1e-12. */
  private normalised(name: string): number[] | null {
    const list = this.distribution(name);
    return list && normalise(list);
  }

  /** Part two; returns what to announce ('' on bad input). */
  private computeKl(): string {
    const q = this.normalised('q');
    let p = this.normalised('p');
    if (q && p && q.length !== p.length) {
      this.setFieldError('p', this.s('lengthMismatch', { q: q.length, p: p.length }));
      p = null;
    }
    const clear = (message = '') => {
      this.output('kl', '—');
      this.output('klWhy', message);
      this.outputHtml('stats', '');
      this.outputHtml('table', '');
      return '';
    };
    if (!q || !p) return clear();
    const res = klEstimators(q, p);
    const name = (i: number) => `#${i}`;
    const sep = this.s('listSep');
    if (!res.ok) return clear(this.s('infinite', { items: res.indices.map(name).join(sep) }));
    const nats = (x: number) => this.withUnit(this.fmt(x), 'nat');
    this.output('kl', nats(res.kl));
    // Rounding leaves ~1e-17 where the bias is exactly 0 (k1, and k3 when p ⊆ supp q): show 0.
    const bias = (mean: number) => (Math.abs(mean - res.kl) <= 1e-12 * Math.max(1, res.kl) ? 0 : mean - res.kl);
    const stats = { k1: res.k1, k2: res.k2, k3: res.k3 };
    this.outputHtml(
      'stats',
      dataTable(
        this.s('statsCaption'),
        [this.s('colMean'), this.s('colBias'), this.s('colSd')],
        (['k1', 'k2', 'k3'] as const).map((k) => ({ head: k, cells: [this.fmt(stats[k].mean), this.fmt(bias(stats[k].mean)), this.fmt(stats[k].sd)] })),
        this.s('colEstimator'),
      ),
    );
    const notSampled = this.s('notSampled');
    this.outputHtml(
      'table',
      dataTable(
        this.s('tableCaption'),
        ['q(x)', 'p(x)', 'r = p/q', 'k1 = −log r', 'k2 = ½(log r)²', 'k3 = (r − 1) − log r'],
        res.categories.map((c, i) => ({
          head: name(i),
          cells: c
            ? [this.fmt(c.q), this.fmt(c.p), this.fmt(c.ratio), this.fmt(c.k1), this.fmt(c.k2), this.fmt(c.k3)]
            : [this.fmt(q[i] ?? 0), this.fmt(p[i] ?? 0), notSampled, notSampled, notSampled, notSampled],
        })),
        'x',
      ),
    );
    const sentences: string[] = [];
    if (res.kl === 0 && res.k2.mean === 0) sentences.push(this.s('identical'));
    else {
      // k3 is unbiased only when the reference has no mass the policy never samples (see klEstimators).
      sentences.push(
        this.s(res.unsampledMass > 0 ? 'summaryUnsampled' : 'summary', {
          kl: this.fmt(res.kl),
          k2: this.fmt(res.k2.mean),
          bias: this.fmt(bias(res.k2.mean)),
          sd1: this.fmt(res.k1.sd),
          sd3: this.fmt(res.k3.sd),
        }),
      );
    }
    if (res.unsampledMass > 0) {
      const items = p.flatMap((x, i) => (x > 0 && !((q[i] ?? 0) > 0) ? [name(i)] : [])).join(sep);
      sentences.push(this.s('unsampled', { mass: this.fmt(res.unsampledMass), items, er: this.fmt(1 - res.unsampledMass) }));
    }
    this.output('klWhy', sentences.join(' '));
    return this.s('announceKl', { kl: nats(res.kl), sd1: this.fmt(res.k1.sd), sd3: this.fmt(res.k3.sd) });
  }
}
