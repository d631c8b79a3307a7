/**
 * The search dialog in Chromium: opened by the header button, "/" and Ctrl+K; its code and
 * Pagefind load only when it is first opened; results with title, area and a highlighted
 * excerpt and a link to the matching section; the area filter; keyboard use; Chinese queries on
 * Chinese pages; ranking, aliases and prose excerpts; Escape closes, even while Pagefind loads;
 * "$&" is shown as typed; the glossary's filter box and per-term anchors.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useSite, settled } from './harness.ts';

const site = useSite();

/** Every request the page makes, as paths. */
function recordRequests(page: Page): string[] {
  const paths: string[] = [];
  page.on('request', (request) => paths.push(new URL(request.url()).pathname));
  return paths;
}

const searchCode = (paths: string[]) => paths.filter((p) => /search-dialog\.[\w-]+\.js$|\/pagefind\//.test(p));

async function resultsFor(page: Page, query: string) {
  // Clear first, so the results of an earlier query are not taken for these.
  await page.fill('#search-input', '');
  await page.waitForFunction(() => document.querySelectorAll('#search-results li').length === 0);
  await page.fill('#search-input', query);
  await page.waitForFunction(() => document.querySelectorAll('#search-results a.search-result').length > 0, null, { timeout: 15_000 });
  return page.$$eval('#search-results li', (items) =>
    items.map((li) => ({
      href: li.querySelector('a')?.getAttribute('href') ?? '',
      path: (li.querySelector('a')?.getAttribute('href') ?? '').replace(/#.*$/, ''),
      heading: li.querySelector('.search-heading')?.textContent ?? '',
      sections: [...li.querySelectorAll('a.search-section')].map((a) => a.getAttribute('href') ?? ''),
      title: li.querySelector('.search-title')?.textContent ?? '',
      area: li.querySelector('.search-area')?.textContent ?? '',
      excerpt: li.querySelector('.search-excerpt')?.innerHTML ?? '',
    })),
  );
}

describe('search dialog', () => {
  it('loads nothing of search before it is opened, then opens from the header button and searches', async () => {
    const { page } = await site.page();
    const requests = recordRequests(page);
    await page.goto(`${site.url}en/linear-algebra/`);
    await settled(page);
    expect(searchCode(requests)).toEqual([]);
    expect(await page.$('#search-dialog')).toBeNull();

    await page.click('#search-open');
    await page.waitForSelector('#search-dialog[open] #search-input');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-input');
    const results = await resultsFor(page, 'singular value decomposition');
    const loaded = searchCode(requests);
    expect(loaded.some((p) => /search-dialog\.[\w-]+\.js$/.test(p))).toBe(true);
    expect(loaded).toContain('/pagefind/pagefind.js');

    expect(results[0]?.path).toBe('/en/linear-algebra/eigen-svd-pca/');
    for (const r of results) {
      expect(r.href).toMatch(/^\/en\//);
      expect(r.title.length).toBeGreaterThan(0);
      expect(r.excerpt).toMatch(/<mark>[^<]+<\/mark>/);
    }
    expect(results[0]?.area).toBe('Linear algebra');
    expect(await page.textContent('.search-status')).toMatch(/\d+ results/);
    site.assertNoErrors();
  });

  it('opens with "/" and with Ctrl+K, closes with Escape, and does not steal "/" from a text field', async () => {
    const { page } = await site.page();
    // Pagefind is held back until the end, as on a slow first visit: Escape must close the
    // dialog while the index still loads, also with text in the query (where Chromium's own
    // Escape would only clear the field). Every step waits for a state, never for a time.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/pagefind/pagefind.js', async (route) => {
      await held;
      await route.continue();
    });
    const isOpen = () => page.evaluate(() => (document.getElementById('search-dialog') as HTMLDialogElement | null)?.open ?? false);
    const waitClosed = () => page.waitForFunction(() => (document.getElementById('search-dialog') as HTMLDialogElement | null)?.open === false);
    await page.goto(`${site.url}en/probability/bayes/`);
    await page.keyboard.press('/');
    await page.waitForSelector('#search-dialog[open] #search-input');
    // Escape takes focus out of the dialog as it closes, in the same task. Opened with nothing
    // focused, the dialog has no element to give focus back to, and until Chromium's next focus
    // fix-up a key went to the hidden query: "/" right after Escape did not open search.
    const focusAfterEscape = await page.evaluate(() => {
      const escape = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true });
      document.getElementById('search-input')!.dispatchEvent(escape);
      return document.activeElement === document.body;
    });
    expect(focusAfterEscape).toBe(true);
    await waitClosed();

    await page.keyboard.press('Control+k');
    await page.waitForSelector('#search-dialog[open]');
    await page.waitForFunction(() => document.activeElement?.id === 'search-input');
    // Ctrl+K again while it is open keeps it open and the query focused.
    await page.keyboard.type('bayes');
    await page.keyboard.press('Control+k');
    expect(await isOpen()).toBe(true);
    expect(await page.inputValue('#search-input')).toBe('bayes');
    await page.keyboard.press('Escape');
    await waitClosed();
    expect(await page.inputValue('#search-input')).toBe('bayes');

    // Once Pagefind has loaded, the kept query has its results, and Escape still closes.
    release();
    await page.keyboard.press('/');
    await page.waitForSelector('#search-dialog[open]');
    await page.waitForFunction(() => document.querySelectorAll('#search-results a.search-result').length > 0, null, { timeout: 15_000 });
    await page.keyboard.press('Escape');
    await waitClosed();

    // "/" typed in a quiz answer stays in the answer.
    const answer = page.locator('.q-input').first();
    await answer.focus();
    await page.keyboard.type('1/2');
    expect(await answer.inputValue()).toBe('1/2');
    expect(await isOpen()).toBe(false);
    site.assertNoErrors();
  });

  it('filters by area', async () => {
    const { page } = await site.page();
    await page.goto(`${site.url}en/`);
    await page.click('#search-open');
    const all = await resultsFor(page, 'gradient');
    expect(new Set(all.map((r) => r.area)).size).toBeGreaterThan(1);
    const areas = await page.$$eval('#search-area option', (os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    expect(areas).toEqual(expect.arrayContaining(['Calculus and optimisation', 'Numerical analysis', 'Linear algebra']));
    await page.selectOption('#search-area', 'Numerical analysis');
    await page.waitForFunction(
      () => [...document.querySelectorAll('#search-results .search-area')].every((el) => el.textContent === 'Numerical analysis'),
      null,
      { timeout: 15_000 },
    );
    const filtered = await page.$$eval('#search-results a.search-result', (as) => as.map((a) => a.getAttribute('href')));
    expect(filtered.length).toBeGreaterThan(0);
    for (const href of filtered) expect(href).toMatch(/^\/en\/numerical-analysis\//);
    site.assertNoErrors();
  });

  it('reaches results by arrow keys and Tab, and Enter opens one', async () => {
    const { page } = await site.page();
    await page.goto(`${site.url}en/`);
    await page.keyboard.press('/');
    const results = await resultsFor(page, 'entropy');
    expect(results.length).toBeGreaterThan(2);
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(results[0]!.href);
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(results[1]!.href);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-input');
    // Tab from the query passes the area filter and reaches the first result.
    let reached = false;
    for (let i = 0; i < 5 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = (await page.evaluate(() => document.activeElement?.getAttribute('href'))) === results[0]!.href;
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${site.url.replace(/\/$/, '')}${results[0]!.href}`);
    site.assertNoErrors();
  });

  it('searches Chinese pages in Chinese, as readers type', async () => {
    const { page } = await site.page({ locale: 'zh-CN' });
    await page.goto(`${site.url}zh/calculus/`);
    await page.click('#search-open');
    expect(await page.textContent('#search-dialog .dialog-title')).toBe('搜索');
    const cases: Array<[string, string]> = [
      ['奇异值分解', '/zh/linear-algebra/eigen-svd-pca/'],
      ['交叉熵损失', '/zh/information-theory/cross-entropy-kl/'],
      ['学习率预热', '/zh/numerical-analysis/learning-rate-schedules/'],
    ];
    for (const [query, want] of cases) {
      const results = await resultsFor(page, query);
      expect(
        results.slice(0, 3).map((r) => r.path),
        query,
      ).toContain(want);
      for (const r of results) expect(r.href).toMatch(/^\/zh\//);
      expect(results[0]!.excerpt).toMatch(/<mark>[^<]+<\/mark>/);
    }
    const svd = await resultsFor(page, '奇异值分解');
    expect(svd.find((r) => r.path === '/zh/linear-algebra/eigen-svd-pca/')?.area).toBe('线性代数');
    // A character no page uses: the "no results" message, in Chinese.
    await page.fill('#search-input', '鑫鑫');
    await page.waitForFunction(() => /没有找到/.test(document.querySelector('.search-status')?.textContent ?? ''), null, { timeout: 15_000 });
    site.assertNoErrors();
  });
  it('ranks the teaching note first, finds aliases, links to the section and shows prose excerpts', async () => {
    const { page } = await site.page({ locale: 'zh-CN' });
    await page.goto(`${site.url}zh/`);
    await page.click('#search-open');
    // [query, the page that must come first, whether the query is in its text (then the result
    // links to the matching heading) or only among its aliases (then it links to the page)].
    const cases: Array<[string, string, boolean]> = [
      ['交叉熵', '/zh/information-theory/cross-entropy-kl/', true],
      ['反传', '/zh/calculus/chain-rule-backprop/', false],
      ['cross-entropy', '/zh/information-theory/cross-entropy-kl/', false],
      ['bfloat16', '/zh/numerical-analysis/floating-point/', false],
    ];
    for (const [query, want, inText] of cases) {
      const results = await resultsFor(page, query);
      expect(results[0]?.path, `${query}: ${results.map((r) => r.href).join(' ')}`).toBe(want);
      if (inText) {
        // The first result links to its best-matching heading, which the dialog names.
        expect(results[0]!.href, query).toMatch(/#./);
        expect(results[0]!.heading.length, query).toBeGreaterThan(0);
      }
      for (const r of results) {
        expect(r.excerpt, `${query} ${r.href}`).not.toMatch(/[∑∏∫√⊤⋅]/u);
        for (const href of r.sections) expect(href.startsWith(`${r.path}#`), href).toBe(true);
      }
    }
    // The heading the first result points at exists on its page.
    const [first] = await resultsFor(page, '交叉熵');
    await page.click('#search-results a.search-result >> nth=0');
    await page.waitForURL((url) => url.pathname === first!.path && url.hash.length > 1);
    const id = decodeURIComponent(new URL(page.url()).hash.slice(1));
    expect(await page.evaluate((x) => document.getElementById(x)?.tagName, id)).toMatch(/^H[1-6]$/);
    site.assertNoErrors();
  });

  it('shows a query with $ patterns as typed in the "no results" message, in both languages', async () => {
    for (const [lang, none] of [
      ['en', 'No results for'],
      ['zh', '没有找到与'],
    ] as const) {
      const { page } = await site.page();
      await page.goto(`${site.url}${lang}/`);
      await page.click('#search-open');
      for (const query of ['$&', '$`']) {
        await page.fill('#search-input', query);
        await page.waitForFunction((q) => (document.querySelector('.search-status')?.textContent ?? '').includes(`“${q}”`), query, { timeout: 15_000 });
        const status = await page.textContent('.search-status');
        expect(status).toBe(lang === 'en' ? `${none} “${query}”.` : `${none}“${query}”相关的结果。`);
      }
    }
    site.assertNoErrors();
  });
});

describe('glossary page', () => {
  it('filters by English or Chinese name, and each term has its own anchor', async () => {
    const { page } = await site.page({ locale: 'zh-CN' });
    await page.goto(`${site.url}zh/glossary/#term-cross-entropy`);
    // The entry is a heading with its id, and its name links to itself.
    expect(await page.evaluate(() => document.getElementById('term-cross-entropy')?.tagName)).toBe('H3');
    expect(await page.getAttribute('#term-cross-entropy a', 'href')).toBe('#term-cross-entropy');
    // Formulas in definitions are typeset, not ASCII.
    expect(await page.locator('.glossary-definition math').count()).toBeGreaterThan(10);

    const visible = () => page.$$eval('.glossary-entry:not([hidden]) .glossary-term', (hs) => hs.map((h) => h.id));
    const total = (await visible()).length;
    await page.fill('#glossary-filter', '熵');
    await page.waitForFunction((n) => document.querySelectorAll('.glossary-entry:not([hidden])').length < n, total);
    const entropy = await visible();
    expect(entropy).toEqual(expect.arrayContaining(['term-entropy', 'term-cross-entropy', 'term-conditional-entropy']));
    expect(entropy).not.toContain('term-gradient');
    expect(await page.textContent('#glossary-filter-status')).toMatch(new RegExp(`显示 ${entropy.length} 个术语`));
    // Areas without a match are hidden.
    expect(await page.locator('section.glossary-area:not([hidden])').count()).toBeLessThan(5);

    await page.fill('#glossary-filter', 'Cross-Entropy');
    await page.waitForFunction(() => document.querySelectorAll('.glossary-entry:not([hidden])').length <= 2);
    expect(await visible()).toContain('term-cross-entropy');
    // An alias filters too.
    await page.fill('#glossary-filter', '反传');
    await page.waitForFunction(() => document.querySelectorAll('.glossary-entry:not([hidden])').length === 1);
    expect(await visible()).toEqual(['term-backpropagation']);

    await page.fill('#glossary-filter', '鑫鑫');
    await page.waitForFunction(() => document.querySelectorAll('.glossary-entry:not([hidden])').length === 0);
    expect(await page.textContent('#glossary-filter-status')).toBe('没有与“鑫鑫”匹配的术语。');
    await page.fill('#glossary-filter', '');
    await page.waitForFunction((n) => document.querySelectorAll('.glossary-entry:not([hidden])').length === n, total);
    site.assertNoErrors();
  });

  it('a search hit on the glossary lands on the entry', async () => {
    const { page } = await site.page();
    await page.goto(`${site.url}en/glossary/`);
    await page.click('#search-open');
    const results = await resultsFor(page, 'Eckart–Young theorem');
    const glossary = results.find((r) => r.path === '/en/glossary/');
    expect(glossary?.href).toBe('/en/glossary/#term-eckart-young-theorem');
    site.assertNoErrors();
  });
});
