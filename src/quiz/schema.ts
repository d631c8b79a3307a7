/**
 * zod 4 schemas of a quiz file (QUIZ-FORMAT.md, "A quiz file"). Build-time only: the
 * browser engine (index.ts) never imports this. Structural checks live here; checks that
 * need evaluation (params, {{name}}, reference 0, wrong answers) live in load.ts.
 */
import { z } from 'zod';
import { parseComparison } from './constraints.ts';
import { FORMS } from './types.ts';

export const QUESTION_ID = /^[a-z0-9][a-z0-9-]*$/;
export const PARAM_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

const LANG_NAME = { en: 'English (en)', zh: 'Chinese (zh)' } as const;

const langText = (lang: 'en' | 'zh') =>
  z
    .string({ error: (iss) => (iss.input === undefined ? `missing the ${LANG_NAME[lang]} text` : `the ${LANG_NAME[lang]} text must be a string`) })
    .refine((s) => s.trim() !== '', { error: `the ${LANG_NAME[lang]} text is empty` })
    // Markdown passes raw HTML through; a script there would never run (the content security
    // policy) and would end the data block that carries a variant (VariantData.astro).
    .refine((s) => !/<\/?script/i.test(s), { error: `the ${LANG_NAME[lang]} text contains a <script> tag, which a quiz cannot carry` });

/** `{ en, zh }`, both required and non-empty. */
export const TextSchema = z.strictObject(
  { en: langText('en'), zh: langText('zh') },
  { error: (iss) => (iss.input === undefined ? 'missing (give the text in both en and zh)' : 'must be { en: …, zh: … }') },
);

const finite = (what: string) => z.number({ error: `${what} must be a finite number` });
/** An integer from `min` to `max`: `error` when it is not an integer or below `min`, `tooBig` above `max`. */
const integerFrom = (min: number, max: number, error: string, tooBig: string) =>
  z.number({ error }).int({ error }).min(min, { error }).max(max, { error: tooBig });

/** `{rel, abs}`, `{sigfigs, strict}` or `{decimals}`; validated field by field for clear messages. */
export const ToleranceSchema = z
  .strictObject({
    rel: finite('rel').min(0, { error: 'rel must be ≥ 0' }).optional(),
    abs: finite('abs').min(0, { error: 'abs must be ≥ 0' }).optional(),
    sigfigs: integerFrom(1, 17, 'sigfigs must be a positive integer', 'sigfigs must be at most 17').optional(),
    strict: z.boolean({ error: 'strict must be true or false' }).optional(),
    decimals: integerFrom(0, 20, 'decimals must be an integer ≥ 0', 'decimals must be at most 20').optional(),
  })
  .superRefine((t, ctx) => {
    const kinds = [t.rel !== undefined || t.abs !== undefined, t.sigfigs !== undefined, t.decimals !== undefined].filter(Boolean).length;
    if (kinds === 0) ctx.addIssue({ code: 'custom', message: 'give rel and/or abs, or sigfigs, or decimals' });
    else if (kinds > 1) ctx.addIssue({ code: 'custom', message: 'use one kind of tolerance: rel/abs, sigfigs or decimals, not several' });
    if (t.strict !== undefined && t.sigfigs === undefined) ctx.addIssue({ code: 'custom', message: 'strict only goes with sigfigs' });
  });

const NumOrExpr = z.union([z.number(), z.string().trim().min(1)]);

/** A number or expression string; a vector of them; or a matrix (equal-length rows). */
export const ValueSchema = z
  .union([NumOrExpr, z.array(NumOrExpr).min(1), z.array(z.array(NumOrExpr).min(1)).min(1)], {
    error: 'must be a number, an expression in quotes, a list of them (vector) or a list of equal-length lists (matrix)',
  })
  .superRefine((v, ctx) => {
    if (Array.isArray(v) && Array.isArray(v[0])) {
      const rows = v as unknown[][];
      const bad = rows.findIndex((r) => r.length !== rows[0]!.length);
      if (bad > 0) {
        ctx.addIssue({
          code: 'custom',
          message: `a matrix needs rows of equal length (row 1 has ${rows[0]!.length} numbers, row ${bad + 1} has ${rows[bad]!.length})`,
        });
      }
    }
  });

export const FormSchema = z.enum(FORMS as [string, ...string[]], {
  error: (iss) => `unknown form ${JSON.stringify(iss.input)}; allowed: ${FORMS.join(', ')}`,
});

export const WrongSchema = z.strictObject({
  value: ValueSchema,
  tolerance: ToleranceSchema.optional(),
  message: TextSchema,
});

