/**
 * UI strings: one flat JSON file a language with the same keys (a unit test checks they
 * match). `t` fills `{name}` placeholders.
 */
// With the type attribute so that plain Node (scripts, through the quiz engine's
// node-text.ts) can load them too.
import en from './en.json' with { type: 'json' };
import zh from './zh.json' with { type: 'json' };
import type { Lang } from '../utils/lang.ts';
import { fillTemplate } from './fill.ts';

export type UiKey = keyof typeof en;
const strings: Record<Lang, Record<UiKey, string>> = { en, zh: zh as Record<UiKey, string> };

export function t(lang: Lang, key: UiKey, vars: Record<string, string | number> = {}): string {
  const template = strings[lang][key] ?? strings.en[key];
  return fillTemplate(template, vars);
}

/**
 * A template cut at its placeholders, for markup that puts an element (a link, a `<time>`)
 * where a placeholder stands, in whatever order the language needs: text and placeholder
 * names alternate, text first and last (`'a {x} b'` → `['a ', 'x', ' b']`).
 */
export function tPieces(lang: Lang, key: UiKey): string[] {
  return (strings[lang][key] ?? strings.en[key]).split(/\{(\w+)\}/);
}

/**
 * Every string under `prefix.` in one language, keyed without the prefix: what a page hands
 * to its scripts as JSON, so client code ships no strings of its own.
 */
export function stringsWithPrefix(lang: Lang, prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(strings[lang])) {
    if (key.startsWith(`${prefix}.`)) out[key.slice(prefix.length + 1)] = value;
  }
  return out;
}
