/**
 * Loading a quiz file at build time: YAML → zod schema → semantic checks over every variant.
 * Errors name the file, the question id, the field path and the reason:
 *   quizzes/entropy.yaml: question "kl-two-coins", field answer.tolerance: a reference value of 0 …
 */
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { checkComparison, parseComparison, type Comparison } from './constraints.ts';
import { RESERVED_NAMES } from './expression.ts';
import { formatNumber } from './format.ts';
import { QuizFileSchema, type AuthoredAnswer, type Question, type QuizFile } from './schema.ts';
import { withinTolerance } from './tolerance.ts';
import { DEFAULT_TOLERANCE, type Answer, type Tolerance } from './types.ts';
import { buildVariant, hashString, makeVariants, paramSpace, paramsFor, VariantError, type Variant } from './variants.ts';

/** Variants checked exhaustively when the param space is at most this big (else the pool). */
const CHECK_ALL_UP_TO = 1000;

export type QuizIssue = { file: string; question?: string; field?: string; reason: string };

/** A bad quiz file. `message` has one line per issue; `issues` has them structured. */
export class QuizFileError extends Error {
  readonly issues: QuizIssue[];
  constructor(issues: QuizIssue[]) {
    super(issues.map(formatIssue).join('\n'));
    this.name = 'QuizFileError';
    this.issues = issues;
  }
}

export function formatIssue(i: QuizIssue): string {
  return `${i.file}: ${i.question !== undefined ? `question ${i.question}, ` : ''}${i.field !== undefined ? `field ${i.field}: ` : ''}${i.reason}`;
}

/** `answer.wrong[0].value` from a path. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : (out ? '.' : '') + String(p);
  return out;
}

function questionLabel(raw: unknown, index: number): string {
  const q = (raw as { questions?: unknown[] } | null)?.questions?.[index] as { id?: unknown } | undefined;
  return typeof q?.id === 'string' && q.id !== '' ? JSON.stringify(q.id) : `#${index + 1}`;
}

function zodIssues(file: string, raw: unknown, error: z.ZodError): QuizIssue[] {
  return error.issues.map((iss) => {
    let path = [...iss.path];
    let reason = iss.message;
    if (iss.code === 'unrecognized_keys') {
      path = [...path, iss.keys[0]!];
      reason =
        `unknown field ${JSON.stringify(iss.keys[0])}` +
        (iss.keys.length > 1
          ? ` (also ${iss.keys
              .slice(1)
              .map((k) => JSON.stringify(k))
              .join(', ')})`
          : '');
    } else if (iss.code === 'invalid_union' && (iss as { note?: string }).note === 'No matching discriminator') {
      if (path[path.length - 1] !== 'type') path = [...path, 'type'];
    } else if (iss.code === 'invalid_type' && (iss as { input?: unknown }).input === undefined && /^Invalid input/.test(reason)) {
      reason = 'missing (this field is required)';
    }
    const issue: QuizIssue = { file, reason };
    if (path[0] === 'questions' && typeof path[1] === 'number') {
      issue.question = questionLabel(raw, path[1]);
      path = path.slice(2);
    }
    if (path.length > 0) issue.field = fieldPath(path as PropertyKey[]);
    return issue;
  });
}

const isPurelyRelative = (t: Tolerance) => !('sigfigs' in t) && !('decimals' in t) && !(t.abs !== undefined && t.abs > 0);

const flat = (v: Answer['value']): number[] => (typeof v === 'number' ? [v] : (v as (number | number[])[]).flat());
const shapeOf = (v: Answer['value'] | AuthoredAnswer['value']): string =>
  !Array.isArray(v) ? 'a number' : Array.isArray(v[0]) ? `a ${v.length}×${(v[0] as unknown[]).length} matrix` : `a vector of ${v.length}`;

/** Structural checks of one answer block that need no evaluation. */
function checkAnswerShape(a: AuthoredAnswer, field: string, add: (field: string, reason: string) => void): void {
  const isVector = Array.isArray(a.value) && !Array.isArray(a.value[0]);
  if (a.ordered !== undefined && !isVector) add(`${field}.ordered`, 'ordered is only for vectors');
  if (a.partial !== undefined && !Array.isArray(a.value)) add(`${field}.partial`, 'partial is only for vectors and matrices');
  (a.wrong ?? []).forEach((w, i) => {
    if (shapeOf(w.value) !== shapeOf(a.value)) add(`${field}.wrong[${i}].value`, `is ${shapeOf(w.value)} but the answer is ${shapeOf(a.value)}`);
  });
}

