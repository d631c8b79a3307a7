/** The PCA explorer: mean, covariance, sorted eigenpairs, explained variance and PC1 projections of typed 2-D or 3-D points. */
import { CalculatorElement } from '../ui/base.ts';
import { pca, type Pca } from '../math/pca.ts';
import { PCA_PRESETS, type PcaPreset } from '../math/pca-presets.ts';
import { escapeXml } from '../ui/svg.ts';
import { dataTable } from '../ui/table.ts';

const MAX_POINTS = 200;
const OUTS = ['n', 'mean', 'ratio'];
const SUB = ['₁', '₂', '₃'];

/** Text compared without spacing or minus-sign differences, to tell whether the field still holds a preset. */
const canonical = (text: string) => text.replace(/[−–]/g, '-').replace(/\s+/g, ' ').trim();

/** Defined as `<afm-pca>` by the calculator loader (ui/loader.ts). */
export default class PcaExplorer extends CalculatorElement {
  /** The preset seen at the last compute: a change of the select (not a restored URL) fills the points. */
  private lastPreset: string | undefined;

  private syncPreset(): void {
    const select = this.control('preset');
    const area = this.control('points');
    const preset = select.value;
    // A link may name a preset without its points (they equal the preset's, so were left out): fill them.
    if (this.lastPreset === undefined && preset in PCA_PRESETS && area.value === (area as HTMLTextAreaElement).defaultValue) {
      area.value = PCA_PRESETS[preset as PcaPreset];
    }
    if (this.lastPreset !== undefined && preset !== this.lastPreset && preset in PCA_PRESETS) {
      area.value = PCA_PRESETS[preset as PcaPreset];
    } else if (preset in PCA_PRESETS && canonical(area.value) !== canonical(PCA_PRESETS[preset as PcaPreset])) {
      // The reader edited the points: the select should no longer claim a preset.
      select.value = 'custom';
    }
    this.lastPreset = select.value;
  }

  private clear(): void {
    for (const out of OUTS) this.output(out, '—');
    this.output('note', '');
    this.output('covNote', '');
    for (const out of ['covariance', 'components', 'scores', 'plot']) this.outputHtml(out, '');
  }

  protected compute(): void {
    this.syncPreset();
    const points = this.matrix('points');
    if (points === null) return this.clear();
    const width = points[0]?.length ?? 0;
    if (width !== 2 && width !== 3) {
      this.setFieldError('points', this.s('width'));
      return this.clear();
    }
    if (points.length > MAX_POINTS) {
      this.setFieldError('points', this.s('tooMany', { max: MAX_POINTS }));
      return this.clear();
    }
    const result = pca(points);
    if (!result.ok) {
      this.setFieldError('points', this.s(result.reason === 'tooFew' ? 'tooFew' : result.reason === 'noSpread' ? 'noSpread' : 'width'));
      return this.clear();
    }
    const r = result.value;
    const p = width;
    const vec = (x: number[]) => `(${x.map((y) => this.fmt(y, 5)).join(', ')})`;
    const pct = (x: number) => `${this.fmt(100 * x, 4)} %`;
    const axes = ['x', 'y', 'z'].slice(0, p);

    this.output('n', String(r.n));
    this.output('mean', vec(r.mean));
    this.output('ratio', pct(r.ratios[0]!));
    this.output('covNote', this.s('covNote', { d: r.n - 1 }));
    this.outputHtml(
      'covariance',
      dataTable(
        this.s('covCaption'),
        axes,
        r.covariance.map((row, i) => ({ head: axes[i]!, cells: row.map((x) => this.fmt(x, 6)) })),
      ),
    );
    this.outputHtml(
      'components',
      dataTable(
        this.s('compCaption'),
        [this.s('colVariance'), this.s('colRatio'), this.s('colCumulative'), this.s('colVector')],
        r.values.map((lambda, i) => ({
          head: `PC${i + 1}`,
          cells: [this.fmt(lambda, 6), pct(r.ratios[i]!), pct(r.cumulative[i]!), r.unique[i] ? vec(r.vectors[i]!) : this.s('notUnique')],
        })),
        this.s('colComponent'),
      ),
    );
    const pc1 = r.unique[0];
    const pc2 = p === 2 && r.unique[1];
    this.outputHtml(
      'scores',
      dataTable(
        this.s('scoresCaption'),
        [...axes, 'z₁ = (x − μ)·w₁', ...(p === 2 ? ['z₂ = (x − μ)·w₂'] : [])],
        points.map((row, i) => ({
          head: String(i + 1),
          cells: [
            ...row.map((x) => this.fmt(x, 6)),
            pc1 ? this.fmt(r.scores[i]![0]!, 6) : '—',
            ...(p === 2 ? [pc2 ? this.fmt(r.scores[i]![1]!, 6) : '—'] : []),
          ],
        })),
        this.s('colPoint'),
      ),
    );

    const notes: string[] = [];
    const tied = r.values.map((_, i) => i).filter((i) => !r.unique[i]);
    if (tied.length > 0) {
      notes.push(this.s(tied.length === p ? 'allEqual' : 'someEqual', { which: tied.map((i) => `λ${SUB[i]}`).join(' = ') }));
    }
    if (r.values[p - 1] === 0 || r.ratios[p - 1]! < 1e-12) notes.push(this.s('flat', { last: `λ${SUB[p - 1]}` }));
    this.output('note', notes.join(' '));

    this.outputHtml('plot', this.picture(points, r));
    this.announce(
      this.s('announce', {
        values: r.values.map((x) => this.fmt(x, 5)).join(this.s('listSep')),
        ratio: pct(r.ratios[0]!),
      }),
    );
  }

