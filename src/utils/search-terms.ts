/**
 * The glossary names a note teaches, for search: Pagefind stores them as the page's `terms`
 * metadata (data-pagefind-meta), which is searched and boosts ranking (see
 * scripts/search-options.ts) but never appears in an excerpt or on the page. A Chinese note
 * also carries the English names, so "cross-entropy" typed on the Chinese site finds it.
 */
import type { GlossaryEntry } from '../build/glossary-loader.ts';
import type { Lang } from './lang.ts';

type Entry = Pick<GlossaryEntry, 'en' | 'zh' | 'note' | 'aliases'>;

export function searchTermsOf(entries: Entry[], noteSlug: string, lang: Lang): string {
  const names = entries
    .filter((e) => e.note === noteSlug)
    .flatMap((e) => (lang === 'en' ? [e.en, ...(e.aliases?.en ?? [])] : [e.zh, ...(e.aliases?.zh ?? []), e.en, ...(e.aliases?.en ?? [])]));
  // Commas would end an inline meta value early; the attribute form has no such limit, but a
  // separator Pagefind splits words on keeps the names apart.
  return [...new Set(names)].join(' · ');
}
