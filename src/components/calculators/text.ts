/**
 * The opening of every calculator component: its id, the page's language and `s(key)`, the
 * calculator's strings `calc.<id>.<key>` from src/i18n/{en,zh}.json. A key that is missing
 * fails the build, naming it, rather than showing an empty label.
 *
 *   const { id, s, options } = calcText(Astro.url, 'bayes-test');
 *   <Field calc={id} name="prevalence" label={s('field.prevalence')} … />
 *   <Field calc={id} name="mode" kind="select" label={s('field.mode')} value="a" options={options('mode', ['a', 'b'])} />
 */
import { stringsWithPrefix, t, type UiKey } from '../../i18n/index.ts';
import en from '../../i18n/en.json' with { type: 'json' };
import { langFromPath, type Lang } from '../../utils/lang.ts';
import type { CalculatorId } from './info.ts';

export type CalcText = {
  id: CalculatorId;
  lang: Lang;
  /** The string `calc.<id>.<key>` in the page's language, `{name}` placeholders filled from `vars`. */
  s: (key: string, vars?: Record<string, string | number>) => string;
  /** A select field's options, each labelled by the string `field.<field>.<value>`. */
  options: (field: string, values: readonly string[]) => Array<{ value: string; label: string }>;
};

export function calcKey(id: CalculatorId, key: string): UiKey {
  const full = `calc.${id}.${key}`;
  if (!(full in en)) throw new Error(`No UI string "${full}" in src/i18n/en.json (and zh.json)`);
  return full as UiKey;
}

export function calcText(url: URL, id: CalculatorId): CalcText {
  const lang = langFromPath(url.pathname);
  const s: CalcText['s'] = (key, vars = {}) => t(lang, calcKey(id, key), vars);
  return { id, lang, s, options: (field, values) => values.map((value) => ({ value, label: s(`field.${field}.${value}`) })) };
}

/**
 * The strings a calculator's widget uses, in one language, for the JSON block CalcShell puts in
 * the element: the shared `calc.js.*` and the calculator's own `calc.<id>.js.*`, keyed without
 * those prefixes. The widget reads them with `this.s(key)` (src/calculators/ui/base.ts).
 */
export function widgetStrings(lang: Lang, id: CalculatorId): Record<string, string> {
  return { listSep: t(lang, 'engine.listSep'), ...stringsWithPrefix(lang, 'calc.js'), ...stringsWithPrefix(lang, `calc.${id}.js`) };
}
