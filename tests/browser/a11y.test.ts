/**
 * The accessibility gate: axe-core (WCAG 2.0, 2.1 and 2.2 A and AA rules), zero violations, after
 * a page's calculators and quiz questions have loaded, on
 *  - one page of each kind in both languages (home, about, guide, glossary, calculators,
 *    progress, review, offline, an area overview, notes with quizzes, tables, calculators and
 *    wide formulas; the root chooser and the 404 page), plus whatever pages it takes for every
 *    element shape the site has to appear on a checked page (tests/helpers/page-kinds.ts: a new
 *    component anywhere joins the set by itself): in the light theme with every rule, in the dark
 *    theme with the colour rules (the theme changes colours only);
 *  - the pages of each kind in both languages on a phone (layout: target sizes above all);
 *  - the search and the offline dialogs, in both themes.
 *
 * Not every page: axe on the remaining ~60 notes re-checked the same layout and components
 * (most of the old file's 385 s). What varies from page to page is checked statically on every
 * built page: html-validate (tests/built/html-valid.test.ts: image and link text, table headers,
 * duplicate ids, landmarks, ARIA misuse) and tests/built/a11y-static.test.ts (form controls
 * named, ARIA and label references resolve, lang values, heading levels); phone-layout.test.ts
 * loads every page at phone widths (nothing scrolls sideways, every scroll box focusable and named).
 *
 * One browser and one page per theme, reused from page to page. axe is injected as a script
 * tag, which the site's content security policy would (rightly) refuse: the contexts bypass the
 * policy, which has its own test (csp.test.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Route } from 'playwright-core';
import { openSite, type Site } from './harness.ts';
import { builtPages, distDir } from '../helpers/site.ts';
import { repoRoot } from '../helpers/content.ts';
import { coverPages, pageSignature } from '../helpers/page-kinds.ts';

const axePath = join(repoRoot, 'node_modules', 'axe-core', 'axe.min.js');
const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
/** What a change of theme can break: the WCAG rules about colour. */
const colourRules = ['color-contrast', 'link-in-text-block'];

type AxeNode = { target: string[]; failureSummary?: string; html: string };
type AxeViolation = { id: string; impact: string | null; help: string; nodes: AxeNode[] };

/** axe's findings, one readable line per violation and element, so a failure says what to fix. */
function describeViolations(violations: AxeViolation[]): string[] {
  return violations.flatMap((v) =>
    v.nodes.map(
      (n) => `${v.id} (${v.impact}): ${v.help} at ${n.target.join(' ')} ${n.html.slice(0, 160)}\n    ${(n.failureSummary ?? '').replace(/\n/g, '\n    ')}`,
    ),
  );
}

/** Runs axe with every WCAG A/AA rule, or with the named `rules` only. */
async function runAxe(page: Page, rules?: string[]): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axePath });
  const runOnly = rules ? { type: 'rule', values: rules } : { type: 'tag', values: wcagTags };
  const violations = await page.evaluate(async (only) => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(document, { runOnly: only, resultTypes: ['violations'] });
    return result.violations;
  }, runOnly);
  return describeViolations(violations as AxeViolation[]);
}

/**
 * Scrolls through the page a screen at a time (the calculators load when they come near the
 * viewport, so a jump to the bottom would skip the ones in between), then waits until every
 * custom element on the page has rendered.
 */
async function loadEverything(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight * 0.8) {
      scrollTo(0, y);
      await frame();
    }
    scrollTo(0, document.documentElement.scrollHeight);
    await frame();
  });
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('*')]
        .filter((el) => el.localName.startsWith('afm-'))
        .every((el) => el.hasAttribute('data-ready') || el.hasAttribute('data-load-failed')),
    undefined,
    { timeout: 20_000 },
  );
  const failed = await page.$$eval('[data-load-failed]', (els) => els.map((el) => `${el.localName}: ${el.getAttribute('data-load-failed')}`));
  expect(failed, 'custom elements that failed to load').toEqual([]);
  await page.evaluate(() => document.fonts.ready);
  await page.evaluate(() => scrollTo(0, 0));
}

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

