/**
 * Variants of a question with params (QUIZ-FORMAT.md, "Variants"). Build-time only.
 * Deterministic: a string hash (FNV-1a) seeds mulberry32; no Math.random, no Date.
 *
 * Param space: each `{from,to,step}` or `{choose}` param is a list of values; a string param
 * is an expression over the params declared before it (derived, not drawn).
 * Pool: if the space has at most MAX_ENUMERATED tuples, all tuples are shuffled with the
 * seed hash(`topic/id`) and the first `count` kept (so a small space gives all of them);
 * otherwise tuples are drawn with mulberry32(hash(`topic/id/attempt`)) and duplicates
 * skipped. A variant's `seed` is hash(`topic/id/i`) for its index i in the pool.
 */
import { hashString, mulberry32 } from '../utils/seeded-random.ts';
import { evaluateExpression } from './expression.ts';
import { formatNumber } from './format.ts';
import type { AuthoredAnswer, AuthoredValue, ParamSpec, Question } from './schema.ts';
import type { Answer, Text, Value, WrongAnswer } from './types.ts';

export const MAX_ENUMERATED = 5000;

export type Variant = {
  seed: number;
  params: Record<string, number>;
  prompt: Text;
  hints: Text[];
  solution?: Text;
  /** Numeric questions with a single answer. */
  answer?: Answer;
  /** Multi-part numeric questions. */
  parts?: { prompt: Text; answer: Answer }[];
  /** Choice questions. */
  choices?: { text: Text; correct: boolean; feedback?: Text }[];
  multiple?: boolean;
};

/** A failure while making a variant: the field path inside the question and the reason. */
export class VariantError extends Error {
  readonly field: string;
  readonly reason: string;
  constructor(field: string, reason: string) {
    super(`field ${field}: ${reason}`);
    this.field = field;
    this.reason = reason;
  }
}

export { hashString, mulberry32 };

/** The values a drawn param can take (12 significant digits, so 0.1·3 is 0.3). */
export function paramValues(spec: Exclude<ParamSpec, string>): number[] {
  if ('choose' in spec) return spec.choose.map((x) => Number(x.toPrecision(12)));
  const n = Math.floor((spec.to - spec.from) / spec.step + 1e-9) + 1;
  return Array.from({ length: n }, (_, i) => Number((spec.from + i * spec.step).toPrecision(12)));
}

const describe = (params: Record<string, number>) =>
  Object.keys(params).length === 0
    ? ''
    : ` (for ${Object.entries(params)
        .map(([k, v]) => `${k} = ${formatNumber(v)}`)
        .join(', ')})`;

/** Replace every `{{name}}` with the param's value; throws VariantError for an unknown name. */
export function fillText(text: Text, params: Record<string, number>, field: string): Text {
  const fill = (s: string, lang: string) =>
    s.replace(/\{\{([^{}]*)\}\}/g, (_, raw: string) => {
      const name = raw.trim();
      if (!Object.hasOwn(params, name)) {
        const known = Object.keys(params);
        const list = known.length ? `params: ${known.join(', ')}` : 'this question has no params';
        throw new VariantError(`${field}.${lang}`, `{{${name}}} is not a param (${list})`);
      }
      return formatNumber(params[name]!);
    });
  return { en: fill(text.en, 'en'), zh: fill(text.zh, 'zh') };
}

function evalScalar(x: number | string, params: Record<string, number>, field: string): number {
  if (typeof x === 'number') return x;
  let v: number;
  try {
    v = evaluateExpression(x, params);
  } catch (err) {
    throw new VariantError(field, (err as Error).message + describe(params));
  }
  return v;
}

/** Evaluate an authored value (numbers and expression strings) with the params. */
export function evaluateValue(value: AuthoredValue, params: Record<string, number>, field: string): Value {
  if (!Array.isArray(value)) return evalScalar(value, params, field);
  if (value.length > 0 && Array.isArray(value[0])) {
    return (value as (number | string)[][]).map((row, i) => row.map((x, j) => evalScalar(x, params, `${field}[${i}][${j}]`)));
  }
  return (value as (number | string)[]).map((x, i) => evalScalar(x, params, `${field}[${i}]`));
}

