/** The attention calculator: Q, K, V → scores, scaled scores, row-wise softmax weights, output and row entropies. */
import { CalculatorElement } from '../ui/base.ts';
import { attentionShapeProblem, scaledDotProductAttention } from '../math/attention.ts';
import { dataTable } from '../ui/table.ts';

const MAX = 8;

/** Defined as `<afm-attention>` by the calculator loader (ui/loader.ts). */
export default class AttentionCalculator extends CalculatorElement {
  private readMatrix(name: string): number[][] | null {
    const M = this.matrix(name);
    if (M && (M.length > MAX || (M[0]?.length ?? 0) > MAX)) {
      this.setFieldError(name, this.s('tooLarge', { max: MAX }));
      return null;
    }
    return M;
  }

  protected compute(): void {
    const Q = this.readMatrix('Q');
    const K = this.readMatrix('K');
    const V = this.readMatrix('V');
    const clear = () => {
      this.output('dk', '—');
      for (const out of ['scores', 'weights', 'output']) this.outputHtml(out, '');
    };
    if (!Q || !K || !V) return clear();
    const problem = attentionShapeProblem(Q, K, V);
    if (problem === 'qk-columns') {
      this.setFieldError('K', this.s('kColumns', { dk: Q[0]?.length ?? 0, has: K[0]?.length ?? 0 }));
      return clear();
    }
    if (problem === 'kv-rows') {
      this.setFieldError('V', this.s('vRows', { rows: K.length, has: V.length }));
      return clear();
    }
    const scale = this.checked('scale');
    const r = scaledDotProductAttention(Q, K, V, scale);
    const f = (x: number) => this.fmt(x, 3);
    const q = (i: number) => `q${i + 1}`;
    const keys = K.map((_, j) => `k${j + 1}`);
    this.output('dk', `${r.dk}${scale ? ` (1/√d_k = ${this.fmt(1 / Math.sqrt(r.dk))})` : ''}`);
    const scoreRows = r.scores.map((row, i) => ({
      head: q(i),
      cells: row.map((x, j) => (scale ? `${f(x)} → ${f(r.scaled[i]?.[j] ?? 0)}` : f(x))),
    }));
    this.outputHtml('scores', dataTable(this.s(scale ? 'scoresScaled' : 'scoresUnscaled'), keys, scoreRows, this.s('corner')));
    const bits = this.s('entropyBits');
    const nats = this.s('entropyNats');
    this.outputHtml(
      'weights',
      dataTable(
        this.s('weightsCaption'),
        [...keys, bits, nats],
        r.weights.map((row, i) => ({
          head: q(i),
          cells: [...row.map(f), f(r.entropyBits[i] ?? 0), f(r.entropyNats[i] ?? 0)],
          shade: row,
        })),
      ),
    );
    this.outputHtml(
      'output',
      dataTable(
        this.s('outputCaption'),
        (V[0] ?? []).map((_, j) => this.s('dim', { j: j + 1 })),
        r.output.map((row, i) => ({ head: q(i), cells: row.map(f) })),
      ),
    );
    const top = r.weights[0] ?? [];
    const best = top.indexOf(Math.max(...top));
    this.announce(this.s('announce', { key: best + 1, weight: f(top[best] ?? 0), entropy: this.withUnit(f(r.entropyBits[0] ?? 0), 'bit') }));
  }
}
