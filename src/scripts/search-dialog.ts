/**
 * The search dialog, loaded the first time search is opened. It uses Pagefind's JS API with
 * the index of the page's language (Pagefind picks it from <html lang>), so an English search
 * never returns Chinese pages and the other way round. Results: title, area, highlighted
 * excerpt; a filter by area; all reachable by keyboard.
 */
import { h, modal, pageLang, siteBase } from './dom.ts';

type PagefindResult = { data: () => Promise<{ url: string; excerpt: string; meta: { title?: string }; filters: Record<string, string[]> }> };
type Pagefind = {
  options: (o: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  filters: () => Promise<Record<string, Record<string, number>>>;
  debouncedSearch: (term: string, o?: Record<string, unknown>, ms?: number) => Promise<{ results: PagefindResult[] } | null>;
};

const text = {
  en: {
    title: 'Search', close: 'Close search', label: 'Search the notes', placeholder: 'e.g. singular value, cross-entropy',
    area: 'Area', all: 'All areas', none: 'No results for “{q}”.', count: '{n} results', unavailable: 'Search could not load. If you are offline, save the site for offline use first.',
    hint: 'Type to search. Arrow keys move through the results.',
  },
  zh: {
    title: '搜索', close: '关闭搜索', label: '搜索笔记', placeholder: '例如：奇异值分解、交叉熵损失',
    area: '领域', all: '全部领域', none: '没有找到与“{q}”相关的结果。', count: '共 {n} 条结果', unavailable: '搜索无法加载。如果处于离线状态，请先保存本站供离线使用。',
    hint: '输入即可搜索，用方向键在结果间移动。',
  },
};

let pagefind: Promise<Pagefind> | undefined;

function loadPagefind(): Promise<Pagefind> {
  pagefind ??= (async () => {
    const url = `${siteBase()}pagefind/pagefind.js`;
    const module = (await import(/* @vite-ignore */ url)) as Pagefind;
    await module.options({ baseUrl: siteBase(), excerptLength: 22 });
    await module.init();
    return module;
  })();
  return pagefind;
}

export async function openSearch(): Promise<void> {
  const t = text[pageLang()];
  const { dialog, body, fresh } = modal('search-dialog', t.title, t.close);
  if (!fresh) {
    // Ctrl+K while the dialog is open reaches here too: only focus the query again.
    if (!dialog.open) dialog.showModal();
    body.querySelector('input')?.select();
    return;
  }
  const input = h('input', { type: 'search', id: 'search-input', 'aria-describedby': 'search-hint', placeholder: t.placeholder, autocomplete: 'off', spellcheck: 'false' });
  const select = h('select', { id: 'search-area' }, h('option', { value: '' }, t.all));
  const status = h('p', { class: 'search-status', role: 'status', 'aria-live': 'polite' });
  const list = h('ul', { class: 'search-results', id: 'search-results' });
  body.append(
    h('div', { class: 'search-controls' },
      h('label', { for: 'search-input', class: 'visually-hidden' }, t.label), input,
      h('label', { for: 'search-area' }, t.area), select),
    h('p', { id: 'search-hint', class: 'search-hint' }, t.hint),
    status,
    list,
  );
  dialog.showModal();
  input.focus();

  let api: Pagefind;
  try {
    api = await loadPagefind();
  } catch {
    status.textContent = t.unavailable;
    return;
  }
  const filters = (await api.filters()).area ?? {};
  for (const name of Object.keys(filters).sort()) select.append(h('option', { value: name }, name));

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
    list.replaceChildren(
      ...data.map((d) => {
        const excerpt = h('p', { class: 'search-excerpt' });
        // Pagefind's excerpt is the page's own text with <mark> around matches, already escaped.
        excerpt.innerHTML = d.excerpt;
        return h('li', {},
          h('a', { href: d.url, class: 'search-result' }, h('span', { class: 'search-title' }, d.meta.title ?? d.url), h('span', { class: 'search-area' }, d.filters.area?.[0] ?? '')),
          excerpt);
      }),
    );
    status.textContent = data.length ? t.count.replace('{n}', String(search.results.length)) : t.none.replace('{q}', query);
  };
  input.addEventListener('input', run);
  select.addEventListener('change', run);
  // What was typed while Pagefind was still loading gets its results now.
  if (input.value.trim()) void run();
  dialog.addEventListener('keydown', (e) => {
    // In a search field Chromium's Escape first clears the text; here it closes the dialog, which
    // keeps the query for next time.
    if (e.key === 'Escape') {
      e.preventDefault();
      dialog.close();
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
}
