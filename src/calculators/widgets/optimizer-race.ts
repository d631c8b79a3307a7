/** The optimizer race: GD, momentum, RMSProp and Adam on an ill-conditioned quadratic or Rosenbrock. */
import { CalculatorElement } from '../ui/base.ts';
import {
  gdStabilityLimit,
  objectiveMinimum,
  objectiveValue,
  runOptimizer,
  type Objective,
  type OptimizerKind,
  type OptimizerRun,
  type Vec2,
} from '../math/optimizers.ts';
import { escapeXml, linePlot } from '../ui/svg.ts';

const KINDS: OptimizerKind[] = ['gd', 'momentum', 'rmsprop', 'adam'];
const S = 320;
/** Every other path is dashed, so two paths on top of each other both show. */
const dashed = (i: number) => (i % 2 ? ' stroke-dasharray="5 3"' : '');

/** Defined as `<afm-optimizer-race>` by the calculator loader (ui/loader.ts). */
export default class OptimizerRace extends CalculatorElement {
  protected compute(): void {
    const rosenbrock = this.value('objective') === 'rosenbrock';
    const kappa = rosenbrock ? 1 : this.number('kappa', { min: 1, max: 1e4 });
    if (rosenbrock) this.setFieldError('kappa', null);
    const lr = this.number('lr', { min: 0, minExclusive: true, max: 100 });
    const steps = this.number('steps', { min: 1, max: 2000, integer: true });
    const start = this.numberList('start', { length: 2, min: -100, max: 100 });
    const beta1 = this.number('beta1', { min: 0, max: 1, maxExclusive: true });
    const beta2 = this.number('beta2', { min: 0, max: 1, maxExclusive: true });
    if (kappa === null || lr === null || steps === null || start === null || beta1 === null || beta2 === null) {
      this.output('warning', '');
      for (const out of ['paths', 'losses', 'table']) this.outputHtml(out, '');
      return;
    }
    const o: Objective = rosenbrock ? { kind: 'rosenbrock' } : { kind: 'quadratic', kappa };
    const p0: Vec2 = [start[0]!, start[1]!];
    const runs = KINDS.map((k) => runOptimizer(k, o, p0, { lr, beta1, beta2 }, steps));
    const names: Record<OptimizerKind, string> = { gd: this.s('gd'), momentum: this.s('momentum'), rmsprop: 'RMSProp', adam: 'Adam' };

    const limit = gdStabilityLimit(o);
    const warnings: string[] = [];
    if (limit !== null && lr >= limit) {
      warnings.push(this.s('unstable', { lr: this.fmt(lr), limit: this.fmt(limit), factor: this.fmt(1 - lr * Math.max(1, kappa)) }));
    }
    runs.forEach((r, i) => {
      if (r.divergedAt !== null) {
        warnings.push(this.s('blewUp', { name: names[KINDS[i]!], step: r.divergedAt }));
      }
    });
    this.output('warning', warnings.join(' '));

    this.outputHtml('paths', this.pathsSvg(o, p0, runs) + this.pathsKey(KINDS.map((k) => names[k])));
    const floor = (x: number) => Math.log10(Math.max(x, 1e-300));
    const lossTitle = this.s('lossTitle');
    this.outputHtml(
      'losses',
      `<small>${lossTitle}</small>` +
        linePlot(
          runs.map((r, i) => ({ label: names[KINDS[i]!], points: r.losses.map((l, k): [number, number] => [k, floor(l)]) })),
          lossTitle,
        ),
    );
    const head = [this.s('colOptimizer'), this.s('colLoss'), this.s('colPoint'), this.s('colStatus')];
    const rows = runs
      .map((r, i) => {
        const p = r.path.at(-1)!;
        const status = r.divergedAt !== null ? this.s('diverged', { step: r.divergedAt }) : this.withUnit(String(r.path.length - 1), 'step');
        return `<tr><th scope="row"><span style="color:var(--plot-${i})">■</span> ${names[KINDS[i]!]}</th><td>${this.fmt(r.losses.at(-1)!, 4)}</td><td>(${this.fmt(p[0], 4)}, ${this.fmt(p[1], 4)})</td><td>${status}</td></tr>`;
      })
      .join('');
    this.outputHtml(
      'table',
      `<table class="calc-table" tabindex="0"><caption>${this.s('tableCaption')}</caption><thead><tr>${head.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table>`,
    );
    const best = runs.reduce((b, r, i) => (r.divergedAt === null && r.losses.at(-1)! < (runs[b]?.losses.at(-1) ?? Infinity) ? i : b), 0);
    this.announce((warnings[0] ? `${warnings[0]} ` : '') + this.s('announce', { name: names[KINDS[best]!], loss: this.fmt(runs[best]!.losses.at(-1)!) }));
  }