/** Every built page as a path below the site root (`en/probability/`). */
const built = builtPages().map((p) => p.replace(/index\.html$/, ''));
/** One page of each kind: home, site pages, an area overview, notes with quizzes, tables, calculators and wide formulas. */
const kinds = [
  '',
  'about/',
  'guide/',
  'glossary/',
  'calculators/',
  'progress/',
  'review/',
  'offline/',
  'linear-algebra/',
  'information-theory/entropy/',
  'numerical-analysis/floating-point/',
  'probability/bayes/',
  'linear-algebra/matrix-multiplication/',
  'linear-algebra/rotations-and-rope/',
];
const onePerKind = (['en', 'zh'] as const).flatMap((lang) => kinds.map((kind) => `${lang}/${kind}`));
/** The 404 page, reached at an address that does not exist. */
const missing = '404.html';
/** The root chooser, the kinds and the 404 page, then the pages it takes for every element shape of the site to be on a checked page. */
const named = ['', ...onePerKind, missing];
const covering = coverPages(
  new Map(built.map((p) => [p, pageSignature(readFileSync(join(distDir, p.endsWith('.html') ? p : `${p}index.html`), 'utf8'))])),
  named,
);

describe('the pages checked', () => {
  it('are built pages: one of each kind in both languages, and what covers every element shape', () => {
    expect(built.length).toBeGreaterThan(60);
    for (const path of covering) expect(built, 'a built page').toContain(path);
    expect(covering.slice(0, named.length)).toEqual(named);
    console.log(`axe checks ${covering.length} of ${built.length} pages; beyond the kinds: ${covering.slice(named.length).join(', ') || 'none'}`);
  });
});

for (const theme of ['light', 'dark'] as const) {
  describe(`accessibility, ${theme} theme`, () => {
    let page: Page;
    const rules = theme === 'light' ? undefined : colourRules;
    beforeAll(async () => {
      // The root chooser's only script sends the visitor on at once: what stays on screen there
      // is the no-script page, so that is what is checked (served without its redirect).
      const opened = await site.page({ bypassCSP: true, colorScheme: theme, viewport: { width: 1280, height: 900 } });
      page = opened.page;
      await opened.context.addInitScript((chosen) => {
        try {
          localStorage.setItem('afm-theme', chosen);
        } catch {}
      }, theme);
      await opened.context.route(site.url, async (route: Route) => {
        const response = await route.fetch();
        const body = (await response.text()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '');
        await route.fulfill({ response, body });
      });
    });

    for (const path of covering) {
      it(`/${path} has no violations`, async () => {
        const response = await page.goto(`${site.url}${path === missing ? 'no-such-page/' : path}`);
        expect(response?.status()).toBe(path === missing ? 404 : 200);
        if (path !== '') expect(await page.getAttribute('html', 'data-theme')).toBe(theme);
        await loadEverything(page);
        expect(await runAxe(page, rules)).toEqual([]);
        // On the 404 page Chromium logs the page's own status; that is not a fault of the page.
        if (path === missing) site.errors.splice(0, site.errors.length, ...site.errors.filter((e) => !e.endsWith('status of 404 (Not Found)')));
        site.assertNoErrors();
      });
    }

    for (const lang of ['en', 'zh'] as const) {
      it(`the ${lang} search dialog, with results, has no violations`, async () => {
        await page.goto(`${site.url}${lang}/`);
        await page.click('#search-open');
        await page.waitForSelector('#search-dialog[open] #search-input');
        await page.fill('#search-input', lang === 'en' ? 'entropy' : '熵');
        await page.waitForSelector('#search-results a.search-result', { timeout: 15_000 });
        expect(await runAxe(page, rules)).toEqual([]);
        site.assertNoErrors();
      });

      it(`the ${lang} offline dialog has no violations`, async () => {
        await page.goto(`${site.url}${lang}/`);
        await page.click('#offline-open');
        await page.waitForSelector('#offline-dialog[open] #offline-save');
        expect(await runAxe(page, rules)).toEqual([]);
        site.assertNoErrors();
      });
    }
  });
}

/**
 * A phone (Lighthouse's Moto G Power: 412 × 823 CSS px, touch) on one page of each kind in both
 * languages. Some rules depend on the layout, target size (WCAG 2.5.8) above all: controls that
 * sit side by side on a desktop wrap and crowd each other on a narrow screen.
 */
describe('accessibility, phone viewport', () => {
  let page: Page;
  beforeAll(async () => {
    const opened = await site.page({ bypassCSP: true, viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true });
    page = opened.page;
  });

  for (const path of onePerKind) {
    it(`/${path} has no violations on a phone`, async () => {
      const response = await page.goto(`${site.url}${path}`);
      expect(response?.status()).toBe(200);
      await loadEverything(page);
      expect(await runAxe(page)).toEqual([]);
      site.assertNoErrors();
    });
  }
});