/** Checks of one evaluated answer in one variant. */
function checkAnswerValues(a: Answer, field: string, where: string, add: (field: string, reason: string) => void): void {
  const tol = a.tolerance ?? DEFAULT_TOLERANCE;
  const refs = flat(a.value);
  if (isPurelyRelative(tol) && refs.some((v) => v === 0)) {
    add(`${field}.tolerance`, `a reference value of 0 cannot be graded by a purely relative tolerance; add abs${where}`);
  }
  (a.wrong ?? []).forEach((w, i) => {
    const ws = flat(w.value);
    if (ws.length !== refs.length) return;
    const wt = w.tolerance ?? tol;
    // the wrong value would be accepted as right, or the right value would trigger this feedback
    const clash = ws.every((x, j) => withinTolerance(x, refs[j]!, tol) || withinTolerance(refs[j]!, x, wt));
    if (clash) {
      add(`${field}.wrong[${i}].value`, `coincides with the reference value ${refs.map(formatNumber).join(', ')} within tolerance${where}`);
    }
    // Two mistakes that give the same number: the learner would get the earlier one's
    // feedback for the later one's mistake.
    (a.wrong ?? []).slice(0, i).forEach((earlier, k) => {
      const es = flat(earlier.value);
      const et = earlier.tolerance ?? tol;
      if (es.length === ws.length && ws.every((x, j) => withinTolerance(x, es[j]!, et))) {
        add(
          `${field}.wrong[${i}].value`,
          `coincides with wrong[${k}] (${es.map(formatNumber).join(', ')}) within tolerance, so its feedback would never show${where}`,
        );
      }
    });
  });
}

/**
 * Parse and validate one quiz file. `fileName` is only used in messages.
 * Throws QuizFileError listing every problem found.
 */
export function loadQuizFile(fileName: string, yamlText: string): QuizFile {
  const doc = parseDocument(yamlText, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const pos = e.linePos?.[0];
    const where = pos ? ` at line ${pos.line}, column ${pos.col}` : '';
    throw new QuizFileError([{ file: fileName, reason: `YAML syntax error${where}: ${e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}` }]);
  }
  const raw: unknown = doc.toJS();
  const parsed = QuizFileSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) throw new QuizFileError(zodIssues(fileName, raw, parsed.error));
  const quiz = parsed.data;
  const issues: QuizIssue[] = [];
  const seen = new Map<string, number>();
  quiz.questions.forEach((q, qi) => {
    const label = JSON.stringify(q.id);
    const add = (field: string | undefined, reason: string) => {
      const issue: QuizIssue = { file: fileName, question: label, reason };
      if (field !== undefined) issue.field = field;
      issues.push(issue);
    };
    if (seen.has(q.id)) add('id', `duplicate id (also used by question ${seen.get(q.id)! + 1})`);
    else seen.set(q.id, qi);
    for (const name of Object.keys(q.params ?? {})) {
      if (RESERVED_NAMES.has(name.toLowerCase())) add(`params.${name}`, `"${name}" is a built-in name; choose another param name`);
    }
    checkQuestion(q, quiz.topic, add);
  });
  if (issues.length > 0) throw new QuizFileError(issues);
  return quiz;
}

const describeParams = (params: Record<string, number>) =>
  Object.entries(params)
    .map(([k, x]) => `${k} = ${formatNumber(x)}`)
    .join(', ');

/** The names a constraint can use in one variant: its params, `answer` and `part1`, `part2`, … when scalar. */
function constraintVars(v: Variant): Record<string, number> {
  const vars: Record<string, number> = { ...v.params };
  if (typeof v.answer?.value === 'number') vars.answer = v.answer.value;
  v.parts?.forEach((p, i) => {
    if (typeof p.answer.value === 'number') vars[`part${i + 1}`] = p.answer.value;
  });
  return vars;
}

