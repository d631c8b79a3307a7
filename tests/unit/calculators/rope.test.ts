import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  dot,
  ones,
  pairTable,
  randomVector,
  reduceAngle,
  relativeScore,
  ropeFrequencies,
  ropeScore,
  rotatedAt,
  scoreCurve,
} from '../../../src/calculators/math/rope.ts';

const thetasOf = (d: number, b: number): number[] => {
  const r = ropeFrequencies(d, b);
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};

describe('ropeFrequencies: θᵢ = b^(−2i/d) (RoFormer, Su et al. 2021, eq. 15)', () => {
  it('by hand: d = 2 has the one frequency θ₀ = 1; d = 4, b = 10⁴ gives [1, 10⁴^(−1/2) = 0.01]', () => {
    expect(thetasOf(2, 10000)).toEqual([1]);
    const t = thetasOf(4, 10000);
    expect(t[0]).toBe(1);
    expect(t[1]).toBeCloseTo(0.01, 15);
  });

  it('the last frequency is b^(−(d−2)/d), the first always 1, and they decrease', () => {
    for (const [d, b] of [
      [128, 10000],
      [64, 500000],
      [6, 7],
    ] as const) {
      const t = thetasOf(d, b);
      expect(t).toHaveLength(d / 2);
      expect(t[0]).toBe(1);
      expect(t[d / 2 - 1]).toBeCloseTo(b ** (-(d - 2) / d), 15);
      for (let i = 1; i < t.length; i++) expect(t[i]).toBeLessThan(t[i - 1]!);
    }
  });

  it('rejects odd, zero, fractional and too large dimensions, and bases ≤ 1', () => {
    for (const d of [0, 3, 2.5, -4, 258, Number.NaN]) expect(ropeFrequencies(d, 10000)).toEqual({ ok: false, reason: 'dimension' });
    for (const b of [1, 0.5, 0, -10, Number.POSITIVE_INFINITY]) expect(ropeFrequencies(8, b)).toEqual({ ok: false, reason: 'base' });
    expect(ropeFrequencies(256, 10000).ok).toBe(true);
  });
});

describe('the note’s worked example: LLaMA-2 heads, d = 128, b = 10⁴, m = 4096 (rotations-and-rope.mdx table)', () => {
  const rows = pairTable(thetasOf(128, 10000), 4096);
  it('pair 0: θ = 1, wavelength 2π = 6.2832, 4096 rad ≈ 651.9 turns', () => {
    expect(rows[0]!.theta).toBe(1);
    expect(rows[0]!.wavelength).toBeCloseTo(6.2832, 4);
    expect(rows[0]!.angle).toBe(4096);
    expect(rows[0]!.turns).toBeCloseTo(651.9, 1);
    // 4096 − 651·2π = 5.6290… rad (by hand: 651·6.283185307 = 4090.3536).
    expect(rows[0]!.reduced).toBeCloseTo(4096 - 651 * 2 * Math.PI, 10);
  });
  it('pair 1: θ ≈ 0.8660, wavelength 7.2557, angle 3547.0 rad', () => {
    expect(rows[1]!.theta).toBeCloseTo(0.866, 4);
    expect(rows[1]!.wavelength).toBeCloseTo(7.2557, 4);
    expect(rows[1]!.angle).toBeCloseTo(3547.0, 1);
  });
  it('pair 32: θ = 0.01, wavelength 628.32, angle 40.96 rad', () => {
    expect(rows[32]!.theta).toBeCloseTo(0.01, 15);
    expect(rows[32]!.wavelength).toBeCloseTo(628.32, 2);
    expect(rows[32]!.angle).toBeCloseTo(40.96, 10);
  });
  it('pair 63: θ ≈ 1.1548×10⁻⁴, wavelength 54,410, 0.4730 rad ≈ 27.10°', () => {
    expect(rows[63]!.theta).toBeCloseTo(1.1548e-4, 8);
    expect(Math.round(rows[63]!.wavelength)).toBe(54410);
    expect(rows[63]!.reduced).toBeCloseTo(0.473, 4);
    expect(rows[63]!.degrees).toBeCloseTo(27.1, 2);
  });
  it('LLaMA-3’s base 500,000: θ₆₃ ≈ 2.4551×10⁻⁶, longest wavelength ≈ 2,559,196 tokens', () => {
    const t = thetasOf(128, 500000);
    expect(t[63]).toBeCloseTo(2.4551e-6, 10);
    expect(Math.round((2 * Math.PI) / t[63]!)).toBe(2559196);
  });
});