function makeAnswer(a: AuthoredAnswer, params: Record<string, number>, field: string): Answer {
  const out: Answer = { value: evaluateValue(a.value, params, `${field}.value`) };
  if (a.tolerance) out.tolerance = a.tolerance as Answer['tolerance'];
  if (a.forms) out.forms = a.forms as Answer['forms'];
  if (a.ordered !== undefined) out.ordered = a.ordered;
  if (a.partial !== undefined) out.partial = a.partial;
  if (a.wrong) {
    out.wrong = a.wrong.map((w, i): WrongAnswer => {
      const e: WrongAnswer = {
        value: evaluateValue(w.value, params, `${field}.wrong[${i}].value`),
        message: fillText(w.message, params, `${field}.wrong[${i}].message`),
      };
      if (w.tolerance) e.tolerance = w.tolerance as WrongAnswer['tolerance'];
      return e;
    });
  }
  return out;
}

/** Every tuple of drawn-param values, or undefined if there are more than `limit`. */
export function paramSpace(question: Question, limit = MAX_ENUMERATED): { names: string[]; tuples: number[][] } | undefined {
  const drawn = Object.entries(question.params ?? {}).filter((e): e is [string, Exclude<ParamSpec, string>] => typeof e[1] !== 'string');
  const names = drawn.map(([k]) => k);
  const lists = drawn.map(([, spec]) => paramValues(spec));
  const size = lists.reduce((n, l) => n * l.length, 1);
  if (size > limit) return undefined;
  let tuples: number[][] = [[]];
  for (const list of lists) tuples = tuples.flatMap((t) => list.map((x) => [...t, x]));
  return { names, tuples };
}

/** Params of one tuple, with derived (string) params evaluated in declaration order. */
export function paramsFor(question: Question, names: string[], tuple: number[]): Record<string, number> {
  const params: Record<string, number> = Object.create(null) as Record<string, number>;
  const drawn = new Map(names.map((n, i) => [n, tuple[i]!]));
  for (const [name, spec] of Object.entries(question.params ?? {})) {
    if (typeof spec === 'string') {
      const v = evalScalar(spec, params, `params.${name}`);
      params[name] = Number(v.toPrecision(15));
    } else params[name] = drawn.get(name)!;
  }
  return params;
}

/** Build one variant from a params record. Throws VariantError naming the field. */
export function buildVariant(question: Question, params: Record<string, number>, seed: number): Variant {
  const v: Variant = {
    seed,
    params: { ...params },
    prompt: fillText(question.prompt, params, 'prompt'),
    hints: (question.hints ?? []).map((h, i) => fillText(h, params, `hints[${i}]`)),
  };
  if (question.solution) v.solution = fillText(question.solution, params, 'solution');
  if (question.type === 'numeric') {
    if (question.answer) v.answer = makeAnswer(question.answer, params, 'answer');
    if (question.parts) {
      v.parts = question.parts.map((p, i) => ({
        prompt: fillText(p.prompt, params, `parts[${i}].prompt`),
        answer: makeAnswer(p.answer, params, `parts[${i}].answer`),
      }));
    }
  } else {
    v.multiple = question.multiple === true;
    v.choices = question.choices.map((c, i) => {
      const out: { text: Text; correct: boolean; feedback?: Text } = {
        text: fillText(c.text, params, `choices[${i}].text`),
        correct: c.correct === true,
      };
      if (c.feedback) out.feedback = fillText(c.feedback, params, `choices[${i}].feedback`);
      return out;
    });
  }
  return v;
}

/**
 * The variant pool of a question: up to `count` distinct param tuples (all of them if the
 * space is smaller), each built with `{{name}}` filled and answer expressions evaluated.
 * Same inputs → same variants on every machine.
 */
export function makeVariants(question: Question, topic: string, count = 24): Variant[] {
  const key = `${topic}/${question.id}`;
  const space = paramSpace(question);
  let names: string[];
  let tuples: number[][];
  if (space) {
    names = space.names;
    tuples = space.tuples;
    const rng = mulberry32(hashString(key));
    for (let i = tuples.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [tuples[i], tuples[j]] = [tuples[j]!, tuples[i]!];
    }
    tuples = tuples.slice(0, count);
  } else {
    const drawn = Object.entries(question.params ?? {}).filter((e): e is [string, Exclude<ParamSpec, string>] => typeof e[1] !== 'string');
    names = drawn.map(([k]) => k);
    const lists = drawn.map(([, spec]) => paramValues(spec));
    const seen = new Set<string>();
    tuples = [];
    for (let attempt = 0; tuples.length < count && attempt < count * 50; attempt++) {
      const rng = mulberry32(hashString(`${key}/${attempt}`));
      const t = lists.map((l) => l[Math.floor(rng() * l.length)]!);
      const k = t.join(',');
      if (!seen.has(k)) {
        seen.add(k);
        tuples.push(t);
      }
    }
  }
  return tuples.map((t, i) => buildVariant(question, paramsFor(question, names, t), hashString(`${key}/${i}`)));
}
