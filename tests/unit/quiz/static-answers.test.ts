/**
 * Every static reference answer in quizzes/*.yaml (a literal number, vector or matrix in a
 * question without params, parts of multi-part questions included) is recomputed here from
 * first principles, so a typo in a quiz file fails the test. The computations deliberately do
 * not reuse the YAML's numbers: each one starts from the data in the question's prompt.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TOLERANCE, gradeAnswer, type Answer, type Tolerance, type Value } from '../../../src/quiz/build.ts';
import { typedAnswer } from '../../helpers/quiz.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const quizDir = join(root, 'quizzes');

// ---------------------------------------------------------------------------------------------
// Helpers: small, obviously correct building blocks for the computations below.

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
const mean = (xs: readonly number[]): number => sum(xs) / xs.length;
const norm2 = (xs: readonly number[]): number => Math.sqrt(sum(xs.map((x) => x * x)));
const oneHot = (n: number, i: number): number[] => Array.from({ length: n }, (_, j) => (j === i ? 1 : 0));
const sub = (a: readonly number[], b: readonly number[]): number[] => a.map((x, i) => x - b[i]!);

/** Softmax with the max subtracted first, so large logits do not overflow. */
function softmax(z: readonly number[]): number[] {
  const m = Math.max(...z);
  const e = z.map((x) => Math.exp(x - m));
  const s = sum(e);
  return e.map((x) => x / s);
}

/** Shannon entropy in bits, with 0·log 0 = 0. */
const entropyBits = (p: readonly number[]): number => -sum(p.filter((x) => x > 0).map((x) => x * Math.log2(x)));

/** Row and column marginals of a joint probability table p[x][y]. */
const rowMarginal = (joint: readonly number[][]): number[] => joint.map(sum);
const colMarginal = (joint: readonly number[][]): number[] => joint[0]!.map((_, j) => sum(joint.map((row) => row[j]!)));

/** Central difference f'(x) ≈ (f(x+h) − f(x−h)) / 2h; exact up to O(h²). */
const derivative = (f: (x: number) => number, x: number, h = 1e-5): number => (f(x + h) - f(x - h)) / (2 * h);

/** Real eigenvalues of a 2×2 matrix from its characteristic polynomial λ² − tr·λ + det. */
function eigenvalues2(m: readonly number[][]): number[] {
  const [[a, b], [c, d]] = m as [[number, number], [number, number]];
  const tr = a + d;
  const det = a * d - b * c;
  const disc = Math.sqrt(tr * tr - 4 * det);
  return [(tr + disc) / 2, (tr - disc) / 2];
}

function matmul(a: readonly number[][], b: readonly number[][]): number[][] {
  return a.map((row) => b[0]!.map((_, j) => sum(row.map((x, k) => x * b[k]![j]!))));
}

const transpose = (m: readonly number[][]): number[][] => m[0]!.map((_, j) => m.map((row) => row[j]!));

/** Round a double to BF16 (round to nearest, ties to even) through its FP32 bit pattern. */
function toBf16(x: number): number {
  const view = new DataView(new ArrayBuffer(4));
  view.setFloat32(0, x);
  const bits = view.getUint32(0);
  const lsb = (bits >>> 16) & 1; // ties go to the even upper half
  view.setUint32(0, ((bits + 0x7fff + lsb) & 0xffff0000) >>> 0);
  return view.getFloat32(0);
}

/** Standard normal CDF via erf (Abramowitz & Stegun 7.1.26, |error| < 1.5e-7). */
function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-x * x);
  return 0.5 * (1 + Math.sign(z) * erf);
}

// ---------------------------------------------------------------------------------------------
// Independent computations, keyed topic/questionId (and #partIndex for parts).

/** Joint table of mutual-information/entropies-from-joint: rows X ∈ {a, b}, columns Y ∈ {1, 2, 3}. */
const jointXY3 = [
  [0.1, 0.2, 0.1],
  [0.3, 0.1, 0.2],
];

