/** The Transformer parameter and memory counter: shape → parameters per part, weight bytes per dtype, KV-cache bytes. */
import { CalculatorElement } from '../ui/base.ts';
import { kvCacheBytes, transformerParameterCount, weightBytes, type Dtype } from '../math/transformer-params.ts';
import { formatBytes } from '../ui/format.ts';
import { formatCount } from '../ui/units.ts';
import { barChart } from '../ui/svg.ts';
import { dataTable, pair } from '../ui/table.ts';

const WHOLE = { integer: true, min: 1, max: 1e7 };
const DTYPES: Dtype[] = ['FP32', 'BF16', 'FP16', 'FP8', 'INT8', 'INT4'];

class TransformerParams extends CalculatorElement {
  private exact(n: number): string {
    return new Intl.NumberFormat(this.pageLang === 'zh' ? 'zh-CN' : 'en-US').format(n);
  }

  protected compute(): void {
    const vocab = this.number('vocab', WHOLE);
    const dModel = this.number('dModel', { ...WHOLE, max: 1e5 });
    const layers = this.number('layers', { integer: true, min: 1, max: 1000 });
    const heads = this.number('heads', { integer: true, min: 1, max: 1000 });
    // Empty means "as many as query heads" (multi-head attention), so changing heads alone stays valid.
    const kvEmpty = this.value('kvHeads').trim() === '';
    if (kvEmpty) this.setFieldError('kvHeads', null);
    let kvHeads = kvEmpty ? heads : this.number('kvHeads', { integer: true, min: 1, max: heads ?? 1000 });
    const dFf = this.number('dFf', { ...WHOLE, max: 1e6 });
    const context = this.number('context', WHOLE);
    const batch = this.number('batch', { integer: true, min: 1, max: 1e5 });
    const dtype = this.value('dtype') as Dtype;
    const kvChoice = this.value('kvDtype');
    const kvDtype = (kvChoice === 'same' ? dtype : kvChoice) as Dtype;
    if (dModel !== null && heads !== null && dModel % heads !== 0) {
      this.setFieldError('heads', { en: `d_model (${dModel}) must be divisible by the number of heads.`, zh: `d_model（${dModel}）必须能被头数整除。` });
    }
    if (heads !== null && kvHeads !== null && heads % kvHeads !== 0) {
      // Grouped-query attention shares each KV head among an equal group of query heads.
      this.setFieldError('kvHeads', {
        en: `The ${heads} query heads must split into equal groups: use a divisor of ${heads} (${heads} = multi-head, 1 = multi-query).`,
        zh: `${heads} 个查询头必须能平均分组：请填 ${heads} 的约数（${heads} 为多头注意力，1 为多查询注意力）。`,
      });
      kvHeads = null;
    }
    if (vocab === null || dModel === null || layers === null || heads === null || kvHeads === null || dFf === null || context === null || batch === null || dModel % heads !== 0 || !DTYPES.includes(dtype) || !DTYPES.includes(kvDtype)) {
      for (const out of ['total', 'headDim', 'kv', 'kvToken', 'memory']) this.output(out, '—');
      for (const out of ['parts', 'bytes', 'chart']) this.outputHtml(out, '');
      return;
    }
    const tied = this.checked('tied');
    const c = transformerParameterCount({ vocab, context, dModel, layers, heads, kvHeads, dFf, tied });
    const short = (n: number) => `${this.exact(n)} (${formatCount(n, this.pageLang)})`;
    this.output('total', short(c.total));
    this.output('headDim', String(dModel / heads));
    const L = (en: string, zh: string) => this.t({ en, zh });
    const row = (head: string, n: number) => ({ head, cells: [this.exact(n), `${this.fmt((100 * n) / c.total, 3)}%`] });
    this.outputHtml(
      'parts',
      dataTable(
        L('Parameters by part', '各部分参数量'),
        [L('Parameters', '参数量'), L('Share', '占比')],
        [
          row(
            kvHeads === heads
              ? L(`Attention per block (QKV + output, with biases) × ${layers}`, `每块注意力（QKV + 输出，含偏置）× ${layers}`)
              : L(`Attention per block (Q, K and V for ${kvHeads} KV heads, output; with biases) × ${layers}`, `每块注意力（Q、${kvHeads} 个 KV 头的 K 与 V、输出，含偏置）× ${layers}`),
            c.attention * layers,
          ),
          row(L(`MLP per block (2 linear layers, with biases) × ${layers}`, `每块前馈网络（2 个线性层，含偏置）× ${layers}`), c.mlp * layers),
          row(L(`LayerNorms per block (2 × γ, β) × ${layers}`, `每块 LayerNorm（2 × γ、β）× ${layers}`), c.layerNorms * layers),
          row(L('Token embedding V × d_model', '词元嵌入 V × d_model'), c.tokenEmbedding),
          row(L('Position embedding context × d_model', '位置嵌入 上下文 × d_model'), c.positionEmbedding),
          row(L('Final LayerNorm', '最终 LayerNorm'), c.finalLayerNorm),
          row(L(tied ? 'LM head (tied: shares the token embedding)' : 'LM head V × d_model (untied)', tied ? '输出头（共享词元嵌入）' : '输出头 V × d_model（不共享）'), c.lmHead),
          row(L('One block (attention + MLP + LayerNorms)', '单个块（注意力 + 前馈网络 + LayerNorm）'), c.perBlock),
          row(L('Total', '合计'), c.total),
        ],
        L('Part', '部分'),
      ),
    );
    const kv = kvCacheBytes({ layers, context, dModel, heads, kvHeads, batch, dtype: kvDtype });
    this.outputHtml(
      'bytes',
      dataTable(
        L('Weight memory by number format', '不同数值格式下的权重内存'),
        [L('Bytes per parameter', '每参数字节'), L('Weights', '权重')],
        (['FP32', 'BF16', 'FP8', 'INT8', 'INT4'] as const).map((d) => ({
          head: d === 'BF16' ? 'BF16 / FP16' : d,
          cells: [this.fmt(weightBytes(1, d)), formatBytes(weightBytes(c.total, d), this.pageLang)],
        })),
        L('Format', '格式'),
      ),
    );
    this.output('kv', formatBytes(kv, this.pageLang));
    this.output('kvToken', formatBytes(kv / (context * batch), this.pageLang));
    this.output('memory', formatBytes(weightBytes(c.total, dtype) + kv, this.pageLang));
    const chartTitle = L('Where the parameters are', '参数分布在哪里');
    this.outputHtml(
      'chart',
      pair([[chartTitle, barChart(
        [c.attention * layers, c.mlp * layers, c.tokenEmbedding + c.positionEmbedding, c.lmHead],
        [L('attention', '注意力'), 'MLP', L('embeddings', '嵌入'), L('LM head', '输出头')],
        chartTitle,
      )]]),
    );
    this.announce(L(`Total ${short(c.total)} parameters; KV cache ${formatBytes(kv, 'en')}.`, `共 ${short(c.total)} 个参数；KV 缓存 ${formatBytes(kv, 'zh')}。`));
  }
}

customElements.define('afm-transformer-params', TransformerParams);