describe('the note’s worked example: only the offset matters (d = 4, q = (1, 2, 1, 1), k = (3, 1, 2, −1))', () => {
  const thetas = thetasOf(4, 10000);
  const q = [1, 2, 1, 1];
  const k = [3, 1, 2, -1];
  const close4 = (got: number[], want: number[]) => got.forEach((x, i) => expect(x).toBeCloseTo(want[i]!, 4));

  it('rotated vectors at m = 2, n = 5 and at m = 12, n = 15, as printed in the note', () => {
    close4(rotatedAt(q, thetas, 2), [-2.2347, 0.077, 0.9798, 1.0198]);
    close4(rotatedAt(k, thetas, 5), [1.8099, -2.5931, 2.0475, -0.8988]);
    close4(rotatedAt(q, thetas, 12), [1.917, 1.1511, 0.8731, 1.1125]);
    close4(rotatedAt(k, thetas, 15), [-2.9294, 1.1912, 2.127, -0.6899]);
  });

  it('both scores are −3.1548 = 5cos3 + 5sin3 + cos0.03 + 3sin0.03; unrotated q·k = 6', () => {
    const byHand = 5 * Math.cos(3) + 5 * Math.sin(3) + Math.cos(0.03) + 3 * Math.sin(0.03);
    const a = ropeScore(q, k, thetas, 2, 5);
    const b = ropeScore(q, k, thetas, 12, 15);
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok) return;
    expect(a.value).toBeCloseTo(-3.1548, 4);
    expect(a.value).toBeCloseTo(byHand, 12);
    expect(b.value).toBeCloseTo(byHand, 12);
    expect(relativeScore(q, k, thetas, 3)).toBeCloseTo(byHand, 12);
    expect(dot(q, k)).toBe(6);
  });

  it('a length mismatch or a non-positive factor is a reason, not NaN', () => {
    expect(ropeScore([1, 2], k, thetas, 0, 1)).toEqual({ ok: false, reason: 'length' });
    expect(ropeScore(q, k, thetas, 0, 1, 0)).toEqual({ ok: false, reason: 'scale' });
  });
});

describe('position interpolation (Chen et al. 2023): positions divided by s', () => {
  it('with s = 4 position 16,000 gets the angles position 4,000 had (the note’s example)', () => {
    const t = thetasOf(128, 10000);
    const a = pairTable(t, 16000, 4);
    const b = pairTable(t, 4000);
    a.forEach((row, i) => expect(row.angle).toBeCloseTo(b[i]!.angle, 9));
    // …and every wavelength, counted in (uninterpolated) tokens, is 4 times longer: 4·2π for pair 0.
    expect(a[0]!.wavelength).toBeCloseTo(8 * Math.PI, 12);
    a.forEach((row, i) => expect(row.wavelength).toBeCloseTo(4 * b[i]!.wavelength, 6));
  });
});