const computed: Record<string, Value> = {
  // GELU'(0) by central difference of z·Φ(z).
  'activation-functions/gelu-derivative-zero': derivative((z) => z * normalCdf(z), 0),

  // Attention output: softmax of the scores weights the value vectors.
  'attention/attention-output': (() => {
    const w = softmax([1, 1, 1 + Math.LN2]);
    const values = [
      [4, 0],
      [0, 4],
      [2, 6],
    ];
    return [0, 1].map((j) => sum(values.map((v, i) => w[i]! * v[j]!)));
  })(),

  // Bayes' rule: P(D|+) = P(+|D)P(D) / P(+), prevalence 1/1000, sensitivity and specificity 0.99.
  'bayes/rare-disease': (() => {
    const prior = 1 / 1000;
    const sensitivity = 0.99;
    const specificity = 0.99;
    const truePos = sensitivity * prior;
    const falsePos = (1 - specificity) * (1 - prior);
    return truePos / (truePos + falsePos);
  })(),

  // ECE: bin sizes weight |accuracy − confidence|.
  'bayes/ece-two-bins': (() => {
    const bins = [
      { n: 400, confidence: 0.9, accuracy: 0.7 },
      { n: 600, confidence: 0.6, accuracy: 0.65 },
    ];
    const total = sum(bins.map((b) => b.n));
    return sum(bins.map((b) => (b.n / total) * Math.abs(b.accuracy - b.confidence)));
  })(),

  // ∇f(2, 1) for f(x, y) = x²y − 3y², by central differences in each variable.
  'calculus/gradient-vector': (() => {
    const f = (x: number, y: number): number => x * x * y - 3 * y * y;
    return [derivative((x) => f(x, 1), 2), derivative((y) => f(2, y), 1)];
  })(),

  // ∂f/∂y for f = (x + y)·y at x = 4, y = −1, by central difference (both paths included).
  'chain-rule-backprop/fan-out-gradient': derivative((y) => (4 + y) * y, -1),

  // Central-difference estimate of (x³)' at 1 with h = 0.1, minus the true value 3·1².
  'chain-rule-backprop/central-difference-error': (() => {
    const h = 0.1;
    const cube = (x: number): number => x ** 3;
    return (cube(1 + h) - cube(1 - h)) / (2 * h) - 3;
  })(),

  // Cross-entropy gradient w.r.t. logits: softmax(z) − one-hot(target), z = (1, 2, 0), target 2nd.
  'cross-entropy-kl/ce-gradient-logits': sub(softmax([1, 2, 0]), oneHot(3, 1)),

  // Covariance matrix of binary (X, Y) from the joint table p[x][y].
  'distributions/covariance-matrix': (() => {
    const joint = [
      [0.3, 0.2],
      [0.1, 0.4],
    ];
    const cells = [0, 1].flatMap((x) => [0, 1].map((y) => ({ x, y, p: joint[x]![y]! })));
    const E = (g: (x: number, y: number) => number): number => sum(cells.map((c) => c.p * g(c.x, c.y)));
    const ex = E((x) => x);
    const ey = E((_, y) => y);
    const varX = E((x) => (x - ex) ** 2);
    const varY = E((_, y) => (y - ey) ** 2);
    const cov = E((x, y) => (x - ex) * (y - ey));
    return [
      [varX, cov],
      [cov, varY],
    ];
  })(),

  // Var(2X − Y) = aᵀΣa with a = (2, −1), Var X = 1, Var Y = 4, Cov = 0.5.
  'distributions/variance-of-combination': (() => {
    const a = [2, -1];
    const sigma = [
      [1, 0.5],
      [0.5, 4],
    ];
    return sum(matmul([a], sigma)[0]!.map((x, i) => x * a[i]!));
  })(),

  // Expected number kept: n·(1 − p) with drop probability p = 0.1, a Binomial(1000, 0.9).
  'distributions/dropout-mask-count#0': 1000 * (1 - 0.1),

  // Eigenvalues of [[4, 2], [1, 3]] from the characteristic polynomial.
  'eigen-svd-pca/eigenvalues-by-hand': eigenvalues2([
    [4, 2],
    [1, 3],
  ]),

  // Singular values of diag(2, −3): square roots of the eigenvalues of AᵀA.
  'eigen-svd-pca/singular-values-diagonal': (() => {
    const a = [
      [2, 0],
      [0, -3],
    ];
    return eigenvalues2(matmul(transpose(a), a)).map(Math.sqrt);
  })(),

  // Entropy of (1/2, 1/4, 1/4) in bits.
  'entropy/entropy-three-outcomes': entropyBits([0.5, 0.25, 0.25]),

  // H(Y|X) = H(X, Y) − H(X) for the joint table [[0.3, 0.3], [0.4, 0]].
  'entropy/conditional-entropy-table': (() => {
    const joint = [
      [0.3, 0.3],
      [0.4, 0],
    ];
    return entropyBits(joint.flat()) - entropyBits(rowMarginal(joint));
  })(),

  // 0.1 rounded to BF16 (8 exponent bits, 7 mantissa bits: the top half of FP32).
  'floating-point/bf16-of-0-1': toBf16(0.1),

  // Largest finite E4M3: top exponent field 1111 (bias 7), mantissa 110 (111 is NaN).
  'floating-point/max-finite-e4m3': (() => {
    const exponentBits = 4;
    const mantissaBits = 3;
    const bias = 7;
    const maxExponentField = 2 ** exponentBits - 1;
    const maxMantissaField = 2 ** mantissaBits - 2;
    return (1 + maxMantissaField / 2 ** mantissaBits) * 2 ** (maxExponentField - bias);
  })(),

  // Two heavy-ball momentum steps on L(w) = w², η = 0.1, β = 0.9, w₀ = 1, v₀ = 0.
  'gradient-descent/momentum-two-steps': (() => {
    const eta = 0.1;
    const beta = 0.9;
    let w = 1;
    let v = 0;
    for (let step = 0; step < 2; step++) {
      v = beta * v + 2 * w;
      w -= eta * v;
    }
    return w;
  })(),

  // Global-norm clipping of g = (2, −1, 2) to max norm 1.5.
  'gradients-and-clipping/clipped-vector': (() => {
    const g = [2, -1, 2];
    const scale = Math.min(1, 1.5 / norm2(g));
    return g.map((x) => x * scale);
  })(),

  // AB for A = [[1, 2], [3, 4]], B = [[0, 1], [1, 0]].
  'matrix-multiplication/small-product': matmul(
    [
      [1, 2],
      [3, 4],
    ],
    [
      [0, 1],
      [1, 0],
    ],
  ),

  // Adam step fraction m̂ / (√v̂ + ε) with a steady gradient 1e-7 and ε = 1e-8.
  'mixed-precision/adam-epsilon-ratio': (() => {
    const g = 1e-7;
    const mHat = g;
    const vHat = g * g;
    return mHat / (Math.sqrt(vHat) + 1e-8);
  })(),

  // Mean negative log-likelihood in nats of the correct tokens' probabilities.
  'mle-map/token-nll': mean([0.6, 0.3, 0.9, 0.05].map((p) => -Math.log(p))),

  // Gaussian MLE of σ²: mean squared deviation from the sample mean (divide by n).
  'mle-map/gaussian-mle-variance': (() => {
    const xs = [1, 3, 5, 7, 9];
    const mu = mean(xs);
    return mean(xs.map((x) => (x - mu) ** 2));
  })(),

  // I(X; Y) = H(X) + H(Y) − H(X, Y) for [[0.35, 0.15], [0.15, 0.35]].
  'mutual-information/mi-from-table': (() => {
    const joint = [
      [0.35, 0.15],
      [0.15, 0.35],
    ];
    return entropyBits(rowMarginal(joint)) + entropyBits(colMarginal(joint)) - entropyBits(joint.flat());
  })(),

  // [H(X), H(Y), I(X; Y)] for the 2×3 joint table.
  'mutual-information/entropies-from-joint': (() => {
    const hx = entropyBits(rowMarginal(jointXY3));
    const hy = entropyBits(colMarginal(jointXY3));
    return [hx, hy, hx + hy - entropyBits(jointXY3.flat())];
  })(),

  // Cross-entropy in nats of a uniform prediction over V = 50,257 tokens: −ln(1/V).
  'probability/uniform-initial-loss': -Math.log(1 / 50257),

  // Top-p (p = 0.8): keep the smallest prefix whose mass reaches p, then renormalise.
  'sampling/top-p-renormalise': (() => {
    const probs = [0.45, 0.25, 0.15, 0.1, 0.05];
    const kept: number[] = [];
    for (const p of probs) {
      kept.push(p);
      if (sum(kept) >= 0.8) break;
    }
    const mass = sum(kept);
    return kept.map((p) => p / mass);
  })(),

  // ∇_z ln π(a) = one-hot(a) − softmax(z), z = (2, 1, 0), a the 2nd token.
  'sampling/softmax-policy-gradient': sub(oneHot(3, 1), softmax([2, 1, 0])),

  // Softmax of huge logits, computed stably.
  'stable-softmax/softmax-vector': softmax([1000, 999, 998]),

  // ln of FP16's largest finite value (2 − 2⁻¹⁰)·2¹⁵ (max exponent field 30, bias 15).
  'stable-softmax/fp16-exp-threshold': Math.log((2 - 2 ** -10) * 2 ** (30 - 15)),

  // Eigenvalues of the Hessian of x² + 4xy + y²: [[∂²f/∂x², ∂²f/∂x∂y], [·, ∂²f/∂y²]].
  'taylor-lagrange-convexity/hessian-eigenvalues': eigenvalues2([
    [2 * 1, 4],
    [4, 2 * 1],
  ]),

  // Second-order Taylor change f'(w)δ + ½f''(w)δ² for f = w⁴ at w = 2, δ = −0.1.
  'taylor-lagrange-convexity/taylor-second-order': (() => {
    const w = 2;
    const delta = -0.1;
    const f1 = 4 * w ** 3;
    const f2 = 12 * w ** 2;
    return f1 * delta + 0.5 * f2 * delta ** 2;
  })(),

  // v / ‖v‖₂ for v = (2, −1, 2).
  'vectors-and-embeddings/unit-vector': (() => {
    const v = [2, -1, 2];
    const n = norm2(v);
    return v.map((x) => x / n);
  })(),
};

