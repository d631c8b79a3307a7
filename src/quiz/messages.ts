/**
 * What the engine says, as data: a message is a template key and the values for its
 * placeholders (`{ key: 'tooLong', vars: { max: 500 } }`), never finished text. The wording
 * lives in the `engine.*` templates of src/i18n/en.json and zh.json; whoever shows a grade
 * turns it into words with `describe` and the templates of its own language: the quiz
 * element with the templates its page carries (UiStrings.astro), Node code and tests with
 * `engineText` (node-text.ts). The engine itself holds no text and no global state.
 */
import { fillTemplate } from '../i18n/fill.ts';
import type { Form, Grade, Text } from './types.ts';
import type en from '../i18n/en.json';

/** Templates keyed without the `engine.` prefix; `{name}` is filled in. */
export type MessageTemplates = Record<string, string>;

/** A message key: an `engine.*` key of src/i18n/en.json without the prefix, or a form phrase. */
export type MessageKey =
  (keyof typeof en extends infer K ? (K extends `engine.${infer Name}` ? Name : never) : never) | `forms.${string}` | `examples.${string}`;

/**
 * A placeholder's value: text typed by the learner or made by the engine (a string or a
 * number), another message (said in the same language), a list of messages (said one after
 * the other), or author feedback from the quiz file (`Text`, HTML rendered at build time).
 */
export type MessageVar = string | number | Message | Message[] | Text;
export type Message = { key: MessageKey; vars?: Record<string, MessageVar> };

export const msg = (key: MessageKey, vars?: Record<string, MessageVar>): Message => (vars ? { key, vars } : { key });

const isMessage = (v: MessageVar): v is Message => typeof v === 'object' && !Array.isArray(v) && 'key' in v;

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The message in one language, as HTML: the template and everything the engine or the learner
 * typed are escaped; author feedback (build-rendered HTML) goes in as it is. A key without a
 * template shows the key, so a gap is visible rather than an empty message.
 */
export function describe(m: Message | Message[], templates: MessageTemplates, lang: keyof Text): string {
  if (Array.isArray(m)) return m.map((x) => describe(x, templates, lang)).join(' ');
  const value = (v: MessageVar): string =>
    typeof v === 'string' ? escapeHtml(v) : typeof v === 'number' ? String(v) : Array.isArray(v) || isMessage(v) ? describe(v, templates, lang) : v[lang];
  const vars: Record<string, string> = {};
  for (const [name, v] of Object.entries(m.vars ?? {})) vars[name] = value(v);
  return fillTemplate(escapeHtml(templates[m.key] ?? m.key), vars);
}

/**
 * What a page says about a grade beyond its verdict, as HTML in one language: the quiz file's
 * feedback for a named mistake, then the engine's message; '' when there is neither.
 */
export function describeGrade(g: Pick<Grade, 'feedback' | 'message'>, templates: MessageTemplates, lang: keyof Text): string {
  return [g.feedback?.[lang], g.message && describe(g.message, templates, lang)].filter(Boolean).join(' ');
}

/**
 * "a number, fraction or scientific notation" / "数字、分数或科学计数法": the forms in canonical
 * order, as the template `forms.<list>` made at build time (form-phrases.ts).
 */
export const formsPhrase = (forms: readonly Form[]): Message => msg(`forms.${forms.join()}`);

/**
 * What a number must look like here, the forms and an example of each: "This could not be
 * read as …" (`syntax`) or "The answer must be …" (`formNotAllowed`).
 */
export const formsHint = (key: 'syntax' | 'formNotAllowed', forms: readonly Form[]) =>
  msg(key, { forms: formsPhrase(forms), examples: msg(`examples.${forms.join()}`) });

/**
 * At most `max` characters of a learner's text for quoting in a message, cut at whole code
 * points (never half a surrogate pair), with … when cut.
 */
export function clip(text: string, max = 40): string {
  const chars = Array.from(text);
  return chars.length > max ? chars.slice(0, max - 1).join('') + '…' : text;
}

/** Right value(s), wrong count of figures under strict sig figs; `typed` is the count for a scalar. */
export const sigfigs = (n: number, typed?: string) => (typed ? msg('sigfigsScalar', { n, typed }) : msg('sigfigsList', { n }));
export const choicePartial = (right: number, total: number, wrong: number) => msg(wrong ? 'choicePartialWrong' : 'choicePartial', { right, total, wrong });
