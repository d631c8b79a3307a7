/**
 * Recomputes every number of the rotations-and-rope note's worked examples (a 60° rotation
 * and its checks, R(30°)² = R(60°), RoPE frequencies, wavelengths and angles for d = 128,
 * a d = 4 RoPE score at two pairs of positions) and of the long-context section, and checks
 * that each appears, as printed, in both languages.
 */
import { describe, expect, it } from 'vitest';
import { expectPrintedInBothNotes } from '../../helpers/content.ts';
import { det, matMul, transpose } from '../../../src/calculators/math/linear-algebra.ts';

const expectInBoth = (printed: string[]) => expectPrintedInBothNotes('linear-algebra', 'rotations-and-rope', printed);

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const dot = (u: number[], v: number[]) => sum(u.map((x, i) => x * v[i]!));
const f4 = (x: number) => x.toFixed(4);
const grouped = (n: number) => n.toLocaleString('en-US');
const texGrouped = (n: number) => grouped(n).replace(/,/g, '{,}');
const deg = (d: number) => (d * Math.PI) / 180;

/** The textbook rotation matrix, acting on column vectors. */
const R = (phi: number) => [
  [Math.cos(phi), -Math.sin(phi)],
  [Math.sin(phi), Math.cos(phi)],
];
/** Counter-clockwise rotation of a pair, computed as the row vector x·R(φ)ᵀ. */
const rot = (x: [number, number], phi: number): [number, number] => {
  const [row] = matMul([x], transpose(R(phi)));
  return [row![0]!, row![1]!];
};
/** RoPE on a vector of even length d at position m: pair i turned by m·base^(−2i/d). */
function rope(v: number[], m: number, base = 10000): number[] {
  const d = v.length;
  const out: number[] = [];
  for (let i = 0; i < d / 2; i++) out.push(...rot([v[2 * i]!, v[2 * i + 1]!], m * base ** ((-2 * i) / d)));
  return out;
}

