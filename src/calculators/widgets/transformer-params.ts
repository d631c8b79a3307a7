/** The Transformer parameter and memory counter: shape → parameters per part, weight bytes per dtype, KV-cache bytes. */
import { CalculatorElement } from '../ui/base.ts';
import { kvCacheBytes, transformerParameterCount, weightBytes, type Dtype } from '../math/transformer-params.ts';
import { formatBytes, groupThousands } from '../ui/format.ts';
import { formatCount } from '../ui/units.ts';
import { barChart } from '../ui/svg.ts';
import { dataTable, pair } from '../ui/table.ts';

const WHOLE = { integer: true, min: 1, max: 1e7 };
const DTYPES: Dtype[] = ['FP32', 'BF16', 'FP16', 'FP8', 'INT8', 'INT4'];

/** Defined as `<afm-transformer-params>` by the calculator loader (ui/loader.ts). */
export default class TransformerParams extends CalculatorElement {
  /** A count written out in full (parameter counts are whole numbers below 10²¹). */
  private exact(n: number): string {
    return groupThousands(String(n));
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
      this.setFieldError('heads', this.s('headsDivide', { dModel }));
    }
    if (heads !== null && kvHeads !== null && heads % kvHeads !== 0) {
      // Grouped-query attention shares each KV head among an equal group of query heads.
      this.setFieldError('kvHeads', this.s('kvHeadsDivide', { heads }));
      kvHeads = null;
    }
    if (
      vocab === null ||
      dModel === null ||
      layers === null ||
      heads === null ||
      kvHeads === null ||
      dFf === null ||
      context === null ||
      batch === null ||
      dModel % heads !== 0 ||
      !DTYPES.includes(dtype) ||
      !DTYPES.includes(kvDtype)
    ) {
      for (const out of ['total', 'headDim', 'kv', 'kvToken', 'memory']) this.output(out, '—');
      for (const out of ['parts', 'bytes', 'chart']) this.outputHtml(out, '');
      return;
    }
    const tied = this.checked('tied');
    const c = transformerParameterCount({ vocab, context, dModel, layers, heads, kvHeads, dFf, tied });
    const short = (n: number) => `${this.exact(n)} (${formatCount(n, this.pageLang)})`;
    this.output('total', short(c.total));
    this.output('headDim', String(dModel / heads));
    const row = (head: string, n: number) => ({ head, cells: [this.exact(n), `${this.fmt((100 * n) / c.total, 3)}%`] });
    this.outputHtml(
      'parts',
      dataTable(
        this.s('partsCaption'),
        [this.s('colParameters'), this.s('colShare')],
        [
          row(kvHeads === heads ? this.s('partAttention', { layers }) : this.s('partAttentionGrouped', { kvHeads, layers }), c.attention * layers),
          row(this.s('partMlp', { layers }), c.mlp * layers),
          row(this.s('partLayerNorms', { layers }), c.layerNorms * layers),
          row(this.s('partTokenEmbedding'), c.tokenEmbedding),
          row(this.s('partPositionEmbedding'), c.positionEmbedding),
          row(this.s('partFinalLayerNorm'), c.finalLayerNorm),
          row(this.s(tied ? 'partLmHeadTied' : 'partLmHeadUntied'), c.lmHead),
          row(this.s('partBlock'), c.perBlock),
          row(this.s('partTotal'), c.total),
        ],
        this.s('colPart'),
      ),
    );
    const kv = kvCacheBytes({ layers, context, dModel, heads, kvHeads, batch, dtype: kvDtype });
    this.outputHtml(
      'bytes',
      dataTable(
        this.s('bytesCaption'),
        [this.s('colBytesPerParameter'), this.s('colWeights')],
        (['FP32', 'BF16', 'FP8', 'INT8', 'INT4'] as const).map((d) => ({
          head: d === 'BF16' ? 'BF16 / FP16' : d,
          cells: [this.fmt(weightBytes(1, d)), formatBytes(weightBytes(c.total, d))],
        })),
        this.s('colFormat'),
      ),
    );
    this.output('kv', formatBytes(kv));
    this.output('kvToken', formatBytes(kv / (context * batch)));
    this.output('memory', formatBytes(weightBytes(c.total, dtype) + kv));
    const chartTitle = this.s('chartTitle');
    this.outputHtml(
      'chart',
      pair([
        [
          chartTitle,
          barChart(
            [c.attention * layers, c.mlp * layers, c.tokenEmbedding + c.positionEmbedding, c.lmHead],
            [this.s('barAttention'), 'MLP', this.s('barEmbeddings'), this.s('barLmHead')],
            chartTitle,
          ),
        ],
      ]),
    );
    this.announce(this.s('announce', { total: short(c.total), kv: formatBytes(kv) }));
  }
}
