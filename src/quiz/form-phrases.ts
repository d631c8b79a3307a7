/**
 * The words for a list of answer forms ("a number, fraction or scientific notation" / "数字、
 * 分数或科学计数法") and an example of each ("0.5, 1/2 or 6.02e23"), made from one language's
 * `engine.form*`, `*Sep` and `*Or` templates.
 *
 * Build side only. The engine looks the finished phrases up as the templates
 * `forms.<list>` and `examples.<list>` (`<list>`: the forms in canonical order joined by
 * commas, e.g. `forms.decimal,fraction,scientific`). A page carries the phrases of the lists
 * its questions use, so its JavaScript has no code for making them; Node installs every
 * list (node-text.ts). Both take their templates from `engineTemplates`.
 */
import { formsOf } from './grade.ts';
import type { MessageTemplates } from './messages.ts';
import { DEFAULT_FORMS, FORMS, type Answer, type Form } from './types.ts';

const FORM_EXAMPLE: Record<Form, string> = { decimal: '0.5', fraction: '1/2', scientific: '6.02e23', percent: '50%', expression: 'sqrt(2)/2' };

/** "a, b or c" / "a、b或c", with the language's separators. */
function joinOr(templates: MessageTemplates, items: string[], kind: 'list' | 'example'): string {
  const sep = templates[`${kind}Sep`] ?? ', ';
  const or = templates[`${kind}Or`] ?? ' or ';
  return items.length > 1 ? items.slice(0, -1).join(sep) + or + items[items.length - 1] : items.join('');
}

/** The `forms.<list>` and `examples.<list>` templates for each list of forms (canonical order). */
function formPhrases(templates: MessageTemplates, lists: ReadonlyArray<readonly Form[]>): MessageTemplates {
  const out: MessageTemplates = {};
  for (const forms of lists) {
    const list = forms.join();
    // The first form carries the article in English: "a number or fraction".
    out[`forms.${list}`] = joinOr(
      templates,
      forms.map((f, i) => templates[`form${i ? '' : 'First'}.${f}`] ?? f),
      'list',
    );
    out[`examples.${list}`] = joinOr(
      templates,
      forms.map((f) => FORM_EXAMPLE[f]),
      'example',
    );
  }
  return out;
}

/** Every non-empty list of forms, in canonical order (31 lists). */
export const allFormLists = (): Form[][] => Array.from({ length: 2 ** FORMS.length - 1 }, (_, i) => FORMS.filter((_, bit) => ((i + 1) >> bit) & 1));

type QuestionLike = { variants: ReadonlyArray<{ answer?: Answer; parts?: ReadonlyArray<{ answer: Answer }> }> };

/**
 * The lists of forms that questions can ask the engine to describe: each answer's and each
 * part's, and the default list (the engine's message when grading fails unexpectedly).
 */
export function formListsOf(questions: readonly QuestionLike[]): Form[][] {
  const lists = new Map<string, Form[]>([[DEFAULT_FORMS.join(), [...DEFAULT_FORMS]]]);
  for (const q of questions) {
    for (const v of q.variants) {
      for (const answer of [v.answer, ...(v.parts ?? []).map((p) => p.answer)]) {
        const forms = answer && formsOf(answer);
        if (forms) lists.set(forms.join(), forms);
      }
    }
  }
  return [...lists.values()];
}

/** Templates a page's script does not need: the parts of the phrases once made, and `accept.*` (said at build time). */
const isPhrasePart = (key: string) => /^(form|formFirst|accept)\.|^(list|example)(Sep|Or)$/.test(key);

/** The templates the engine runs with (one language): its messages and the phrases for `lists`. */
export function engineTemplates(templates: MessageTemplates, lists: ReadonlyArray<readonly Form[]>): MessageTemplates {
  return { ...Object.fromEntries(Object.entries(templates).filter(([key]) => !isPhrasePart(key))), ...formPhrases(templates, lists) };
}
