/**
 * The search dialog in Chromium: opened by the header button, "/" and Ctrl+K; its code and
 * Pagefind load only when it is first opened; results with title, area and a highlighted
 * excerpt; the area filter; keyboard use; Chinese queries on Chinese pages; Escape closes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openSite, type Site } from './harness.ts';

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

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
    await page.waitForLoadState('networkidle');
    expect(searchCode(requests)).toEqual([]);
    expect(await page.$('#search-dialog')).toBeNull();

    await page.click('#search-open');
    await page.waitForSelector('#search-dialog[open] #search-input');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-input');
    const results = await resultsFor(page, 'singular value decomposition');
    const loaded = searchCode(requests);
    expect(loaded.some((p) => /search-dialog\.[\w-]+\.js$/.test(p))).toBe(true);
    expect(loaded).toContain('/pagefind/pagefind.js');

    expect(results[0]?.href).toBe('/en/linear-algebra/eigen-svd-pca/');
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
    await page.goto(`${site.url}en/probability/bayes/`);
    await page.keyboard.press('/');
    await page.waitForSelector('#search-dialog[open]');
    await page.keyboard.press('Escape');
    await page.waitForSelector('#search-dialog:not([open])', { state: 'attached' });

    await page.keyboard.press('Control+k');
    await page.waitForSelector('#search-dialog[open]');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-input');
    // Ctrl+K again while it is open keeps it open and the query focused.
    await page.keyboard.type('bayes');
    await page.keyboard.press('Control+k');
    expect(await page.evaluate(() => (document.getElementById('search-dialog') as HTMLDialogElement).open)).toBe(true);
    expect(await page.inputValue('#search-input')).toBe('bayes');
    await page.keyboard.press('Escape');
    await page.waitForSelector('#search-dialog:not([open])', { state: 'attached' });

    // "/" typed in a quiz answer stays in the answer.
    const answer = page.locator('.q-input').first();
    await answer.focus();
    await page.keyboard.type('1/2');
    expect(await answer.inputValue()).toBe('1/2');
    expect(await page.evaluate(() => (document.getElementById('search-dialog') as HTMLDialogElement).open)).toBe(false);
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
      expect(results.slice(0, 3).map((r) => r.href), query).toContain(want);
      for (const r of results) expect(r.href).toMatch(/^\/zh\//);
      expect(results[0]!.excerpt).toMatch(/<mark>[^<]+<\/mark>/);
    }
    const svd = await resultsFor(page, '奇异值分解');
    expect(svd.find((r) => r.href === '/zh/linear-algebra/eigen-svd-pca/')?.area).toBe('线性代数');
    // A character no page uses: the "no results" message, in Chinese.
    await page.fill('#search-input', '鑫鑫');
    await page.waitForFunction(() => /没有找到/.test(document.querySelector('.search-status')?.textContent ?? ''), null, { timeout: 15_000 });
    site.assertNoErrors();
  });
});
