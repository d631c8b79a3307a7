/**
 * Grading: gradeAnswer (numbers, vectors, matrices), gradeChoice, gradeParts.
 * Pure functions; gradeAnswer never throws, whatever the input string.
 */
import { choicePartial, clip, formsHint, msg, sigfigs, type Message } from './messages.ts';
import { normaliseInput } from './normalise.ts';
import { MAX_EXPR_LENGTH } from './parse-number.ts';
import { readScalar, type Scalar, type SigFigs } from './scalar.ts';
import { sigfigBand, sigfigsNeeded, withinTolerance } from './tolerance.ts';
import {
  DEFAULT_FORMS,
  DEFAULT_TOLERANCE,
  FORMS,
  type Answer,
  type ChoiceLike,
  type Form,
  type Grade,
  type Text,
  type Tolerance,
  type WrongAnswer,
} from './types.ts';
import { isLine, readGrid, type GridFailure } from './parse-matrix.ts';
import { maxMatching } from './vector.ts';

/** Raw inputs longer than this are refused before normalisation (spaces collapse later). */
const MAX_RAW_LENGTH = 4 * MAX_EXPR_LENGTH;

const invalid = (code: string, message: Message): Grade => ({ status: 'invalid', score: 0, code, message });
const correct = (): Grade => ({ status: 'correct', score: 1 });
function incorrect(score = 0, code?: string, message?: Message | Message[]): Grade {
  const g: Grade = { status: 'incorrect', score };
  if (code !== undefined) g.code = code;
  if (message !== undefined) g.message = message;
  return g;
}
/** A mistake the quiz file names: its author feedback, said as written. */
const targeted = (score: number, feedback: Text): Grade => ({ status: 'incorrect', score, code: 'targeted', feedback });

type Read = Extract<Scalar, { ok: true }>;

/** The allowed forms in canonical order (unknown names ignored). */
export function formsOf(answer: Answer): Form[] {
  const f = answer.forms && answer.forms.length > 0 ? answer.forms : DEFAULT_FORMS;
  return FORMS.filter((x) => f.includes(x));
}

const strictN = (tol: Tolerance): number | undefined => ('sigfigs' in tol && tol.strict === true ? tol.sigfigs : undefined);

/** Read one component; under strict sig figs only typed decimals (which show figures) count. */
function readComponent(text: string, forms: Form[], tol: Tolerance): Scalar {
  if (text === '') return { ok: false, code: 'blank', message: msg('blank') };
  const r = readScalar(text, forms);
  const n = strictN(tol);
  if (r.ok && n !== undefined && r.sig === undefined) {
    return { ok: false, code: 'form-not-allowed', message: msg('strictForm', { n, x: (1.2345678).toPrecision(n) }) };
  }
  return r;
}

/** 'ok', or 'sigfigs' (right value, wrong count of figures under strict), or 'no'. */
function compare(x: Read, v: number, tol: Tolerance): 'ok' | 'sigfigs' | 'no' {
  if (!withinTolerance(x.value, v, tol)) return 'no';
  const n = strictN(tol);
  if (n !== undefined && x.sig && (n < x.sig.min || n > x.sig.max)) return 'sigfigs';
  return 'ok';
}

const sigText = (s: SigFigs) => (s.min === s.max ? String(s.max) : `${s.min}–${s.max}`);

/** Number of components of `xs` that match `refs` (in order, or as a multiset). */
function countMatches(xs: Read[], refs: number[], ordered: boolean, ok: (x: Read, v: number) => boolean): number {
  if (ordered) return xs.reduce((n, x, i) => n + (ok(x, refs[i]!) ? 1 : 0), 0);
  return maxMatching(
    xs.map((x) => refs.map((v) => ok(x, v))),
    refs.length,
  );
}

/** The first `wrong` entry whose value matches what was typed (same shape), if any. */
function findWrong(xs: Read[], wrong: WrongAnswer[] | undefined, scalar: boolean, ordered: boolean, tol: Tolerance): WrongAnswer | undefined {
  for (const w of wrong ?? []) {
    const flat = typeof w.value === 'number' ? (scalar ? [w.value] : undefined) : scalar ? undefined : (w.value as (number | number[])[]).flat();
    if (!flat || flat.length !== xs.length) continue;
    const wt = w.tolerance ?? tol;
    if (countMatches(xs, flat, ordered, (x, v) => withinTolerance(x.value, v, wt)) === xs.length) return w;
  }
  return undefined;
}

/** A precision hint when x looks like v rounded to the figures that were typed. */
function precisionHint(x: Read, v: number, tol: Tolerance): Message | undefined {
  if (!x.sig || strictN(tol) !== undefined) return undefined;
  const shown = x.sig.max;
  if (shown >= 17 || Math.abs(x.value - v) > sigfigBand(v, shown) * (1 + 1e-9)) return undefined;
  if ('decimals' in tol) return msg('precisionDecimals', { n: tol.decimals });
  const need = sigfigsNeeded(v, tol, shown);
  return need === undefined ? undefined : msg('precisionSig', { n: need });
}

