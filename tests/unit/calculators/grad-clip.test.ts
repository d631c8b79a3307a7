/**
 * Global-norm clipping calculator. Known answers: the worked example of
 * content/en/numerical-analysis/gradients-and-clipping.mdx (g_W = (3, 4), g_b = (12), c = 1:
 * norms 5 and 12, global 13, clipped (3/13, 4/13) and (12/13); per-tensor (0.6, 0.8) and (1) with
 * total √2), and PyTorch's torch.nn.utils.clip_grad_norm_ (torch/nn/utils/clip_grad.py), whose
 * coefficient is min(1, max_norm / (total_norm + 1e-6)).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CLIP_EPSILON, angleBetween, clipByGlobalNorm, clipCoefficient, l2, splitGradientLines } from '../../../src/calculators/math/grad-clip.ts';

describe('the note: g_W = (3, 4), g_b = (12), max norm 1', () => {
  const r = clipByGlobalNorm([[3, 4], [12]], 1)!;

  it('norms 5 and 12, global √169 = 13', () => {
    expect(r.norms).toEqual([5, 12]);
    expect(r.total).toBe(13);
  });

  it('coefficient 1/(13 + 1e-6) as PyTorch computes it, ≈ 0.0769', () => {
    expect(r.coef).toBe(1 / (13 + 1e-6));
    expect(r.coef).toBeCloseTo(0.0769, 4);
  });

  it('clipped (0.2308, 0.3077) and (0.9231), global norm 1 (less PyTorch’s ε)', () => {
    [3 / 13, 4 / 13].forEach((x, i) => expect(r.clipped[0]![i]).toBeCloseTo(x, 6));
    expect(r.clipped[1]![0]).toBeCloseTo(12 / 13, 6);
    expect(r.totalAfter).toBeCloseTo(1, 6);
    expect(r.totalAfter).toBeLessThan(1);
  });

  it('per-tensor clipping: (0.6, 0.8) and (1), total √2, the weight share 5/13 → 1/√2', () => {
    [0.6, 0.8].forEach((x, i) => expect(r.perTensor.clipped[0]![i]).toBeCloseTo(x, 6));
    expect(r.perTensor.clipped[1]![0]).toBeCloseTo(1, 6);
    expect(r.perTensor.total).toBeCloseTo(Math.SQRT2, 6);
    expect(r.norms[0]! / r.total).toBeCloseTo(0.385, 3);
    expect(l2(r.perTensor.clipped[0]!) / r.perTensor.total).toBeCloseTo(0.707, 3);
  });

  it('the two updates differ in direction by acos(17/(13√2)) = 22.38°', () => {
    expect((r.angle! * 180) / Math.PI).toBeCloseTo(22.3801, 4);
  });

  it('clipping by value at 1 gives (1, 1) and (1), turned by acos(19/(13√3)) = 32.45° from the gradient', () => {
    expect(r.byValue.clipped).toEqual([[1, 1], [1]]);
    expect(r.byValue.total).toBeCloseTo(Math.sqrt(3), 12);
    expect((r.angleByValue! * 180) / Math.PI).toBeCloseTo(32.4543, 4);
  });
});

describe('thresholds', () => {
  it('max norm above 13 leaves the gradient unchanged (coefficient clamped to 1)', () => {
    for (const c of [13.00001, 14, 1e6]) {
      const r = clipByGlobalNorm([[3, 4], [12]], c)!;
      expect(r.coef).toBe(1);
      expect(r.clipped).toEqual([[3, 4], [12]]);
      expect(r.angle).toBe(0);
    }
  });

  it('max norm exactly 13: PyTorch still scales, by 13/(13 + 1e-6) = 0.99999992', () => {
    const r = clipByGlobalNorm([[3, 4], [12]], 13)!;
    expect(r.coef).toBe(13 / (13 + 1e-6));
    expect(1 - r.coef).toBeCloseTo(7.69e-8, 10);
  });

  it('a zero gradient stays zero and has no direction', () => {
    const r = clipByGlobalNorm([[0, 0], [0]], 1)!;
    expect(r.total).toBe(0);
    expect(r.coef).toBe(1);
    expect(r.angle).toBeNull();
  });

  it('huge components do not overflow the squares: (3e200, 4e200) has norm 5e200', () => {
    const r = clipByGlobalNorm([[3e200, 4e200]], 1)!;
    expect(r.total).toBeCloseTo(5e200, -190);
    expect(r.clipped[0]![0]).toBeCloseTo(0.6, 10);
    expect(clipByGlobalNorm([[1.5e308, 1.5e308]], 1)).toBeNull();
  });
});

describe('properties', () => {
  const tensors = fc.array(fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 5 });
  const maxNorm = fc.double({ min: 1e-3, max: 1e3, noNaN: true });

  it('global clipping: norm after = min(total, c) up to ε, and the direction is kept', () => {
    fc.assert(
      fc.property(tensors, maxNorm, (ts, c) => {
        const r = clipByGlobalNorm(ts, c)!;
        const expected = r.total * clipCoefficient(r.total, c);
        if (Math.abs(r.totalAfter - expected) > 1e-9 * Math.max(1, expected)) return false;
        if (r.totalAfter > c * (1 + 1e-12) && r.coef < 1) return false;
        const angle = angleBetween(ts.flat(), r.clipped.flat());
        return angle === null || angle < 1e-7;
      }),
    );
  });

  it('per-tensor clipping leaves every tensor at norm ≤ c', () => {
    fc.assert(
      fc.property(tensors, maxNorm, (ts, c) => {
        const r = clipByGlobalNorm(ts, c)!;
        return r.perTensor.clipped.every((t) => l2(t) <= c * (1 + 1e-12));
      }),
    );
  });

  it('clipping by value leaves every component in [−c, c] and keeps its sign', () => {
    fc.assert(
      fc.property(tensors, maxNorm, (ts, c) => {
        const r = clipByGlobalNorm(ts, c)!;
        return r.byValue.clipped.every((t, k) => t.every((x, i) => Math.abs(x) <= c && x * ts[k]![i]! >= 0));
      }),
    );
  });

  it('the ε is PyTorch’s 1e-6', () => {
    expect(CLIP_EPSILON).toBe(1e-6);
  });
});

describe('splitting the typed lines', () => {
  it('names before a colon (ASCII or full-width), blank lines skipped, line numbers kept', () => {
    expect(splitGradientLines('attn.q: 3, 4\n\nb：12\n5 6')).toEqual([
      { line: 1, name: 'attn.q', numbers: ' 3, 4' },
      { line: 3, name: 'b', numbers: '12' },
      { line: 4, name: null, numbers: '5 6' },
    ]);
  });

  it('an empty name is no name', () => {
    expect(splitGradientLines(': 1, 2')).toEqual([{ line: 1, name: null, numbers: ' 1, 2' }]);
  });
});
