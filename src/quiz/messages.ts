/**
 * What the engine says, as data: a message is a template key and the values for its
 * placeholders (`{ key: 'tooLong', vars: { max: 500 } }`), never finished text. The wording
 * lives in the `engine.*` templates of src/i18n/en.json and zh.json; whoever shows a grade
 * turns it into words with `describe` (describe.ts) and the templates of its own language: the
 * quiz element with the templates its page carries (UiStrings.astro), Node code and tests with
 * `engineText` (node-text.ts). The engine itself holds no text and no global state.
 */
import type { Form, Text } from './types.ts';
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