describe('rotations and RoPE worked examples', () => {
  it('rotating (3, 4) by 60°: result, length, angle; R(30°)² = R(60°)', () => {
    const v: [number, number] = [3, 4];
    const w = rot(v, deg(60));
    expect(Math.hypot(...w)).toBeCloseTo(5, 12);
    expect(dot(v, w)).toBeCloseTo(25 * Math.cos(deg(60)), 12);
    expect(det(R(deg(60)))).toBeCloseTo(1, 12);
    const r30sq = matMul(R(deg(30)), R(deg(30)));
    r30sq.flat().forEach((x, i) => expect(x).toBeCloseTo(R(deg(60)).flat()[i]!, 12));
    const [w1, w2] = w.map(f4);
    const s = f4(Math.sin(deg(60)));
    expect(s).toBe(f4(Math.cos(deg(30))));
    expectInBoth([
      `\\sin60^\\circ \\approx ${s}`,
      `\\cos60^\\circ = ${Math.cos(deg(60)).toFixed(1)}`,
      `(3\\cdot0.5 - 4\\cdot${s},\\;\\; 3\\cdot${s} + 4\\cdot0.5) = (${w1},\\; ${w2})`,
      `\\sqrt{9 + 16} = 5`,
      // The squares of the printed (rounded) coordinates, which sum to 5² up to rounding.
      `\\sqrt{${w1!.slice(1)}^2 + ${w2}^2} = \\sqrt{${f4(Number(w1) ** 2)} + ${f4(Number(w2) ** 2)}} = 5`,
      `3\\cdot(${w1}) + 4\\cdot${w2} = 12.5 = 25\\cos60^\\circ`,
      `\\cos30^\\circ \\approx ${f4(Math.cos(deg(30)))}`,
      `\\begin{pmatrix}${r30sq[0]![0]!.toFixed(1)} & -${f4(-r30sq[0]![1]!)}\\\\ ${f4(r30sq[1]![0]!)} & ${r30sq[1]![1]!.toFixed(1)}\\end{pmatrix} = R(60^\\circ)`,
    ]);
  });

  it('RoPE frequencies, wavelengths and angles at m = 4096 for d = 128, base 10000 and 500000', () => {
    const d = 128;
    const theta = (i: number, base = 10000) => base ** ((-2 * i) / d);
    const wave = (i: number, base = 10000) => (2 * Math.PI) / theta(i, base);
    const m = 4096;
    expect(theta(0)).toBe(1);
    expect(theta(32)).toBeCloseTo(0.01, 15);
    const [mant, exp] = theta(63).toExponential(4).split('e');
    expect(exp).toBe('-4');
    const turns = m / (2 * Math.PI);
    const angle63 = m * theta(63);
    const [mant3, exp3] = theta(63, 500000).toExponential(4).split('e');
    expect(exp3).toBe('-6');
    // The slowest pair stays under half a turn within the context.
    expect(angle63).toBeLessThan(Math.PI);
    expectInBoth([
      `| 0 | $1$ | ${f4(wave(0))} | 4096 rad`,
      `${turns.toFixed(1)}`,
      `$10000^{-2/128} \\approx ${f4(theta(1))}$ | ${f4(wave(1))} | ${(m * theta(1)).toFixed(1)} rad`,
      `$10000^{-64/128} = ${theta(32)}$ | ${wave(32).toFixed(2)} | ${(m * theta(32)).toFixed(2)} rad`,
      `$10000^{-126/128} \\approx ${mant}\\times10^{-4}$ | ${grouped(Math.round(wave(63)))} | ${f4(angle63)} rad`,
      `${((angle63 * 180) / Math.PI).toFixed(2)}°`,
      `${wave(0).toFixed(2)}`,
      `500000^{-126/128} \\approx ${mant3}\\times10^{-6}`,
      `${grouped(Math.round(wave(63, 500000)))}`,
    ]);
  });

  it('a d = 4 RoPE score: the same at positions (2, 5) and (12, 15)', () => {
    const q = [1, 2, 1, 1];
    const k = [3, 1, 2, -1];
    expect(10000 ** (-2 / 4)).toBeCloseTo(0.01, 15);
    const q2 = rope(q, 2);
    const k5 = rope(k, 5);
    const q12 = rope(q, 12);
    const k15 = rope(k, 15);
    const s1 = dot(q2, k5);
    const s2 = dot(q12, k15);
    expect(s2).toBeCloseTo(s1, 12);
    // The pair formula (u·v)cos Δ + (u₂v₁ − u₁v₂) sin Δ, pair by pair.
    const pair = (u: number[], v: number[], delta: number) => dot(u, v) * Math.cos(delta) + (u[1]! * v[0]! - u[0]! * v[1]!) * Math.sin(delta);
    const p0 = pair([1, 2], [3, 1], 3 * 1);
    const p1 = pair([1, 1], [2, -1], 3 * 0.01);
    expect(p0 + p1).toBeCloseTo(s1, 12);
    const vec = (v: number[]) => `(${v.map(f4).join(',\\; ')})`;
    expectInBoth([
      `\\mathbf{q}\\cdot\\mathbf{k} = 3 + 2 + 2 - 1 = ${dot(q, k)}`,
      `\\tilde{\\mathbf{q}}_2 = ${vec(q2)}`,
      `\\tilde{\\mathbf{k}}_5 = ${vec(k5)}`,
      `\\tilde{\\mathbf{q}}_2\\cdot\\tilde{\\mathbf{k}}_5 = ${f4(s1)}`,
      `\\tilde{\\mathbf{q}}_{12} = ${vec(q12)}`,
      `\\tilde{\\mathbf{k}}_{15} = ${vec(k15)}`,
      `\\tilde{\\mathbf{q}}_{12}\\cdot\\tilde{\\mathbf{k}}_{15} = ${f4(s2)}`,
      `5\\cos3 + 5\\sin3 + \\cos0.03 + 3\\sin0.03 = ${f4(p0)} + ${f4(p1)} = ${f4(s1)}`,
    ]);
  });

  it('long contexts: interpolation factor, NTK-aware base, model bases', () => {
    const L = 4096;
    const Lnew = 16384;
    expect((16000 * L) / Lnew).toBe(4000);
    const ntk = 10000 * 4 ** (128 / 126);
    // NTK-aware: the slowest pair is interpolated by exactly s = 4, the fastest is untouched.
    expect(10000 ** (-126 / 128) / ntk ** (-126 / 128)).toBeCloseTo(4, 12);
    expectInBoth([
      `$1/${Lnew / L}$`,
      `10000\\cdot4^{128/126} \\approx ${texGrouped(Math.round(ntk / 10) * 10)}`,
      `b = ${texGrouped(1_000_000)}`,
      `b = ${texGrouped(500_000)}`,
      // A radian in degrees, as the pitfalls print it.
      `${(180 / Math.PI).toFixed(1)}°`,
    ]);
  });
});
