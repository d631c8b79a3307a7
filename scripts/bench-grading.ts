/**
 * Benchmark: grade 100,000 random inputs (valid numbers, expressions, vectors, junk) and
 * print the time. Run: npx node scripts/bench-grading.ts
 */
import { gradeAnswer, type Answer } from '../src/quiz/build.ts';
import { mulberry32 } from '../src/quiz/variants.ts';

const rng = mulberry32(12345);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
const num = () => (rng() * 2000 - 1000).toPrecision(1 + Math.floor(rng() * 8));
const JUNK = '0123456789.,;/*-+^()[]eE%½²π√∞。，（） abclnogsqrtpi_x'.split('');

const makers: (() => string)[] = [
  num,
  () => `${num()}e${Math.floor(rng() * 40 - 20)}`,
  () => `${Math.floor(rng() * 100)}/${1 + Math.floor(rng() * 100)}`,
  () => `${num()}×10^${Math.floor(rng() * 30)}`,
  () => pick(['2pi', 'sqrt(2)/2', 'ln 2', 'log2(8)', '-2^2', '2^3^2', '3sqrt(2)+1', '(1+2)*(3-4)/5', 'exp(-1)', 'log(2)']),
  () => `[${num()}, ${num()}, ${num()}]`,
  () => `${num()}，${num()}`,
  () => Array.from({ length: Math.floor(rng() * 30) }, () => pick(JUNK)).join(''),
  () => '０．５',
  () => '1,000,000',
];
const answers: Answer[] = [
  { value: 0.5 },
  { value: 1, tolerance: { rel: 0.01 }, forms: ['expression'] },
  { value: [1, 2, 3], tolerance: { abs: 1e-6 }, ordered: false },
  { value: Math.PI, tolerance: { sigfigs: 3, strict: true } },
];

const N = 100_000;
const inputs = Array.from({ length: N }, () => pick(makers)());
const t0 = performance.now();
const counts = { correct: 0, incorrect: 0, invalid: 0 };
let worst = 0;
let worstInput = '';
for (let i = 0; i < N; i++) {
  const t = performance.now();
  const g = gradeAnswer(inputs[i]!, answers[i % answers.length]!);
  const d = performance.now() - t;
  if (d > worst) [worst, worstInput] = [d, inputs[i]!];
  counts[g.status]++;
}
const ms = performance.now() - t0;
console.log(`graded ${N} inputs in ${ms.toFixed(0)} ms (${((ms * 1000) / N).toFixed(1)} µs each)`, counts);
console.log(`slowest single input: ${worst.toFixed(2)} ms for ${JSON.stringify(worstInput).slice(0, 80)}`);
