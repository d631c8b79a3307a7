/**
 * UI strings for the quiz, progress and review scripts come from the page (UiStrings.astro),
 * in the page's language, read with `pageStrings` (src/i18n/page-strings.ts): the scripts carry no
 * strings of their own.
 */
import { fillTemplate } from '../i18n/fill.ts';

/** A UI template with its `{name}` placeholders filled (the site's one filler, src/i18n/fill.ts). */
export const fill = (template: string | undefined, vars: Record<string, string | number>): string => fillTemplate(template ?? '', vars);
