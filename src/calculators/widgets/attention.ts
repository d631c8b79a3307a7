/** The attention calculator: Q, K, V → scores, scaled scores, row-wise softmax weights, output and row entropies. */
import { CalculatorElement } from '../ui/base.ts';
import { attentionShapeProblem, scaledDotProductAttention } from '../math/attention.ts';
import { dataTable } from '../ui/table.ts';
import { UNITS, withUnit } from '../ui/units.ts';

const MAX = 8;

class AttentionCalculator extends CalculatorElement {
  private readMatrix(name: string): number[][] | null {
    const M = this.matrix(name);
    if (M && (M.length > MAX || (M[0]?.length ?? 0) > MAX)) {
      this.setFieldError(name, { en: `Keep it small: at most ${MAX} rows and ${MAX} columns.`, zh: `请保持小规模：最多 ${MAX} 行、${MAX} 列。` });
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
      this.setFieldError('K', {
        en: `K needs as many columns as Q (d_k = ${Q[0]?.length}); it has ${K[0]?.length}.`,
        zh: `K 的列数必须与 Q 相同（d_k = ${Q[0]?.length}），现在是 ${K[0]?.length}。`,
      });
      return clear();
    }
    if (problem === 'kv-rows') {
      this.setFieldError('V', {
        en: `V needs one row per key: ${K.length} rows, like K (it has ${V.length}).`,
        zh: `V 每个键对应一行：应与 K 一样有 ${K.length} 行（现在是 ${V.length} 行）。`,
      });
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
    this.outputHtml(
      'scores',
      dataTable(
        this.t(scale ? { en: 'Scores QKᵀ → scaled QKᵀ/√d_k', zh: '分数 QKᵀ → 缩放后 QKᵀ/√d_k' } : { en: 'Scores QKᵀ (no scaling)', zh: '分数 QKᵀ（不缩放）' }),
        keys,
        scoreRows,
        this.t({ en: 'query \\ key', zh: '查询 \\ 键' }),
      ),
    );
    const bits = this.t({ en: 'Entropy (bits)', zh: '熵（比特）' });
    const nats = this.t({ en: 'Entropy (nats)', zh: '熵（奈特）' });
    this.outputHtml(
      'weights',
      dataTable(
        this.t({ en: 'Attention weights softmax(row) — darker = more weight; each row sums to 1', zh: '注意力权重 softmax(每行)——颜色越深权重越大；每行之和为 1' }),
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
        this.t({ en: 'Output = weights · V (one row per query)', zh: '输出 = 权重 · V（每个查询一行）' }),
        (V[0] ?? []).map((_, j) => `${this.t({ en: 'dim', zh: '维' })} ${j + 1}`),
        r.output.map((row, i) => ({ head: q(i), cells: row.map(f) })),
      ),
    );
    const top = r.weights[0] ?? [];
    const best = top.indexOf(Math.max(...top));
    this.announce(
      this.t({
        en: `Query 1 attends most to key ${best + 1} with weight ${f(top[best] ?? 0)}; its entropy is ${withUnit(f(r.entropyBits[0] ?? 0), UNITS.bit, 'en')}.`,
        zh: `查询 1 最关注键 ${best + 1}，权重 ${f(top[best] ?? 0)}；该行的熵为 ${f(r.entropyBits[0] ?? 0)} 比特。`,
      }),
    );
  }
}

customElements.define('afm-attention', AttentionCalculator);
