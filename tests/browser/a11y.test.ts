/**
 * The accessibility gate: axe-core (WCAG 2.0, 2.1 and 2.2 A and AA rules), zero violations, after
 * a page's calculators and quiz questions have loaded, on
 *  - one page of each kind, in one language, the other language's being checked on a phone
 *    (axe.ts: every kind in both languages and at both sizes; home, about, guide, glossary, calculators,
 *    progress, review, offline, an area overview, notes with quizzes, tables, calculators and
 *    wide formulas; the root chooser and the 404 page), plus whatever pages it takes for every
 *    element shape the site has to appear on a checked page (tests/helpers/page-kinds.ts: a new
 *    component anywhere joins the set by itself): in the light theme with every rule, then, on
 *    the same loaded page switched to dark, with the colour rules (the theme changes colours only);
 *  - the pages of each kind in the other language on a phone: a11y-phone.test.ts;
 *  - the search and the offline dialogs, in both themes.
 *
 * Not every page: axe on the remaining ~60 notes re-checked the same layout and components
 * (most of the old file's 385 s). What varies from page to page is checked statically on every
 * built page: html-validate (tests/built/html-valid.test.ts: image and link text, table headers,
 * duplicate ids, landmarks, ARIA misuse) and tests/built/a11y-static.test.ts (form controls
 * named, ARIA and label references resolve, lang values, heading levels); phone-layout.test.ts
 * loads every page at phone widths (nothing scrolls sideways, every scroll box focusable and named).
 *
 * One browser and one page, reused from page to page. axe comes in as an init script
 * (tests/browser/axe.ts), so the pages keep their content security policy.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page, Route } from 'playwright-core';
import { useSite } from './harness.ts';
import { distDir } from '../helpers/site.ts';
import { coverPages, pageSignature } from '../helpers/page-kinds.ts';
import { axeContext, built, colourRules, loadEverything, desktopKinds, runAxe } from './axe.ts';

const site = useSite();

/** The 404 page, reached at an address that does not exist. */
const missing = '404.html';
/** The root chooser, the kinds and the 404 page, then the pages it takes for every element shape of the site to be on a checked page. */
const named = ['', ...desktopKinds, missing];
const covering = coverPages(
  new Map(built.map((p) => [p, pageSignature(readFileSync(join(distDir, p.endsWith('.html') ? p : `${p}index.html`), 'utf8'))])),
  named,
);

describe('the pages checked', () => {
  it('are built pages: one of each kind, and what covers every element shape', () => {
    expect(built.length).toBeGreaterThan(60);
    for (const path of covering) expect(built, 'a built page').toContain(path);
    expect(covering.slice(0, named.length)).toEqual(named);
    console.log(`axe checks ${covering.length} of ${built.length} pages; beyond the kinds: ${covering.slice(named.length).join(', ') || 'none'}`);
  });
});

/**
 * Checks the loaded page in the light theme with every rule, then switches the system to dark,
 * as a reader's system does (the theme follows it when none was chosen), and checks the colour
 * rules again: one load and one render of every calculator for both themes.
 */
async function expectBothThemesClean(page: Page, { dark = true } = {}): Promise<void> {
  expect(await runAxe(page), 'light theme').toEqual([]);
  if (!dark) return;
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
  expect(await runAxe(page, colourRules), 'dark theme').toEqual([]);
}

describe('accessibility, light and dark themes', () => {
  let page: Page;
  beforeAll(async () => {
    const opened = await axeContext(site, { colorScheme: 'light', viewport: { width: 1280, height: 900 } });
    page = opened.page;
    // The root chooser's only script sends the visitor on at once: what stays on screen there
    // is the no-script page (light only, as no script sets a theme), so that is what is checked,
    // served without its redirect.
    await opened.context.route(site.url, async (route: Route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '');
      await route.fulfill({ response, body });
    });
  });

  for (const path of covering) {
    it(`/${path} has no violations`, async () => {
      await page.emulateMedia({ colorScheme: 'light' });
      const response = await page.goto(`${site.url}${path === missing ? 'no-such-page/' : path}`);
      expect(response?.status()).toBe(path === missing ? 404 : 200);
      if (path !== '') expect(await page.getAttribute('html', 'data-theme')).toBe('light');
      await loadEverything(page);
      await expectBothThemesClean(page, { dark: path !== '' });
      // On the 404 page Chromium logs the page's own status; that is not a fault of the page.
      if (path === missing) site.errors.splice(0, site.errors.length, ...site.errors.filter((e) => !e.endsWith('status of 404 (Not Found)')));
      site.assertNoErrors();
    });
  }

  for (const lang of ['en', 'zh'] as const) {
    it(`the ${lang} search dialog, with results, has no violations`, async () => {
      await page.emulateMedia({ colorScheme: 'light' });
      await page.goto(`${site.url}${lang}/`);
      await page.click('#search-open');
      await page.waitForSelector('#search-dialog[open] #search-input');
      await page.fill('#search-input', lang === 'en' ? 'entropy' : '熵');
      await page.waitForSelector('#search-results a.search-result', { timeout: 15_000 });
      await expectBothThemesClean(page);
      site.assertNoErrors();
    });

    it(`the ${lang} offline dialog has no violations`, async () => {
      await page.emulateMedia({ colorScheme: 'light' });
      await page.goto(`${site.url}${lang}/`);
      await page.click('#offline-open');
      await page.waitForSelector('#offline-dialog[open] #offline-save');
      await expectBothThemesClean(page);
      site.assertNoErrors();
    });
  }
});