/**
 * A list typed for one number: anything in brackets, or entries that all read separated by
 * `,` or `;` (a space alone is not enough: `2 3` is a missing operator, `1 000` a number).
 */
function looksLikeList(s: string, forms: Form[]): boolean {
  if (s.startsWith('[')) return true;
  if (!/[,;]/.test(s)) return false;
  const grid = readGrid(s, (text) => readScalar(text, forms));
  return grid.ok && grid.rows.flat().length > 1;
}

function gradeScalar(s: string, answer: Answer, v: number, forms: Form[], tol: Tolerance): Grade {
  const r = readComponent(s, forms, tol);
  if (!r.ok) return r.code === 'syntax' && looksLikeList(s, forms) ? invalid('shape', msg('notAList')) : invalid(r.code, r.message);
  const c = compare(r, v, tol);
  if (c === 'ok') return correct();
  if (c === 'sigfigs') return incorrect(0, 'sigfigs', sigfigs(strictN(tol)!, sigText(r.sig!)));
  const w = findWrong([r], answer.wrong, true, true, tol);
  if (w) return targeted(0, w.message);
  const hint = precisionHint(r, v, tol);
  return hint ? incorrect(0, 'precision', hint) : incorrect();
}

/** `[1, 2, 3]`, or `[1, 2; 3, 4]` for rows × cols: an example of the shape asked for. */
function example(rows: number, cols: number): string {
  const row = (r: number) => Array.from({ length: cols }, (_, c) => r * cols + c + 1).join(', ');
  return `[${Array.from({ length: rows }, (_, r) => row(r)).join('; ')}]`;
}

/** What was typed instead of the asked shape: "you gave one number / 2 numbers / a 2×3 matrix…". */
function gave(shape: number[], vector: boolean): Message {
  const total = shape.reduce((a, b) => a + b, 0);
  if (total === 1) return msg('gaveOne');
  if (shape.some((n) => n !== shape[0])) return msg('gaveRagged');
  if (vector && isLine(shape)) return msg('gaveCount', { m: total });
  if (shape.length === 1) return msg('gaveRow', { m: total });
  return msg('gaveMatrix', { r: shape.length, c: shape[0]! });
}

/** The message for an entry that does not read, naming it by place and quoting it. */
function entryMessage(bad: GridFailure<Scalar>, vector: boolean): Message {
  const inner = bad.failure.ok ? msg('blank') : bad.failure.message;
  const text = clip(bad.text);
  if (bad.shape.length === 1 && bad.shape[0] === 1) return text ? msg('entryText', { text, inner }) : inner;
  if (vector && isLine(bad.shape)) {
    const i = (bad.shape.length === 1 ? bad.col : bad.row) + 1;
    return text ? msg('componentText', { i, text, inner }) : msg('component', { i, inner });
  }
  const at = { r: bad.row + 1, c: bad.col + 1, inner };
  return text ? msg('cellText', { ...at, text }) : msg('cell', at);
}

/**
 * A vector answer takes a list typed as one row or one column; a matrix answer rows of its
 * width. Every entry must read first (the message names the first that does not), then the
 * shape must match (else `invalid`, `shape`: a typo in the shape costs no attempt).
 */
function gradeList(s: string, answer: Answer, forms: Form[], tol: Tolerance): Grade {
  const value = answer.value as number[] | number[][];
  const vector = !Array.isArray(value[0]);
  const refRows = (vector ? [value] : value) as number[][];
  const grid = readGrid(s, (text) => readComponent(text, forms, tol));
  if (!grid.ok) {
    if (grid.brackets) return invalid('syntax', msg('brackets'));
    return invalid(grid.failure.ok ? 'blank' : grid.failure.code, entryMessage(grid, vector));
  }
  const rows = grid.rows as Read[][];
  const shape = rows.map((row) => row.length);
  const nRows = refRows.length;
  const nCols = refRows[0]?.length ?? 0;
  if (vector) {
    if (!isLine(shape) || rows.flat().length !== nCols)
      return invalid('shape', msg('vectorShape', { n: nCols, example: example(1, nCols), gave: gave(shape, true) }));
  } else if (shape.length !== nRows || shape.some((n) => n !== nCols)) {
    return invalid('shape', msg('matrixShape', { r: nRows, c: nCols, example: example(nRows, nCols), gave: gave(shape, false) }));
  }
  const xs = rows.flat();
  const refs = refRows.flat();
  const ordered = !vector || answer.ordered !== false;
  const k = countMatches(xs, refs, ordered, (x, v) => compare(x, v, tol) === 'ok');
  const n = refs.length;
  if (k === n) return correct();
  const score = answer.partial === true ? k / n : 0;
  const nStrict = strictN(tol);
  if (nStrict !== undefined && countMatches(xs, refs, ordered, (x, v) => compare(x, v, tol) !== 'no') === n) {
    return incorrect(score, 'sigfigs', sigfigs(nStrict));
  }
  const w = findWrong(xs, answer.wrong, false, ordered, tol);
  if (w) return targeted(score, w.message);
  if (answer.partial === true && k > 0) return incorrect(score, 'partial', msg('partial', { k, n }));
  return incorrect(score);
}