describe('all-ones q = k: q̃·k̃(Δ) = 2·Σ cos(Δθᵢ)', () => {
  it('Δ = 0 gives |q|² = d; Δ = 1 with d = 2 gives 2cos 1', () => {
    for (const d of [2, 4, 64, 128]) expect(relativeScore(ones(d), ones(d), thetasOf(d, 10000), 0)).toBeCloseTo(d, 12);
    expect(relativeScore(ones(2), ones(2), [1], 1)).toBeCloseTo(2 * Math.cos(1), 15);
  });
  it('the curve starts at d, its envelope covers every offset, and it decays (d = 128: max over 1000…2000 under 48 < d/2)', () => {
    const t = thetasOf(128, 10000);
    const curve = scoreCurve(ones(128), ones(128), t, 2000, 1, 400);
    expect(curve[0]!.max).toBeCloseTo(128, 10);
    expect(curve.length).toBeLessThanOrEqual(400);
    const far = curve.filter((p) => p.delta >= 1000);
    expect(Math.max(...far.map((p) => p.max))).toBeLessThan(48);
    // Small L: one point per offset, min = max = the score.
    const short = scoreCurve(ones(4), ones(4), thetasOf(4, 10000), 10);
    expect(short).toHaveLength(11);
    short.forEach((p) => {
      expect(p.min).toBe(p.max);
      expect(p.max).toBeCloseTo(2 * Math.cos(p.delta) + 2 * Math.cos(0.01 * p.delta), 12);
    });
  });
});

describe('seeded random q = k', () => {
  it('is reproducible, in [−1, 1), and its score at Δ = 0 is |q|²', () => {
    const q = randomVector(64, 7);
    expect(randomVector(64, 7)).toEqual(q);
    expect(randomVector(64, 8)).not.toEqual(q);
    expect(q.every((x) => x >= -1 && x < 1)).toBe(true);
    expect(relativeScore(q, q, thetasOf(64, 10000), 0)).toBeCloseTo(dot(q, q), 12);
  });
});

describe('properties', () => {
  const pairs = fc.integer({ min: 1, max: 16 });
  const entry = fc.double({ min: -10, max: 10, noNaN: true });
  const pos = fc.integer({ min: 0, max: 100000 });

  it('relative-position property: q̃ₘ·k̃ₙ = q̃ₘ₊ₜ·k̃ₙ₊ₜ = the pair formula at Δ = n − m', () => {
    fc.assert(
      fc.property(
        pairs,
        fc.double({ min: 2, max: 1e6, noNaN: true }),
        pos,
        pos,
        pos,
        fc.double({ min: 0.25, max: 16, noNaN: true }),
        fc.integer(),
        (p, b, m, n, t, s, seed) => {
          const d = 2 * p;
          const vec = (off: number) => Array.from({ length: d }, (_, i) => Math.sin(seed + off + i * 1.7) * 3);
          const [q, k] = [vec(0), vec(100)];
          const thetas = thetasOf(d, b);
          const a = ropeScore(q, k, thetas, m, n, s);
          const shifted = ropeScore(q, k, thetas, m + t, n + t, s);
          if (!a.ok || !shifted.ok) return false;
          // Angles up to 2·10⁵ rad lose ~10⁻¹¹ rad each to rounding in cos/sin; scores are O(10²).
          const tol = 1e-7 * (1 + Math.abs(dot(q, q)) + Math.abs(dot(k, k)));
          return Math.abs(a.value - shifted.value) <= tol && Math.abs(a.value - relativeScore(q, k, thetas, n - m, s)) <= tol;
        },
      ),
    );
  });

  it('RoPE is a rotation: norms are preserved', () => {
    fc.assert(
      fc.property(pairs, pos, fc.array(entry, { minLength: 32, maxLength: 32 }), (p, m, raw) => {
        const v = raw.slice(0, 2 * p);
        const r = rotatedAt(v, thetasOf(2 * p, 10000), m);
        return Math.abs(Math.hypot(...r) - Math.hypot(...v)) <= 1e-12 * (1 + Math.hypot(...v));
      }),
    );
  });

  it('reduced angles lie in [0, 2π) and differ from the angle by whole turns', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (x) => {
        const r = reduceAngle(x);
        const k = (x - r) / (2 * Math.PI);
        return r >= 0 && r < 2 * Math.PI && Math.abs(k - Math.round(k)) < 1e-6;
      }),
    );
  });
});
