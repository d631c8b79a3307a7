/**
 * Recomputes every number of the tensors-and-einsum note's worked examples (the shapes, score
 * size and FLOPs of one LLaMA-2 7B attention layer; a 4096 × 4096 BF16 matmul at batch 1 and
 * 512 on an H100; KV-cache bytes for LLaMA-2 7B, LLaMA-2 70B and Mistral 7B; the decoding and
 * prefill bounds for LLaMA-2 7B) and checks that each appears, as printed, in both languages.
 * Where the site has a math module (the KV cache, the dtype sizes) the test uses it.
 */
import { describe, expect, it } from 'vitest';
import { expectPrintedInBothNotes } from '../../helpers/content.ts';
import { BYTES_PER_ELEMENT, kvCacheBytes } from '../../../src/calculators/math/transformer-params.ts';

const expectInBoth = (printed: string[]) => expectPrintedInBothNotes('linear-algebra', 'tensors-and-einsum', printed);

/** Integers as the notes print them in prose and tables (8,388,608) and in TeX (8{,}388{,}608). */
const grouped = (n: number) => n.toLocaleString('en-US');
const texGrouped = (n: number) => grouped(n).replace(/,/g, '{,}');
const shape = (s: number[]) => `$(${s.join(', ')})$`;

/** H100 SXM datasheet figures: dense BF16 tensor-core FLOP/s and HBM3 bandwidth. */
const PEAK = 989e12;
const BANDWIDTH = 3.35e12;
/** LLaMA-2 7B's parameter count from its shapes (as in the matrix-multiplication note). */
const LLAMA2_7B = 32 * (4 * 4096 * 4096 + 3 * 4096 * 11008 + 2 * 4096) + 2 * 32000 * 4096 + 4096;

