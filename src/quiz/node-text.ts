/**
 * The engine's messages in words, for Node: scripts, the build and the unit tests. A page does
 * the same with the templates it carries (question-element.ts); this module reads both
 * languages' templates from src/i18n, so never import it from browser code.
 */
import { stringsWithPrefix } from '../i18n/index.ts';
import type { Message, MessageTemplates } from './messages.ts';
import { describe, describeGrade } from './describe.ts';
import { allFormLists, engineTemplates } from './form-phrases.ts';
import type { Grade, Text } from './types.ts';

let templates: Record<keyof Text, MessageTemplates> | undefined;
/** Both languages' templates: all of them (`accept.*` too), and the phrases for every list of answer forms. */
const forLang = (lang: keyof Text) => {
  const all = stringsWithPrefix(lang, 'engine');
  return { ...all, ...engineTemplates(all, allFormLists()) };
};
const engineTemplatesBoth = () => (templates ??= { en: forLang('en'), zh: forLang('zh') });

/** A message (or a list of them) in both languages, as the page would say it (HTML-escaped). */
export function engineText(m: Message | Message[]): Text {
  const t = engineTemplatesBoth();
  return { en: describe(m, t.en, 'en'), zh: describe(m, t.zh, 'zh') };
}

/** What a page says for a grade beyond its verdict (describeGrade), in both languages. */
export function gradeText(g: Grade): Text | undefined {
  const t = engineTemplatesBoth();
  const text = { en: describeGrade(g, t.en, 'en'), zh: describeGrade(g, t.zh, 'zh') };
  return text.en || text.zh ? text : undefined;
}
