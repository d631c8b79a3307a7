/** The transform explorer: what a 2×2 or 3×3 matrix does to vectors, the unit circle, and its eigen- and singular directions. */
import { CalculatorElement } from '../ui/base.ts';
import { det, eigen, matVec, rotationAngle, svd, trace, unitCircleImage, type Complex } from '../math/linear-algebra.ts';
import { escapeXml } from '../ui/svg.ts';
import { dataTable } from '../ui/table.ts';

const OUTS = ['av', 'det', 'trace', 'sigma'];

/** Defined as `<afm-transform-explorer>` by the calculator loader (ui/loader.ts). */
export default class TransformExplorer extends CalculatorElement {
  /** a ± bi, with parts below `tol` shown as 0 so rounding noise (1e-17) does not clutter the table. */
  private complex(z: Complex, tol = 0): string {
    z = { re: Math.abs(z.re) <= tol ? 0 : z.re, im: Math.abs(z.im) <= tol ? 0 : z.im };
    if (z.im === 0) return this.fmt(z.re);
    const im = `${this.fmt(Math.abs(z.im))}i`;
    return z.re === 0 ? `${z.im < 0 ? '−' : ''}${im}` : `${this.fmt(z.re)} ${z.im < 0 ? '−' : '+'} ${im}`;
  }

  protected compute(): void {
    const A = this.matrix('A', { square: true, rows: [2, 3] });
    const n = A?.length ?? 2;
    // v's length depends on A, so it is only checked once A is usable.
    const v = A ? this.numberList('v', { length: n }) : (this.setFieldError('v', null), null);
    if (!A || !v) {
      for (const out of OUTS) this.output(out, '—');
      this.output('note', '');
      this.outputHtml('eigen', '');
      this.outputHtml('plot', '');
      return;
    }
    const vec = (x: number[]) => `(${x.map((y) => this.fmt(y)).join(', ')})`;
    const Av = matVec(A, v);
    this.output('av', vec(Av));
    this.output('det', this.fmt(det(A)));
    this.output('trace', this.fmt(trace(A)));
    const { U, sigma } = svd(A);
    this.output('sigma', sigma.map((s) => this.fmt(s)).join(', '));

    const spaces = eigen(A);
    const rows = spaces.map((s) => ({
      head: this.complex(s.value, 1e-13 * (sigma[0] ?? 0)),
      cells: [String(s.algebraic), s.vectors.map((x) => `(${x.map((z) => this.complex(z, 1e-13)).join(', ')})`).join('; ')],
    }));
    this.outputHtml('eigen', dataTable(this.s('eigenCaption'), [this.s('colMultiplicity'), this.s('colEigenvectors')], rows, this.s('colEigenvalue')));

    const notes: string[] = [];
    const pair = spaces.find((s) => s.value.im > 0);
    if (pair) {
      const deg = this.fmt((rotationAngle(pair.value) * 180) / Math.PI);
      const r = this.fmt(Math.hypot(pair.value.re, pair.value.im));
      notes.push(this.s(n === 2 ? 'complexPairBasis' : 'complexPairPlane', { value: this.complex(pair.value), deg, r }));
    }
    for (const s of spaces) {
      if (s.vectors.length < s.algebraic) {
        notes.push(
          this.s(s.vectors.length === 1 ? 'defectiveOne' : 'defectiveMany', { value: this.complex(s.value), times: s.algebraic, vectors: s.vectors.length }),
        );
      }
    }
    if (n === 3) {
      notes.push(this.s('projection3d'));
    }
    this.output('note', notes.join(' '));

    this.outputHtml('plot', this.picture(A, v, Av, n === 2 ? U.map((row) => row.map((x, j) => x * (sigma[j] ?? 0))) : null, spaces));
    const sep = this.s('listSep');
    this.announce(
      this.s('announce', {
        det: this.fmt(det(A)),
        eigenvalues: spaces.map((s) => this.complex(s.value)).join(sep),
        sigma: sigma.map((s) => this.fmt(s)).join(sep),
      }),
    );
  }

  /** Unit circle, its image, v and Av, the singular axes σᵢuᵢ (2×2) and real eigen-directions, at equal scale on both axes. */
  private picture(A: number[][], v: number[], Av: number[], axes: number[][] | null, spaces: ReturnType<typeof eigen>): string {
    const { circle, image } = unitCircleImage(A);
    const pts = [...image, [Av[0] ?? 0, Av[1] ?? 0], [v[0] ?? 0, v[1] ?? 0]];
    const R = Math.max(1, ...pts.map(([x, y]) => Math.max(Math.abs(x ?? 0), Math.abs(y ?? 0)))) * 1.15;
    const k = 100 / R;
    const P = (x: number, y: number) => `${(x * k).toFixed(1)},${(-y * k).toFixed(1)}`;
    const path = (p: Array<[number, number]>) => `M${p.map(([x, y]) => P(x, y)).join('L')}Z`;
    const line = (x: number, y: number, colour: string, extra = '') =>
      `<path d="M0,0L${P(x, y)}" stroke="var(--plot-${colour})" stroke-width="2.5"${extra} marker-end="url(#h${colour})"/>`;
    const marker = (c: string) =>
      `<marker id="h${c}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="5" markerHeight="5" orient="auto"><path d="M0,0L10,5L0,10Z" fill="var(--plot-${c})"/></marker>`;
    let eigenLines = '';
    if (A.length === 2) {
      for (const s of spaces) {
        if (s.value.im !== 0) continue;
        for (const e of s.vectors) {
          const [x, y] = [(e[0]?.re ?? 0) * R * 2, (e[1]?.re ?? 0) * R * 2];
          eigenLines += `<path d="M${P(-x, -y)}L${P(x, y)}" stroke="var(--plot-2)" stroke-dasharray="2 4"/>`;
        }
      }
    }
    const axisLines = axes ? [0, 1].map((j) => line(axes[0]?.[j] ?? 0, axes[1]?.[j] ?? 0, '3', ' stroke-opacity="0.7"')).join('') : '';
    const label = this.s('plotLabel', { axes: axes ? this.s('plotAxes') : '', eigen: A.length === 2 ? this.s('plotEigen') : '' });
    return (
      `<svg viewBox="-110 -110 220 220" role="img" aria-label="${escapeXml(label)}" class="plot" style="max-width:22rem">` +
      `<defs>${['0', '1', '3'].map(marker).join('')}</defs>` +
      `<path d="M-110,0H110M0,-110V110" stroke="var(--plot-axis)" stroke-width="0.5"/>` +
      eigenLines +
      `<path d="${path(circle)}" fill="none" stroke="var(--plot-axis)" stroke-dasharray="4 3"/>` +
      `<path d="${path(image)}" fill="var(--plot-1)" fill-opacity="0.08" stroke="var(--plot-1)" stroke-width="1.5"/>` +
      axisLines +
      line(v[0] ?? 0, v[1] ?? 0, '0') +
      line(Av[0] ?? 0, Av[1] ?? 0, '1') +
      `</svg><p class="calculator-source">${escapeXml(label)}</p>`
    );
  }
}