  /** Level curves of f and the four paths, in a square window around the start and the minimum. */
  private pathsSvg(o: Objective, p0: Vec2, runs: OptimizerRun[]): string {
    const min = objectiveMinimum(o);
    let [x0, x1, y0, y1] = o.kind === 'quadratic' ? [0, 0, 0, 0] : [-2, 2, -1, 3];
    x0 = Math.min(x0, p0[0], min[0]);
    x1 = Math.max(x1, p0[0], min[0]);
    y0 = Math.min(y0, p0[1], min[1]);
    y1 = Math.max(y1, p0[1], min[1]);
    let half = (Math.max(x1 - x0, y1 - y0, 0.2) / 2) * 1.15;
    const [cx, cy] = [(x0 + x1) / 2, (y0 + y1) / 2];
    // Room for the paths too (momentum overshoots the minimum), up to 2.5 times the window
    // around start and minimum; a path that goes further is cut at the frame.
    let reach = half;
    for (const r of runs) {
      for (const [x, y] of r.path) if (Number.isFinite(x) && Number.isFinite(y)) reach = Math.max(reach, Math.abs(x - cx) * 1.05, Math.abs(y - cy) * 1.05);
    }
    half = Math.min(reach, half * 2.5);
    // Far-off points of a diverging path: kept finite and short in the markup (the clip hides them).
    const screen = (v: number) => Math.max(-10 * S, Math.min(11 * S, v)).toFixed(1);
    const sx = (x: number) => screen(((x - cx + half) / (2 * half)) * S);
    const sy = (y: number) => screen(S - ((y - cy + half) / (2 * half)) * S);
    const poly = (pts: Vec2[]) => pts.map(([x, y], j) => `${j ? 'L' : 'M'}${sx(x)},${sy(y)}`).join('');

    let levels = '';
    if (o.kind === 'quadratic') {
      const f0 = Math.max(objectiveValue(o, p0), 1e-6);
      for (let k = 0; k < 6; k++) {
        const c = f0 * 4 ** -k;
        const rx = (Math.sqrt(2 * c) / (2 * half)) * S;
        const ry = (Math.sqrt((2 * c) / o.kappa) / (2 * half)) * S;
        levels += `<ellipse cx="${sx(0)}" cy="${sy(0)}" rx="${rx.toFixed(1)}" ry="${ry.toFixed(1)}"/>`;
      }
    } else {
      // (1 − x)² + 100(y − x²)² = c ⇔ y = x² ± √((c − (1 − x)²)/100) for |1 − x| ≤ √c.
      for (const c of [0.25, 1, 4, 16, 64, 256]) {
        const r = Math.sqrt(c);
        const xs = Array.from({ length: 61 }, (_, j) => 1 - r + (2 * r * j) / 60);
        const branch = (sign: number) => xs.map((x): Vec2 => [x, x * x + sign * Math.sqrt(Math.max(0, (c - (1 - x) ** 2) / 100))]);
        levels += `<path d="${poly([...branch(1), ...branch(-1).reverse()])}Z"/>`;
      }
    }
    const paths = runs
      .map((r, i) => {
        const every = Math.ceil(r.path.length / 300);
        const pts = r.path.filter((_, j) => j % every === 0 || j === r.path.length - 1);
        return `<path d="${poly(pts)}" fill="none" stroke="var(--plot-${i})" stroke-width="1.8"${dashed(i)}/>`;
      })
      .join('');
    const title = this.s('pathsTitle');
    return (
      `<svg viewBox="0 0 ${S} ${S}" role="img" aria-label="${escapeXml(title)}" class="plot" style="max-width:24rem">` +
      `<defs><clipPath id="race-clip"><rect width="${S}" height="${S}"/></clipPath></defs><g clip-path="url(#race-clip)">` +
      `<g fill="none" stroke="var(--plot-axis)" stroke-opacity="0.45">${levels}</g>${paths}` +
      `<circle cx="${sx(p0[0])}" cy="${sy(p0[1])}" r="4" fill="var(--plot-axis)"/>` +
      `<path d="M${sx(min[0])},${sy(min[1])}m-6,0h12m-6,-6v12" stroke="var(--plot-axis)" stroke-width="2"/></g>` +
      // The frame the paths are clipped to, so a path that leaves the window is seen to be cut.
      `<rect x="0.5" y="0.5" width="${S - 1}" height="${S - 1}" fill="none" stroke="var(--plot-axis)"/></svg>`
    );
  }

  /** The key to the paths panel: each optimizer's line, the start and the minimum. */
  private pathsKey(names: string[]): string {
    const swatch = (shape: string) => `<svg viewBox="0 0 24 10" width="24" height="10" aria-hidden="true">${shape}</svg>`;
    const item = (shape: string, label: string) => `<li>${swatch(shape)} ${escapeXml(label)}</li>`;
    return (
      `<ul class="plot-key">` +
      names.map((name, i) => item(`<path d="M1,5H23" stroke="var(--plot-${i})" stroke-width="2"${dashed(i)}/>`, name)).join('') +
      item('<circle cx="12" cy="5" r="4" fill="var(--plot-axis)"/>', this.s('keyStart')) +
      item('<path d="M7,5h10M12,0v10" stroke="var(--plot-axis)" stroke-width="2"/>', this.s('keyMinimum')) +
      `</ul>`
    );
  }
}