/**
 * Every constraint must hold in every variant checked (the whole param space when it has at
 * most CHECK_ALL_UP_TO tuples, else the pool that ships). One issue per failing constraint,
 * naming its first failing variant and how many fail. Returns whether all held.
 */
function checkConstraints(q: Question, variants: Variant[], add: (field: string, reason: string) => void): boolean {
  let ok = true;
  for (const name of Object.keys(q.params ?? {})) {
    if (name === 'answer' || /^part\d+$/.test(name)) {
      add(`params.${name}`, `constraints use "${name}" for ${name === 'answer' ? 'the answer' : "a part's answer"}; choose another param name`);
      ok = false;
    }
  }
  if (!ok) return false;
  (q.constraints ?? []).forEach((raw, i) => {
    const field = `constraints[${i}]`;
    const text = typeof raw === 'string' ? raw : raw.check;
    const why = typeof raw === 'string' || raw.why === undefined ? '' : ` (${raw.why})`;
    const c = parseComparison(text) as Comparison; // the schema has checked the syntax
    let first: { v: Variant; lhs: number; rhs: number } | undefined;
    let failing = 0;
    for (const v of variants) {
      let r: ReturnType<typeof checkComparison>;
      try {
        r = checkComparison(c, constraintVars(v));
      } catch (err) {
        add(field, `${(err as Error).message}${Object.keys(v.params).length ? ` (for ${describeParams(v.params)})` : ''}`);
        ok = false;
        return;
      }
      if (!r.ok) {
        failing++;
        first ??= { v, ...r };
      }
    }
    if (first) {
      ok = false;
      const params = Object.keys(first.v.params).length ? `the variant ${describeParams(first.v.params)}` : 'the question';
      add(
        field,
        `${params} violates "${text}"${why}: ${c.lhs} is ${formatNumber(first.lhs)}` +
          (/^[-+]?[\d.]+(e[-+]?\d+)?$/i.test(c.rhs) ? '' : `, ${c.rhs} is ${formatNumber(first.rhs)}`) +
          (variants.length > 1 ? ` (${failing} of ${variants.length} variants fail it)` : ''),
      );
    }
  });
  return ok;
}

function checkQuestion(q: Question, topic: string, add: (field: string | undefined, reason: string) => void): void {
  let count = 0;
  const addC = (f: string | undefined, r: string) => {
    count++;
    add(f, r);
  };
  if (q.type === 'choice') {
    const nCorrect = q.choices.filter((c) => c.correct === true).length;
    if (nCorrect === 0) addC('choices', 'no choice is marked correct: true');
    else if (nCorrect > 1 && q.multiple !== true) addC('choices', `${nCorrect} choices are marked correct; set multiple: true or mark only one`);
  } else {
    if (q.answer === undefined && q.parts === undefined) addC(undefined, 'a numeric question needs answer (or parts for a multi-part question)');
    if (q.answer !== undefined && q.parts !== undefined) addC('parts', 'give either answer or parts, not both');
    if (q.answer) checkAnswerShape(q.answer, 'answer', addC);
    q.parts?.forEach((p, i) => checkAnswerShape(p.answer, `parts[${i}].answer`, addC));
  }
  if (count > 0) return;

  // Every variant that the pool can hold (all of them when the space is small).
  let variants: Variant[];
  try {
    variants = makeVariants(q, topic);
    const space = paramSpace(q, CHECK_ALL_UP_TO);
    if (space && space.tuples.length > variants.length) {
      variants = space.tuples.map((t) => buildVariant(q, paramsFor(q, space.names, t), hashString('check')));
    }
  } catch (err) {
    if (err instanceof VariantError) return addC(err.field, err.reason);
    throw err;
  }
  if (q.constraints && !checkConstraints(q, variants, addC)) return;
  for (const v of variants) {
    const where = Object.keys(v.params).length ? ` (for ${describeParams(v.params)})` : '';
    const local: string[] = [];
    const addLocal = (f: string, r: string) => {
      local.push(f);
      addC(f, r);
    };
    if (v.answer) checkAnswerValues(v.answer, 'answer', where, addLocal);
    v.parts?.forEach((p, i) => checkAnswerValues(p.answer, `parts[${i}].answer`, where, addLocal));
    if (local.length > 0) return; // report the first failing variant only
  }
}