describe('tensors and einsum worked examples', () => {
  it('broadcasting (8, 1, 5) + (4, 5)', () => {
    // NumPy's rule, aligned from the right.
    const broadcast = (a: number[], b: number[]) => {
      const n = Math.max(a.length, b.length);
      const pa = [...Array(n - a.length).fill(1), ...a];
      const pb = [...Array(n - b.length).fill(1), ...b];
      return pa.map((x, i) => {
        const y = pb[i]!;
        if (x !== y && x !== 1 && y !== 1) throw new Error('incompatible');
        return Math.max(x, y);
      });
    };
    expect(broadcast([8, 1, 5], [4, 5])).toEqual([8, 4, 5]);
    expectInBoth(['(8, 1, 5) + (4, 5) \\to (8, 4, 5)']);
  });

  it('one LLaMA-2 7B attention layer at B = 2, T = 2048: shapes, score bytes, FLOPs', () => {
    const [B, T, d, h] = [2, 2048, 4096, 32];
    const dh = d / h;
    expect(dh).toBe(128);
    const scores = B * h * T * T;
    const scoreBytes = scores * BYTES_PER_ELEMENT.BF16;
    const projection = 2 * B * T * d * d;
    const einsum = 2 * B * h * T * T * dh;
    expect(einsum).toBeLessThan(projection);
    expectInBoth([
      shape([B, T, d]),
      shape([B, h, T, dh]),
      shape([B, h, T, T]),
      `2\\times32\\times2048\\times2048 = ${texGrouped(scores)}`,
      `${grouped(scoreBytes)}`,
      `${scoreBytes / 2 ** 20} MiB`,
      `2BTd_{\\text{model}}^2 = ${texGrouped(projection)}`,
      grouped(4 * projection),
      `2BhT^2d_{\\text{head}} = ${texGrouped(einsum)}`,
    ]);
  });

  it('the H100 ridge point', () => {
    const ridge = PEAK / BANDWIDTH;
    expect(Math.round(ridge)).toBe(295);
    expectInBoth(['989', '3.35 TB/s', `\\approx ${Math.round(ridge)} \\text{ FLOP/byte}`, '1,979']);
  });

  it('a 4096 × 4096 BF16 matmul at batch 1 and batch 512', () => {
    const d = 4096;
    const rows = [1, 512].map((B) => {
      const flops = 2 * B * d * d;
      const bytes = 2 * (d * d + 2 * B * d);
      return { B, flops, bytes, intensity: flops / bytes, compute: (flops / PEAK) * 1e6, memory: (bytes / BANDWIDTH) * 1e6 };
    });
    const [one, many] = rows as [(typeof rows)[0], (typeof rows)[0]];
    expect(one.memory).toBeGreaterThan(one.compute);
    expect(many.compute).toBeGreaterThan(many.memory);
    expect(many.intensity).toBeGreaterThan(PEAK / BANDWIDTH);
    expect(Math.round(one.memory / one.compute / 100) * 100).toBe(300);
    expectInBoth([
      `| ${grouped(one.flops)} | ${grouped(many.flops)} |`,
      `| ${grouped(one.bytes)} | ${grouped(many.bytes)} |`,
      `| ${one.intensity.toFixed(4)} | ${many.intensity} |`,
      `| ${one.compute.toFixed(3)} µs | ${many.compute.toFixed(2)} µs |`,
      `| ${one.memory.toFixed(2)} µs | ${many.memory.toFixed(2)} µs |`,
      `${grouped(d * d * 2)} `,
    ]);
  });

  it('KV cache: LLaMA-2 7B, LLaMA-2 70B (GQA and as if MHA), Mistral 7B; 16 sequences', () => {
    const fp16 = 'FP16' as const;
    const perToken7b = kvCacheBytes({ layers: 32, context: 1, dModel: 4096, heads: 32, kvHeads: 32, batch: 1, dtype: fp16 });
    expect(perToken7b).toBe(2 * 32 * 32 * 128 * 2);
    const ctx7b = kvCacheBytes({ layers: 32, context: 4096, dModel: 4096, heads: 32, kvHeads: 32, batch: 1, dtype: fp16 });
    const batch16 = kvCacheBytes({ layers: 32, context: 4096, dModel: 4096, heads: 32, kvHeads: 32, batch: 16, dtype: fp16 });
    const perToken70b = kvCacheBytes({ layers: 80, context: 1, dModel: 8192, heads: 64, kvHeads: 8, batch: 1, dtype: fp16 });
    const ctx70b = kvCacheBytes({ layers: 80, context: 4096, dModel: 8192, heads: 64, kvHeads: 8, batch: 1, dtype: fp16 });
    const perToken70bMha = kvCacheBytes({ layers: 80, context: 1, dModel: 8192, heads: 64, kvHeads: 64, batch: 1, dtype: fp16 });
    const perTokenMistral = kvCacheBytes({ layers: 32, context: 1, dModel: 4096, heads: 32, kvHeads: 8, batch: 1, dtype: fp16 });
    expect(perToken70b).toBe(2 * 80 * 8 * 128 * 2);
    expect(perTokenMistral).toBe(2 * 32 * 8 * 128 * 2);
    // 16 sequences' caches exceed the 7B model's BF16 weights.
    expect(batch16).toBeGreaterThan(2 * LLAMA2_7B);
    expectInBoth([
      `2\\times32\\times32\\times128\\times2 = ${texGrouped(perToken7b)}`,
      `= ${perToken7b / 2 ** 20} \\text{ MiB}`,
      `${texGrouped(perToken7b)}\\times4096 = ${texGrouped(ctx7b)}`,
      `${ctx7b / 2 ** 30} GiB`,
      `${batch16 / 2 ** 30} GiB`,
      `${((2 * LLAMA2_7B) / 1e9).toFixed(1)} GB`,
      `2\\times80\\times8\\times128\\times2 = ${texGrouped(perToken70b)}`,
      `${grouped(ctx70b)}`,
      `${ctx70b / 2 ** 30} GiB`,
      `${grouped(perToken70bMha)}`,
      `${(perToken70bMha * 4096) / 2 ** 30} GiB`,
      `${grouped(perTokenMistral)}`,
      `${perTokenMistral / 2 ** 10} KiB`,
      `${(perTokenMistral * 4096) / 2 ** 20} MiB`,
    ]);
  });

  it('LLaMA-2 7B decoding and prefill bounds on an H100', () => {
    const weights = LLAMA2_7B * BYTES_PER_ELEMENT.BF16;
    const tps = BANDWIDTH / weights;
    const msPerToken = 1000 / tps;
    const cache = 2 * 32 * 32 * 128 * 2 * 4096;
    const withCache = weights + cache;
    const tpsCache = BANDWIDTH / withCache;
    const flopsPerToken = 2 * LLAMA2_7B;
    const usedFlops = flopsPerToken * tps;
    const prefill = 2 * LLAMA2_7B * 2048;
    expectInBoth([
      grouped(LLAMA2_7B),
      `N = ${texGrouped(LLAMA2_7B)}`,
      grouped(weights),
      `\\frac{3.35\\times10^{12}}{${texGrouped(weights)}} \\approx ${tps.toFixed(1)}`,
      `${msPerToken.toFixed(2)} ms`,
      grouped(withCache),
      `${tpsCache.toFixed(1)}`,
      `2N = ${texGrouped(flopsPerToken)}`,
      `${(usedFlops / 1e12).toFixed(2)} TFLOP/s`,
      `${((100 * usedFlops) / PEAK).toFixed(2)}%`,
      `2NT \\approx ${(prefill / 1e13).toFixed(2)}\\times10^{13}`,
      `${((prefill / PEAK) * 1000).toFixed(1)} ms`,
    ]);
  });
});