export const AnswerSchema = z.strictObject({
  value: ValueSchema,
  tolerance: ToleranceSchema.optional(),
  forms: z.array(FormSchema).min(1, { error: 'list at least one form, or leave forms out' }).optional(),
  ordered: z.boolean().optional(),
  partial: z.boolean().optional(),
  wrong: z.array(WrongSchema).optional(),
});

const RangeParam = z.strictObject({ from: finite('from'), to: finite('to'), step: finite('step') }).superRefine((p, ctx) => {
  if (!(p.step > 0)) ctx.addIssue({ code: 'custom', message: 'step must be > 0' });
  else if (p.to < p.from) ctx.addIssue({ code: 'custom', message: 'to must be ≥ from' });
  else if ((p.to - p.from) / p.step > 10000) ctx.addIssue({ code: 'custom', message: 'the range has more than 10,000 values; use a larger step' });
});
const ChooseParam = z.strictObject({ choose: z.array(finite('each choice')).min(1, { error: 'choose needs at least one value' }) });

/** `{from, to, step}`, `{choose: […]}`, or a string: an expression over the params declared before it. */
export const ParamSchema = z.union([RangeParam, ChooseParam, z.string().trim().min(1)], {
  error: 'a param is { from, to, step }, { choose: [numbers] } or an expression over earlier params',
});

const QuestionId = z
  .string({ error: 'missing (every question needs an id)' })
  .regex(QUESTION_ID, { error: 'must match /^[a-z0-9][a-z0-9-]*$/ (lower-case letters, digits and hyphens)' });

const Params = z.record(z.string().regex(PARAM_NAME, { error: 'a param name is a letter followed by letters, digits or _' }), ParamSchema);

const ConstraintCheck = z
  .string({ error: 'a constraint is a comparison in quotes, for example "a*c - b^2 >= 1"' })
  .trim()
  .min(1, { error: 'a constraint must not be empty' })
  .superRefine((s, ctx) => {
    const parsed = parseComparison(s);
    if (typeof parsed === 'string') ctx.addIssue({ code: 'custom', message: parsed });
  });

/**
 * A condition every variant must meet: `"h != t"`, or `{ check: "h != t", why: "…" }` where
 * `why` (for authors, English) is quoted in the build error.
 */
export const ConstraintSchema = z.union([ConstraintCheck, z.strictObject({ check: ConstraintCheck, why: z.string().trim().min(1).optional() })], {
  error: 'a constraint is a comparison in quotes, or { check: "…", why: "…" }',
});

export const PartSchema = z.strictObject({ prompt: TextSchema, answer: AnswerSchema });

export const ChoiceSchema = z.strictObject({
  text: TextSchema,
  correct: z.boolean().optional(),
  feedback: TextSchema.optional(),
});

const common = {
  id: QuestionId,
  prompt: TextSchema,
  params: Params.optional(),
  constraints: z.array(ConstraintSchema).min(1, { error: 'list at least one constraint, or leave constraints out' }).optional(),
  hints: z.array(TextSchema).optional(),
  solution: TextSchema.optional(),
};

/** A numeric question has either `answer` or `parts` (a multi-part question); load.ts checks which. */
export const NumericQuestionSchema = z.strictObject({
  ...common,
  type: z.literal('numeric'),
  answer: AnswerSchema.optional(),
  parts: z.array(PartSchema).min(1, { error: 'parts needs at least one part' }).optional(),
});

export const ChoiceQuestionSchema = z.strictObject({
  ...common,
  type: z.literal('choice'),
  multiple: z.boolean().optional(),
  choices: z.array(ChoiceSchema).min(2, { error: 'a choice question needs at least two choices' }),
});

export const QuestionSchema = z.discriminatedUnion('type', [NumericQuestionSchema, ChoiceQuestionSchema], {
  error: 'type must be numeric or choice',
});

export const QuizFileSchema = z.strictObject({
  topic: z.string({ error: 'missing (the slug of the note this quiz belongs to)' }).min(1, { error: 'must not be empty' }),
  questions: z.array(QuestionSchema, { error: 'must be a list of questions' }).min(1, { error: 'the quiz has no questions' }),
});

export type QuizFile = z.infer<typeof QuizFileSchema>;
export type Question = z.infer<typeof QuestionSchema>;
export type NumericQuestion = z.infer<typeof NumericQuestionSchema>;
export type ChoiceQuestion = z.infer<typeof ChoiceQuestionSchema>;
export type AuthoredAnswer = z.infer<typeof AnswerSchema>;
export type AuthoredValue = z.infer<typeof ValueSchema>;
export type ParamSpec = z.infer<typeof ParamSchema>;
export type Constraint = z.infer<typeof ConstraintSchema>;
