/**
 * The content security policy in a real browser: every page carries it as a <meta> tag, and
 * using the site (the root redirect, the theme menu, search, a quiz, a calculator, the offline
 * panel, the progress and review pages) raises no `securitypolicyviolation` event and no
 * "Refused to …" console error, in either language. First it checks the policy is enforced
 * and the listener hears it, so a silently missing policy cannot pass.
 */
import { describe, expect, it } from 'vitest';
import type { BrowserContext, ConsoleMessage, Page } from 'playwright-core';
import { calculatorPath, useSite, type Site } from './harness.ts';

type Violation = { directive: string; blocked: string; sample: string; source: string; page: string };

/** Runs in every page before its own scripts: keeps every CSP violation on `window`. */
function recordViolations(): void {
  const seen: Violation[] = [];
  (window as unknown as { __cspViolations: Violation[] }).__cspViolations = seen;
  document.addEventListener('securitypolicyviolation', (e) => {
    seen.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample, source: `${e.sourceFile}:${e.lineNumber}`, page: location.pathname });
  });
}

const site = useSite();

/** A page that records CSP violations (events and console messages) for `violations()`. */
async function watchedPage(options: Parameters<Site['page']>[0] = {}): Promise<{ page: Page; context: BrowserContext; violations: () => Promise<string[]> }> {
  const { page, context } = await site.page(options);
  await context.addInitScript(recordViolations);
  const consoleViolations: string[] = [];
  const onConsole = (message: ConsoleMessage) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) consoleViolations.push(`console on ${page.url()}: ${message.text()}`);
  };
  page.on('console', onConsole);
  // Pagefind searches in a web worker: its console is not the page's.
  page.on('worker', (worker) => worker.on('console', onConsole));
  const violations = async () => {
    const events = await page.evaluate(() => (window as unknown as { __cspViolations?: Violation[] }).__cspViolations ?? []);
    return [...events.map((v) => `${v.page}: ${v.directive} blocked ${v.blocked || '(inline)'} at ${v.source} ${v.sample}`), ...consoleViolations.splice(0)];
  };
  return { page, context, violations };
}

describe('content security policy', () => {
  it('is enforced, and a violation is heard by the test', async () => {
    const { page, violations } = await watchedPage();
    await page.goto(`${site.url}en/`);
    const policy = await page.getAttribute('meta[http-equiv="content-security-policy"]', 'content');
    expect(policy).toMatch(/script-src /);
    const ran = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__injectedRan = true';
      // An inline script that is allowed runs during append(): nothing to wait for.
      document.head.append(script);
      return (window as unknown as { __injectedRan?: boolean }).__injectedRan ?? false;
    });
    expect(ran).toBe(false);
    // The violation is reported after the refusal, as an event: poll until it is heard.
    const seen: string[] = [];
    await expect
      .poll(async () => {
        seen.push(...(await violations()));
        return seen.some((v) => /script-src/.test(v));
      })
      .toBe(true);
    // The refused script was ours: the harness must not count it as a site error.
    site.errors.splice(0);
  });

  it('lets the root page send the visitor to their language', async () => {
    const { page, violations } = await watchedPage({ locale: 'zh-CN' });
    await page.goto(site.url);
    await page.waitForURL(`${site.url}zh/`);
    expect(await violations()).toEqual([]);
    site.assertNoErrors();
  });

  it('lets search run on the page itself when Pagefind’s worker cannot start', async () => {
    // Pagefind then compiles its WebAssembly in the page, under the page's policy.
    const { page, violations } = await watchedPage();
    await page.route('**/pagefind/pagefind-worker.js', (route) => route.fulfill({ status: 404, body: '' }));
    await page.goto(`${site.url}en/`);
    await page.click('#search-open');
    await page.fill('#search-input', 'entropy');
    await page.waitForSelector('#search-results a.search-result', { timeout: 15_000 });
    expect(await violations()).toEqual([]);
    // The refused worker script is a 404 the test caused, not a site error.
    site.errors.splice(0, site.errors.length, ...site.errors.filter((e) => !/pagefind-worker|404/.test(e)));
    site.assertNoErrors();
  });

  for (const lang of ['en', 'zh'] as const) {
    it(`raises no violation while using the ${lang} site`, async () => {
      const { page, violations } = await watchedPage({ colorScheme: 'light' });
      const seen: string[] = [];

      // Theme: the inline theme script runs (it set data-js and the theme) and the menu works.
      await page.goto(`${site.url}${lang}/`);
      expect(await page.getAttribute('html', 'data-js')).toBe('');
      await page.selectOption('#theme-select', 'dark');
      expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
      await page.reload();
      expect(await page.getAttribute('html', 'data-theme')).toBe('dark');

      // Search: Pagefind's script, its WebAssembly and its worker.
      await page.click('#search-open');
      await page.waitForSelector('#search-dialog[open] #search-input');
      await page.fill('#search-input', lang === 'en' ? 'entropy' : '熵');
      await page.waitForSelector('#search-results a.search-result', { timeout: 15_000 });
      expect(await page.locator('#search-results a.search-result').count()).toBeGreaterThan(0);
      await page.click('#search-dialog .dialog-close');

      // Offline panel: its script, its fetch of offline.json.
      await page.click('#offline-open');
      await page.waitForSelector('#offline-dialog[open] #offline-save');
      expect(await page.innerText('#offline-dialog')).toMatch(/\d+ (files|个文件)/);
      seen.push(...(await violations()));

      // A quiz: answer a question and get feedback.
      await page.goto(`${site.url}${lang}/information-theory/entropy/`);
      const question = page.locator('afm-question').first();
      await question.scrollIntoViewIfNeeded();
      await question.locator('xpath=self::*[@data-ready]').waitFor();
      await question.locator('.q-input').first().fill('1.5');
      await question.locator('.q-check').click();
      await expect.poll(() => question.getAttribute('data-status')).toMatch(/correct|incorrect|invalid/);
      expect((await question.locator('.q-feedback').innerText()).length).toBeGreaterThan(0);
      seen.push(...(await violations()));

      // A calculator: type into it and see the result change (its SVG and style="" colours too).
      await page.goto(`${site.url}${calculatorPath('float-inspector', lang)}`);
      const calc = page.locator('afm-float-inspector').first();
      await calc.scrollIntoViewIfNeeded();
      await calc.locator('xpath=self::*[@data-ready]').waitFor();
      const bits = calc.locator('[data-out="bits"]');
      const before = await bits.innerText();
      await calc.locator('[name="value"]').fill('0.3');
      await expect.poll(() => bits.innerText()).not.toBe(before);
      expect(await bits.innerText()).toMatch(/[01]{5}/);
      seen.push(...(await violations()));

      // Progress and review: their data blocks and custom elements.
      for (const path of ['progress/', 'review/']) {
        await page.goto(`${site.url}${lang}/${path}`);
        await page.waitForSelector('afm-progress-page[data-ready], afm-review[data-ready]');
        seen.push(...(await violations()));
      }

      expect(seen).toEqual([]);
      site.assertNoErrors();
    });
  }
});
