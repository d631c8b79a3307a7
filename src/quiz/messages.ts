/**
 * Every learner-facing message of the engine, as `{ en, zh }`. Each `invalid` message says
 * what to type instead. Precondition for all helpers: arguments are short, already-safe strings.
 *
 * The wording lives in the `engine.*` templates of src/i18n/en.json and zh.json, not here:
 * the browser then ships no message text in JavaScript (a page hands its scripts the
 * templates of its own language, see UiStrings.astro), and the i18n test holds both languages
 * to the same keys. Whoever runs the engine installs the templates first with `setMessages`:
 * the build does (build.ts imports messages-bilingual.ts, as the unit tests do through
 * vitest.config.ts), and the quiz element does with its page's language in both slots.
 */
import type { Form, Text } from './types.ts';
import type en from '../i18n/en.json';

/** Templates keyed without the `engine.` prefix; `{name}` is filled in. */
export type MessageTemplates = Record<string, string>;

const templates: Record<keyof Text, MessageTemplates> = { en: {}, zh: {} };

/** Installs the templates; with one language only, both slots of every message use it. */
export function setMessages(en: MessageTemplates, zh: MessageTemplates = en): void {
  templates.en = en;
  templates.zh = zh;
}

type Vars = Record<string, string | number | Text>;

/** A missing template shows its key, so a gap is visible rather than an empty message. */
const fillIn = (lang: keyof Text, key: string, vars: Vars): string =>
  (templates[lang][key] ?? key).replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = vars[name]!;
    return typeof v === 'object' ? v[lang] : String(v);
  });

/** A message key: an `engine.*` key of src/i18n/en.json without the prefix. */
export type MessageKey = keyof typeof en extends infer K ? (K extends `engine.${infer Name}` ? Name : never) : never;

/** The message `key` in both languages, `{name}` filled from `vars` (a Text fills each language). */
export const msg = (key: MessageKey, vars: Vars = {}): Text => ({ en: fillIn('en', key, vars), zh: fillIn('zh', key, vars) });

/**
 * "a number, fraction or scientific notation" / "数字、分数或科学计数法": the forms in canonical
 * order, as the template `forms.<list>` made at build time (form-phrases.ts).
 */
export const formsPhrase = (forms: readonly Form[]): Text => msg(`forms.${forms.join()}` as MessageKey);

/**
 * What a number must look like here, the forms and an example of each: "This could not be
 * read as …" (`syntax`) or "The answer must be …" (`formNotAllowed`).
 */
export const formsHint = (key: 'syntax' | 'formNotAllowed', forms: readonly Form[]) =>
  msg(key, { forms: formsPhrase(forms), examples: msg(`examples.${forms.join()}` as MessageKey) });

/**
 * At most `max` characters of a learner's text for quoting in a message, cut at whole code
 * points (never half a surrogate pair), with … when cut.
 */
export function clip(text: string, max = 40): string {
  const chars = Array.from(text);
  return chars.length > max ? chars.slice(0, max - 1).join('') + '…' : text;
}

/** Right value(s), wrong count of figures under strict sig figs; `typed` is the count for a scalar. */
export const sigfigs = (n: number, typed?: string) => msg(typed ? 'sigfigsScalar' : 'sigfigsList', { n, typed: typed ?? '' });
export const choicePartial = (right: number, total: number, wrong: number) =>
  msg(wrong ? 'choicePartialWrong' : 'choicePartial', { right, total, wrong });
