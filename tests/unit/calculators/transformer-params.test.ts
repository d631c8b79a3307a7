import { describe, expect, it } from 'vitest';
import { kvCacheBytes, transformerParameterCount, weightBytes } from '../../../src/calculators/math/transformer-params.ts';
import { formatCount, unitKey, type Unit } from '../../../src/calculators/ui/units.ts';
import type { Lang } from '../../../src/utils/lang.ts';
import { calcSay } from './field-words.ts';

/** As base.ts `withUnit` writes it. */
const withUnit = (shown: string, unit: Unit, lang: Lang) => calcSay(lang, unitKey(shown, unit), { n: shown });

const gpt2Small = { vocab: 50257, context: 1024, dModel: 768, layers: 12, heads: 12, dFf: 3072, tied: true };

describe('transformer parameter count', () => {
  it('GPT-2 small has 124,439,808 parameters', () => {
    const c = transformerParameterCount(gpt2Small);
    expect(c.total).toBe(124_439_808);
    expect(c.perBlock).toBe(7_087_872);
    expect(c.attention).toBe(2_362_368);
    expect(c.mlp).toBe(4_722_432);
    expect(c.layerNorms).toBe(3072);
    expect(c.tokenEmbedding).toBe(38_597_376);
    expect(c.positionEmbedding).toBe(786_432);
    expect(c.finalLayerNorm).toBe(1536);
    expect(c.lmHead).toBe(0);
  });

  it('GPT-2 medium has 354,823,168 parameters', () => {
    expect(transformerParameterCount({ ...gpt2Small, dModel: 1024, layers: 24, heads: 16, dFf: 4096 }).total).toBe(354_823_168);
  });

  it('an untied LM head adds V × d_model; heads do not change the count', () => {
    expect(transformerParameterCount({ ...gpt2Small, tied: false }).total).toBe(124_439_808 + 50257 * 768);
    expect(transformerParameterCount({ ...gpt2Small, heads: 1 }).total).toBe(124_439_808);
  });

  it('weight bytes per dtype', () => {
    expect(weightBytes(124_439_808, 'FP32')).toBe(497_759_232);
    expect(weightBytes(124_439_808, 'BF16')).toBe(248_879_616);
    expect(weightBytes(124_439_808, 'FP8')).toBe(124_439_808);
    expect(weightBytes(124_439_808, 'INT8')).toBe(124_439_808);
  });

  it('KV cache = 2 × layers × context × d_model × batch × bytes', () => {
    // GPT-2 small, full context, batch 1, FP16: 2·12·1024·768·2 = 36 MiB.
    expect(kvCacheBytes({ layers: 12, context: 1024, dModel: 768, heads: 12, batch: 1, dtype: 'FP16' })).toBe(37_748_736);
    expect(kvCacheBytes({ layers: 12, context: 1024, dModel: 768, heads: 12, batch: 8, dtype: 'FP32' })).toBe(2 * 12 * 1024 * 768 * 8 * 4);
  });

  it('grouped-query attention: LLaMA-2 70B (64 query heads, 8 KV heads) at 4096 tokens in BF16 = 1.25 GiB per sequence', () => {
    const llama70 = { layers: 80, context: 4096, dModel: 8192, heads: 64, kvHeads: 8, batch: 1 };
    // 2 · 80 · 8 · 128 · 4096 · 2 B
    expect(kvCacheBytes({ ...llama70, dtype: 'BF16' })).toBe(1_342_177_280);
    expect(kvCacheBytes({ ...llama70, dtype: 'BF16' })).toBe(1.25 * 2 ** 30);
    // Without GQA it would be 8 times as much: 10 GiB.
    expect(kvCacheBytes({ ...llama70, kvHeads: 64, dtype: 'BF16' })).toBe(10 * 2 ** 30);
    // INT8 and INT4 caches: half and a quarter of BF16.
    expect(kvCacheBytes({ ...llama70, dtype: 'INT8' })).toBe(671_088_640);
    expect(kvCacheBytes({ ...llama70, dtype: 'INT4' })).toBe(335_544_320);
    // Mistral 7B: 32 layers, 32 query heads, 8 KV heads, d_head 128: 2·32·8·128·2 B = 128 KiB per token.
    expect(kvCacheBytes({ layers: 32, context: 1, dModel: 4096, heads: 32, kvHeads: 8, batch: 1, dtype: 'BF16' })).toBe(131_072);
    // Multi-query attention: one KV head.
    expect(kvCacheBytes({ layers: 12, context: 1024, dModel: 768, heads: 12, kvHeads: 1, batch: 1, dtype: 'FP16' })).toBe(37_748_736 / 12);
  });

  it('fewer KV heads shrink W_K and W_V: LLaMA-2 70B attention is 2·d² + 2·d·1024 per block (plus biases here)', () => {
    const d = 8192;
    const c = transformerParameterCount({ vocab: 32000, context: 4096, dModel: d, layers: 80, heads: 64, kvHeads: 8, dFf: 28672, tied: false });
    expect(c.attention).toBe(2 * d * d + 2 * d * 1024 + d + 2 * 1024 + d);
    expect(transformerParameterCount({ ...gpt2Small, kvHeads: 12 }).total).toBe(124_439_808);
  });

  it('large counts read as 175.2 B / 1,752 亿, and GPT-2 small as 124.4 M / 1.244 亿', () => {
    const gpt3 = transformerParameterCount({ vocab: 50257, context: 2048, dModel: 12288, layers: 96, heads: 96, dFf: 49152, tied: false });
    expect(gpt3.total).toBe(175_221_817_344);
    expect(formatCount(gpt3.total, 'en')).toBe('175.2 B');
    expect(formatCount(gpt3.total, 'zh')).toBe('1,752 亿');
    expect(formatCount(124_439_808, 'en')).toBe('124.4 M');
    expect(formatCount(124_439_808, 'zh')).toBe('1.244 亿');
    expect(formatCount(354_823_168, 'zh')).toBe('3.548 亿');
    expect(formatCount(786_432, 'en')).toBe('786.4 K');
    expect(formatCount(786_432, 'zh')).toBe('78.64 万');
    expect(formatCount(999_999_999, 'en')).toBe('1 B');
    expect(formatCount(1536, 'zh')).toBe('1,536');
    expect(formatCount(512, 'en')).toBe('512');
    expect(formatCount(1.8e12, 'en')).toBe('1.8 T');
    expect(formatCount(1.8e12, 'zh')).toBe('1.8 万亿');
  });

  it('units agree with the number: 1 bit, 2 bits, 0.5 bits; 比特 has no plural', () => {
    expect(withUnit('1', 'bit', 'en')).toBe('1 bit');
    expect(withUnit('−1', 'nat', 'en')).toBe('−1 nat');
    expect(withUnit('2', 'bit', 'en')).toBe('2 bits');
    expect(withUnit('0.5', 'bit', 'en')).toBe('0.5 bits');
    expect(withUnit('0', 'bit', 'en')).toBe('0 bits');
    expect(withUnit('1.5', 'step', 'en')).toBe('1.5 steps');
    expect(withUnit('10', 'step', 'en')).toBe('10 steps');
    expect(withUnit('1', 'bit', 'zh')).toBe('1 比特');
    expect(withUnit('∞', 'bit', 'en')).toBe('∞ bits');
  });
});
