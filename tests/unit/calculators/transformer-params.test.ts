import { describe, expect, it } from 'vitest';
import { kvCacheBytes, transformerParameterCount, weightBytes } from '../../../src/calculators/math/transformer-params.ts';

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
    expect(kvCacheBytes({ layers: 12, context: 1024, dModel: 768, batch: 1, dtype: 'FP16' })).toBe(37_748_736);
    expect(kvCacheBytes({ layers: 12, context: 1024, dModel: 768, batch: 8, dtype: 'FP32' })).toBe(2 * 12 * 1024 * 768 * 8 * 4);
  });
});
