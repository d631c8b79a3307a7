/**
 * Parameter and memory counts for a GPT-2-style decoder-only Transformer: learned token and
 * position embeddings, pre-LayerNorm blocks (attention with a fused QKV projection and an
 * output projection, an MLP of two linear layers, all with biases; two LayerNorms with a
 * scale and a shift each), a final LayerNorm, and an LM head without bias that is either
 * tied to the token embedding or separate.
 */

export type TransformerShape = {
  /** Vocabulary size V. */
  vocab: number;
  /** Context length (number of learned positions). */
  context: number;
  dModel: number;
  layers: number;
  /** Query heads; they split d_model (d_head = d_model / heads). */
  heads: number;
  /**
   * Key/value heads (grouped-query attention shares each among heads / kvHeads query heads;
   * 1 is multi-query attention). Default `heads`: full multi-head attention, where the heads
   * do not change the parameter count. Fewer KV heads shrink W_K and W_V to d_model × kvHeads·d_head.
   */
  kvHeads?: number;
  /** Hidden width of the MLP (4·d_model in GPT-2). */
  dFf: number;
  /** Whether the LM head reuses the token embedding matrix. */
  tied: boolean;
};

export type ParameterCount = {
  /** Per block: Q, K, V and output projections with biases (K and V are kvHeads·d_head wide). */
  attention: number;
  /** Per block: two linear layers with biases. */
  mlp: number;
  /** Per block: two LayerNorms (γ and β each). */
  layerNorms: number;
  /** attention + mlp + layerNorms. */
  perBlock: number;
  blocks: number;
  tokenEmbedding: number;
  positionEmbedding: number;
  finalLayerNorm: number;
  /** 0 when tied. */
  lmHead: number;
  total: number;
};

/** INT4 packs two numbers in a byte. */
export const BYTES_PER_ELEMENT = { FP32: 4, BF16: 2, FP16: 2, FP8: 1, INT8: 1, INT4: 0.5 } as const;
export type Dtype = keyof typeof BYTES_PER_ELEMENT;

/** Counts every parameter. Preconditions: positive whole numbers. GPT-2 small gives 124,439,808. */
export function transformerParameterCount(s: TransformerShape): ParameterCount {
  const d = s.dModel;
  // Width of K (and of V): kvHeads · d_head, which is d_model for full multi-head attention.
  const kv = ((s.kvHeads ?? s.heads) * d) / s.heads;
  const attention = d * (d + 2 * kv) + (d + 2 * kv) + d * d + d;
  const mlp = d * s.dFf + s.dFf + s.dFf * d + d;
  const layerNorms = 2 * 2 * d;
  const perBlock = attention + mlp + layerNorms;
  const blocks = perBlock * s.layers;
  const tokenEmbedding = s.vocab * d;
  const positionEmbedding = s.context * d;
  const finalLayerNorm = 2 * d;
  const lmHead = s.tied ? 0 : s.vocab * d;
  return {
    attention,
    mlp,
    layerNorms,
    perBlock,
    blocks,
    tokenEmbedding,
    positionEmbedding,
    finalLayerNorm,
    lmHead,
    total: blocks + tokenEmbedding + positionEmbedding + finalLayerNorm + lmHead,
  };
}

/** Bytes to store `parameters` weights in a dtype. */
export function weightBytes(parameters: number, dtype: Dtype): number {
  return parameters * BYTES_PER_ELEMENT[dtype];
}

/**
 * KV-cache bytes: 2 (K and V) × layers × KV heads × d_head × context × batch × bytes per
 * element. With full multi-head attention KV heads × d_head = d_model; grouped-query
 * attention stores only kvHeads heads (LLaMA-2 70B: 8 of 64), multi-query attention one.
 * Preconditions: positive whole numbers, kvHeads ≤ heads (default heads), dModel divisible by heads.
 */
export function kvCacheBytes(s: { layers: number; context: number; dModel: number; heads: number; kvHeads?: number; batch: number; dtype: Dtype }): number {
  const dHead = s.dModel / s.heads;
  return 2 * s.layers * (s.kvHeads ?? s.heads) * dHead * s.context * s.batch * BYTES_PER_ELEMENT[s.dtype];
}
