/**
 * UI strings for the quiz, progress and review scripts come from the page (see
 * UiStrings.astro), in the page's language: the scripts carry no strings of their own.
 */
import { fillTemplate } from '../i18n/fill.ts';

export function uiStrings(prefix: 'quizui' | 'progressui' | 'reviewui' | 'engine'): Record<string, string> {
  try {
    return JSON.parse(document.getElementById(`ui-${prefix}`)?.textContent ?? '{}') as Record<string, string>;
  } catch {
    return {};
  }
}

/** A UI template with its `{name}` placeholders filled (the site's one filler, src/i18n/fill.ts). */
export const fill = (template: string | undefined, vars: Record<string, string | number>): string => fillTemplate(template ?? '', vars);
