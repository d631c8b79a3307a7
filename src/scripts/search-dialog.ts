/**
 * The search dialog, loaded the first time search is opened. It uses Pagefind's JS API with
 * the index of the page's language (Pagefind picks it from <html lang>), so an English search
 * never returns Chinese pages and the other way round. Results: title, area, the section that
 * matches best (linked to its heading) with its highlighted excerpt and up to two more matching
 * sections; a filter by area; all reachable by keyboard. Its strings come from the page
 * (UiStrings prefix "search").
 */
import { closeDialog, h, modal, siteBase } from './dom.ts';
import { pageStrings } from '../i18n/page-strings.ts';
import { pageLang, type Lang } from '../utils/lang.ts';
import { fillTemplate } from '../i18n/fill.ts';
import { pagefindSearchOptions } from './search-options.ts';

type WeightedLocation = { weight: number; balanced_score: number; location: number };
export type SubResult = { title: string; url: string; excerpt: string; anchor?: { id: string }; weighted_locations: WeightedLocation[] };
type ResultData = { url: string; excerpt: string; meta: { title?: string }; filters: Record<string, string[]>; sub_results?: SubResult[] };
type PagefindResult = { data: () => Promise<ResultData> };
type Pagefind = {
  options: (o: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  filters: () => Promise<Record<string, Record<string, number>>>;
  debouncedSearch: (term: string, o?: Record<string, unknown>, ms?: number) => Promise<{ results: PagefindResult[] } | null>;
};

let pagefind: Promise<Pagefind> | undefined;

function loadPagefind(): Promise<Pagefind> {
  pagefind ??= (async () => {
    const url = `${siteBase()}pagefind/pagefind.js`;
    const module = (await import(/* @vite-ignore */ url)) as Pagefind;
    await module.options({ baseUrl: siteBase(), ...pagefindSearchOptions });
    await module.init();
    return module;
  })();
  return pagefind;
}

/** Pagefind's weight for words of an <h1>: the page title, which the result shows already. */
const titleWeight = 7;

const sectionScore = (s: SubResult) => s.weighted_locations.reduce((sum, l) => sum + (!s.anchor && l.weight >= titleWeight ? 0 : l.balanced_score), 0);

/**
 * The sections of a result, best first: the section with the highest summed match score leads;
 * a tie keeps page order. The part before the first heading (no anchor) counts as a section,
 * but a match in the page's title does not make it the best: the title says what the page is
 * about, not where in it the query is answered.
 */
export function rankSections(subResults: SubResult[] = []): SubResult[] {
  return subResults
    .map((s, i) => ({ s, i, score: sectionScore(s) }))
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .map(({ s }) => s);
}

/**
 * A Chinese excerpt that Pagefind cut inside a sentence starts at its first punctuation mark
 * instead, after the ellipsis ("…的梯度。交叉熵…" → "…交叉熵…"), unless that would drop a
 * match. English excerpts are cut between words already.
 */
export function tidyExcerpt(html: string, lang: Lang): string {
  if (lang !== 'zh' || !html.startsWith('…')) return html;
  const firstMark = html.indexOf('<mark>');
  const head = firstMark === -1 ? html : html.slice(0, firstMark);
  const stop = head.slice(1).search(/[，。；：、！？）」』”]/u);
  if (stop === -1) return html;
  const rest = html.slice(stop + 2).replace(/^\s+/, '');
  return rest ? `…${rest}` : html;
}

export async function openSearch(): Promise<void> {
  const t = pageStrings('search');
  const { dialog, body, fresh } = modal('search-dialog', t.title ?? '', t.close ?? '');
  if (!fresh) {
    // Ctrl+K while the dialog is open reaches here too: only focus the query again.
    if (!dialog.open) dialog.showModal();
    body.querySelector('input')?.select();
    return;
  }
  const input = h('input', {
    type: 'search',
    id: 'search-input',
    'aria-describedby': 'search-hint',
    placeholder: t.placeholder ?? '',
    autocomplete: 'off',
    spellcheck: 'false',
  });
  const select = h('select', { id: 'search-area' }, h('option', { value: '' }, t.allAreas ?? ''));
  const status = h('p', { class: 'search-status', role: 'status', 'aria-live': 'polite' });
  const list = h('ul', { class: 'search-results', id: 'search-results' });
  body.append(
    h(
      'div',
      { class: 'search-controls' },
      h('label', { for: 'search-input', class: 'visually-hidden' }, t.label ?? ''),
      input,
      h('label', { for: 'search-area' }, t.area ?? ''),
      select,
    ),
    h('p', { id: 'search-hint', class: 'search-hint' }, t.hint ?? ''),
    status,
    list,
  );
  // Keys are handled from the moment the dialog exists, not once Pagefind has loaded (this was
  // the Escape flake of issue #18: on a slow first load nothing handled Escape yet). Left to the
  // browser, Escape in a search field with text only clears the text, and the dialog's own close
  // request is subject to Chromium's close-watcher rules (an Escape gives no user activation);
  // closing here does not depend on either.
  dialog.addEventListener('keydown', (e) => {
    // Escape while an input method is composing (pinyin) cancels the composition only.
    if (e.isComposing) return;
    if (e.key === 'Escape') {
      e.preventDefault();
      closeDialog(dialog);
      return;
    }
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const links = [...list.querySelectorAll<HTMLAnchorElement>('a.search-result')];
    if (links.length === 0) return;
    e.preventDefault();
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    const next = e.key === 'ArrowDown' ? (at + 1) % links.length : at <= 0 ? -1 : at - 1;
    (next === -1 ? input : links[next])?.focus();
  });
  dialog.showModal();
  input.focus();

  let api: Pagefind;
  try {
    api = await loadPagefind();
  } catch {
    status.textContent = t.unavailable ?? '';
    return;
  }
  const filters = (await api.filters()).area ?? {};
  for (const name of Object.keys(filters).sort()) select.append(h('option', { value: name }, name));

  const lang = pageLang();
  let latest = 0;
  const run = async () => {
    const query = input.value.trim();
    const ticket = ++latest;
    if (!query) {
      list.replaceChildren();
      status.textContent = '';
      return;
    }
    const search = await api.debouncedSearch(query, select.value ? { filters: { area: select.value } } : {}, 200);
    if (!search || ticket !== latest) return;
    const data = await Promise.all(search.results.slice(0, 12).map((r) => r.data()));
    if (ticket !== latest) return;
    list.replaceChildren(...data.map((d) => resultItem(d, lang, t.alsoIn ?? '')));
    status.textContent = data.length ? fillTemplate(t.count ?? '', { n: search.results.length }) : fillTemplate(t.none ?? '', { q: query });
  };
  input.addEventListener('input', run);
  select.addEventListener('change', run);
  // What was typed while Pagefind was still loading gets its results now.
  if (input.value.trim()) void run();
}

/** One result: the page (linked to its best-matching section), that section's excerpt, other matching sections. */
function resultItem(d: ResultData, lang: Lang, alsoIn: string): HTMLLIElement {
  const pageTitle = d.meta.title ?? d.url;
  const [best, ...others] = rankSections(d.sub_results);
  const link = h('a', { href: best?.url ?? d.url, class: 'search-result' }, h('span', { class: 'search-title' }, pageTitle));
  // The section's heading, when the match is under one (not the page's own opening).
  if (best?.anchor && best.title && best.title !== pageTitle) link.append(h('span', { class: 'search-heading' }, best.title));
  link.append(h('span', { class: 'search-area' }, d.filters.area?.[0] ?? ''));
  const excerpt = h('p', { class: 'search-excerpt' });
  // Pagefind's excerpt is the page's own text with <mark> around matches, already escaped.
  excerpt.innerHTML = tidyExcerpt(best?.excerpt ?? d.excerpt, lang);
  const item = h('li', {}, link, excerpt);
  const more = others.filter((s) => s.anchor && s.title).slice(0, 2);
  if (more.length) {
    const sections = h('p', { class: 'search-sections' }, alsoIn);
    more.forEach((s, i) => sections.append(i ? ' · ' : ' ', h('a', { href: s.url, class: 'search-section' }, s.title)));
    item.append(sections);
  }
  return item;
}
