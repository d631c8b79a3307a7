/**
 * A message of the engine in words (messages.ts): one language's `engine.*` templates filled
 * in. Apart from messages.ts because the calculators read numbers with the engine's readers,
 * which make messages, but word them their own way: only the quiz's pages need this.
 */
import { fillTemplate } from '../i18n/fill.ts';
import type { Message, MessageTemplates, MessageVar } from './messages.ts';
import type { Grade, Text } from './types.ts';

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