function gradeUnsafe(input: string, answer: Answer): Grade {
  if (typeof input !== 'string') return invalid('blank', msg('blank'));
  if (input.length > MAX_RAW_LENGTH) return invalid('too-long', msg('tooLong', { max: MAX_EXPR_LENGTH }));
  const s = normaliseInput(input);
  if (s === '') return invalid('blank', msg('blank'));
  if (s.length > MAX_EXPR_LENGTH) return invalid('too-long', msg('tooLong', { max: MAX_EXPR_LENGTH }));
  const forms = formsOf(answer);
  const tol = answer.tolerance ?? DEFAULT_TOLERANCE;
  if (typeof answer.value === 'number') return gradeScalar(s, answer, answer.value, forms, tol);
  return gradeList(s, answer, forms, tol);
}

/**
 * Grade one typed answer against an `answer` block (QUIZ-FORMAT.md). Never throws: any
 * unexpected failure is reported as `invalid` (`syntax`).
 */
export function gradeAnswer(input: string, answer: Answer): Grade {
  try {
    return gradeUnsafe(input, answer);
  } catch {
    return invalid('syntax', formsHint('syntax', DEFAULT_FORMS));
  }
}

/**
 * Grade a choice question. `selected` are indices into `choices`.
 * Single answer: exactly one pick; correct iff that choice is correct; a wrong pick with
 * feedback gives code 'targeted' and that feedback.
 * Multiple answers: score = max(0, (right picks − wrong picks) / number of correct choices);
 * correct iff every correct choice and nothing else is picked; otherwise `incorrect` with that
 * score (code 'partial' if above 0), and the feedback of the first wrong pick if it has one.
 */
export function gradeChoice(selected: number[], choices: ChoiceLike[], multiple: boolean): Grade {
  const picks = [...new Set(Array.isArray(selected) ? selected : [])];
  if (picks.length === 0) return invalid('blank', msg('chooseOne'));
  if (picks.some((i) => !Number.isInteger(i) || !choices[i])) return invalid('choice', msg('badChoice'));
  if (!multiple && picks.length > 1) return invalid('choice', msg('onlyOne'));
  const isRight = (i: number) => choices[i]!.correct === true;
  const total = choices.filter((c) => c.correct === true).length;
  const right = picks.filter(isRight).length;
  const wrongPicks = picks.filter((i) => !isRight(i));
  if (wrongPicks.length === 0 && (!multiple || right === total)) return correct();
  const score = multiple ? Math.max(0, (right - wrongPicks.length) / Math.max(1, total)) : 0;
  const fb = wrongPicks.map((i) => choices[i]!.feedback).find((f) => f !== undefined);
  if (fb) return targeted(score, fb);
  return multiple ? incorrect(score, score > 0 ? 'partial' : undefined, choicePartial(right, total, wrongPicks.length)) : incorrect();
}

/**
 * Grade a multi-part question: each input against its part's answer.
 * Invalid if the counts differ or any part is invalid (the first such part's message, prefixed
 * "Part i:"); nothing is graded then. Otherwise score = mean of the part scores; correct iff
 * every part is correct; else incorrect, code 'partial' if the score is above 0, and the
 * parts' own messages (prefixed) or "k of n parts are right".
 */
export function gradeParts(inputs: string[], parts: { answer: Answer }[]): Grade {
  if (!Array.isArray(inputs) || inputs.length !== parts.length) return invalid('shape', msg('partsCount', { n: parts.length }));
  const grades = parts.map((p, i) => gradeAnswer(inputs[i]!, p.answer));
  const bad = grades.findIndex((g) => g.status === 'invalid');
  if (bad >= 0) return invalid(grades[bad]!.code ?? 'syntax', msg('part', { i: bad + 1, inner: grades[bad]!.message ?? msg('blank') }));
  const notRight = grades.filter((g) => g.status !== 'correct');
  if (notRight.length === 0) return correct();
  const score = grades.reduce((a, g) => a + g.score, 0) / grades.length;
  // Each part that is not right says why: its author feedback, or the engine's message.
  const notes = grades.flatMap((g, i) => {
    const inner = g.status === 'correct' ? undefined : (g.feedback ?? g.message);
    return inner ? [msg('part', { i: i + 1, inner })] : [];
  });
  return incorrect(
    score,
    score > 0 ? 'partial' : notRight[0]!.code,
    notes.length > 0 ? notes : msg('partsPartial', { k: grades.length - notRight.length, n: grades.length }),
  );
}