// ---------------------------------------------------------------------------------------------
// The static answers as authored.

type RawAnswer = Omit<Answer, 'value'> & { value: Value | string };
type RawQuestion = { id: string; params?: unknown; answer?: RawAnswer; parts?: { answer?: RawAnswer }[] };
type RawQuiz = { topic: string; questions: RawQuestion[] };
type StaticAnswer = Omit<Answer, 'value'> & { value: Value };

const isStatic = (a: RawAnswer | undefined): a is StaticAnswer => a !== undefined && typeof a.value !== 'string';

function staticAnswers(): Map<string, StaticAnswer> {
  const found = new Map<string, StaticAnswer>();
  for (const file of readdirSync(quizDir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()) {
    const quiz = parse(readFileSync(join(quizDir, file), 'utf8')) as RawQuiz;
    for (const q of quiz.questions) {
      if (q.params) continue; // a question with params has expression answers, graded per variant
      if (isStatic(q.answer)) found.set(`${quiz.topic}/${q.id}`, q.answer);
      (q.parts ?? []).forEach((part, i) => {
        if (isStatic(part.answer)) found.set(`${quiz.topic}/${q.id}#${i}`, part.answer);
      });
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Comparing numbers.

const isMatrix = (v: Value): v is number[][] => Array.isArray(v) && Array.isArray(v[0]);

/** Largest |x − v| the tolerance accepts around the reference v (QUIZ-FORMAT.md). */
function toleranceBound(v: number, tol: Tolerance): number {
  if ('sigfigs' in tol) return 0.5 * 10 ** (v === 0 ? 1 - tol.sigfigs : Math.floor(Math.log10(Math.abs(v))) - tol.sigfigs + 1);
  if ('decimals' in tol) return 0.5 * 10 ** -tol.decimals;
  return (tol.abs ?? 0) + (tol.rel ?? 0) * Math.abs(v);
}

const flatten = (v: Value): number[] => (typeof v === 'number' ? [v] : isMatrix(v) ? v.flat() : [...v]);

/** Shape of a value: [] scalar, [n] vector, [rows, columns] matrix. */
const shapeOf = (v: Value): number[] => (typeof v === 'number' ? [] : isMatrix(v) ? [v.length, v[0]!.length] : [v.length]);

// ---------------------------------------------------------------------------------------------

describe('static quiz answers agree with an independent computation', () => {
  const authored = staticAnswers();

  it('has a computation for every static answer in the quiz files, and none for anything else', () => {
    expect(Object.keys(computed).sort()).toEqual([...authored.keys()].sort());
  });

  for (const [key, value] of Object.entries(computed)) {
    it(key, () => {
      const answer = authored.get(key);
      expect(answer, `${key} is not a static answer in quizzes/`).toBeDefined();
      if (!answer) return;
      const tol = answer.tolerance ?? DEFAULT_TOLERANCE;

      // The computed value, typed as a learner would, is accepted by the question as authored.
      const input = typedAnswer(value, tol);
      const grade = gradeAnswer(input, answer);
      expect(grade.status, `${key}: computed ${input}, authored ${JSON.stringify(answer.value)}`).toBe('correct');

      // And it is close to the authored value: within 1% (or 1e-9) and within the tolerance,
      // so a wrong value that a loose tolerance happens to accept is still caught.
      expect(shapeOf(answer.value)).toEqual(shapeOf(value));
      let mine = flatten(value);
      let theirs = flatten(answer.value);
      if (answer.ordered === false) {
        mine = [...mine].sort((a, b) => a - b);
        theirs = [...theirs].sort((a, b) => a - b);
      }
      theirs.forEach((y, i) => {
        const c = mine[i]!;
        const bound = Math.min(Math.max(1e-9, 0.01 * Math.abs(c)), toleranceBound(y, tol));
        expect(Math.abs(y - c), `${key}[${i}]: authored ${y}, computed ${c}`).toBeLessThanOrEqual(bound);
      });
    });
  }
});
