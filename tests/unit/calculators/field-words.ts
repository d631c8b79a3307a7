/**
 * A calculator field's message in both languages, as base.ts puts it on the page (fieldText with
 * the strings `calc.js.*` of src/i18n/{en,zh}.json): lets tests read what a learner reads. A key
 * missing from the JSON throws, as it does in the browser.
 */
import { fieldText, type FieldMessage } from '../../../src/calculators/ui/fields.ts';
import { fillTemplate } from '../../../src/i18n/fill.ts';
import { stringsWithPrefix } from '../../../src/i18n/index.ts';
import { languages, type Lang } from '../../../src/utils/lang.ts';

const strings = Object.fromEntries(languages.map((lang) => [lang, stringsWithPrefix(lang, 'calc.js')])) as Record<Lang, Record<string, string>>;

/** The calculators' string `key` (without `calc.js.`) in `lang`, filled; throws when it is missing. */
export function calcSay(lang: Lang, key: string, vars: Record<string, string | number> = {}): string {
  const template = strings[lang][key];
  if (template === undefined) throw new Error(`no string calc.js.${key} in src/i18n/${lang}.json`);
  return fillTemplate(template, vars);
}

export const words = (message: FieldMessage): { en: string; zh: string } => ({
  en: fieldText(message, (key, vars) => calcSay('en', key, vars)),
  zh: fieldText(message, (key, vars) => calcSay('zh', key, vars)),
});