  /**
   * 2-D: the points, the mean, each point's foot on the PC1 line and the axes μ ± √λᵢ·wᵢ, at equal
   * scale on both axes. 3-D: the points in PC1–PC2 coordinates (z₁, z₂), where the axes lie along x and y.
   */
  private picture(points: number[][], r: Pca): string {
    const flat = points[0]!.length === 2;
    // Plot coordinates relative to the centre of the picture (the mean).
    const xy = flat ? points.map(([x, y]) => [x! - r.mean[0]!, y! - r.mean[1]!]) : r.scores.map((z) => [z[0]!, z[1]!]);
    const dirs = flat
      ? r.vectors
      : [
          [1, 0],
          [0, 1],
        ];
    const axes = [0, 1]
      .filter((i) => r.unique[i] && r.values[i]! > 0)
      .map((i) => ({ i, x: Math.sqrt(r.values[i]!) * dirs[i]![0]!, y: Math.sqrt(r.values[i]!) * dirs[i]![1]! }));
    const extent = Math.max(...xy.flat().map(Math.abs), ...axes.flatMap((a) => [Math.abs(a.x), Math.abs(a.y)]), 1e-300) * 1.15;
    const k = 100 / extent;
    const P = (x: number, y: number) => `${(x * k).toFixed(1)},${(-y * k).toFixed(1)}`;
    const feet =
      flat && r.unique[0]
        ? xy
            .map(([x, y], j) => {
              const z = r.scores[j]![0]!;
              const [fx, fy] = [z * r.vectors[0]![0]!, z * r.vectors[0]![1]!];
              return `<path d="M${P(x!, y!)}L${P(fx, fy)}" stroke="var(--plot-axis)" stroke-dasharray="2 3"/><circle cx="${(fx * k).toFixed(1)}" cy="${(-fy * k).toFixed(1)}" r="2.5" fill="none" stroke="var(--plot-1)"/>`;
            })
            .join('')
        : '';
    const axisLines = axes.map((a) => `<path d="M${P(-a.x, -a.y)}L${P(a.x, a.y)}" stroke="var(--plot-${a.i === 0 ? 1 : 3})" stroke-width="2.5"/>`).join('');
    const dots = xy.map(([x, y]) => `<circle cx="${(x! * k).toFixed(1)}" cy="${(-y! * k).toFixed(1)}" r="3.5" fill="var(--plot-0)"/>`).join('');
    const mean = `<path d="M-6,0H6M0,-6V6" stroke="var(--plot-2)" stroke-width="2.5"/>`;
    const label = this.s(flat ? 'plotLabel2d' : 'plotLabel3d');
    return (
      `<svg viewBox="-110 -110 220 220" role="img" aria-label="${escapeXml(label)}" class="plot" style="max-width:22rem">` +
      `<path d="M-110,0H110M0,-110V110" stroke="var(--plot-axis)" stroke-width="0.5" stroke-opacity="0.5"/>` +
      feet +
      axisLines +
      dots +
      mean +
      `</svg><p class="calculator-source">${escapeXml(label)}</p>`
    );
  }
}
