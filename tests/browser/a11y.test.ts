/**
 * The accessibility gate: axe-core (WCAG 2.0, 2.1 and 2.2 A and AA rules) on every page in the
 * sitemap plus the 404 page in the light theme, after the page's calculators and quiz questions
 * have loaded; on one page of each kind in both languages in the dark theme and on a phone (the
 * theme changes colours only, and every component appears on one of those pages: the
 * calculators page holds all calculators, the notes hold quizzes, tables and formulas); then on
 * the search and the offline dialogs. Zero violations.
 *
 * One browser and one page per theme, reused from page to page, keeps the ~140 runs short.
 * axe is injected as a script tag, which the site's content security policy would (rightly)
 * refuse: the contexts bypass the policy, which has its own test (csp.test.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Route } from 'playwright-core';
import { openSite, type Site } from './harness.ts';
import { distDir } from '../helpers/site.ts';
import { repoRoot } from '../helpers/content.ts';

const axePath = join(repoRoot, 'node_modules', 'axe-core', 'axe.min.js');
const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** The sitemap's pages as paths below the site root (`en/probability/`), plus the 404 page. */
function pagesToCheck(): string[] {
  const xml = readFileSync(join(distDir, 'sitemap-0.xml'), 'utf8');
  const paths = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname.replace(/^\//, ''));
  return [...paths, 'no-such-page/'];
}

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

async function runAxe(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async (values) => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values }, resultTypes: ['violations'] });
    return result.violations;
  }, wcagTags);
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

const pages = pagesToCheck();
/** One page of each kind: home, site pages, an area overview, notes with quizzes, tables, calculators and wide formulas. */
const kinds = [
  '',
  'about/',
  'guide/',
  'glossary/',
  'calculators/',
  'progress/',
  'review/',
  'linear-algebra/',
  'information-theory/entropy/',
  'numerical-analysis/floating-point/',
  'probability/bayes/',
  'linear-algebra/matrix-multiplication/',
  'linear-algebra/rotations-and-rope/',
];
const onePerKind = (['en', 'zh'] as const).flatMap((lang) => kinds.map((kind) => `${lang}/${kind}`));

for (const theme of ['light', 'dark'] as const) {
  describe(`accessibility, ${theme} theme`, () => {
    let page: Page;
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

    it('sees every page of the sitemap', () => {
      expect(pages.length).toBeGreaterThan(60);
      expect(pages).toContain('en/');
      expect(pages).toContain('zh/');
    });

    for (const path of theme === 'light' ? pages : [...onePerKind, 'no-such-page/']) {
      it(`/${path} has no violations`, async () => {
        expect(pages, 'a page of the sitemap').toContain(path);
        const response = await page.goto(`${site.url}${path}`);
        const missing = path === 'no-such-page/';
        expect(response?.status()).toBe(missing ? 404 : 200);
        if (path !== '') expect(await page.getAttribute('html', 'data-theme')).toBe(theme);
        await loadEverything(page);
        expect(await runAxe(page)).toEqual([]);
        // On the 404 page Chromium logs the page's own status; that is not a fault of the page.
        if (missing) site.errors.splice(0, site.errors.length, ...site.errors.filter((e) => !e.endsWith('status of 404 (Not Found)')));
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
        expect(await runAxe(page)).toEqual([]);
        site.assertNoErrors();
      });

      it(`the ${lang} offline dialog has no violations`, async () => {
        await page.goto(`${site.url}${lang}/`);
        await page.click('#offline-open');
        await page.waitForSelector('#offline-dialog[open] #offline-save');
        expect(await runAxe(page)).toEqual([]);
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

  for (const lang of ['en', 'zh'] as const) {
    for (const kind of kinds) {
      const path = `${lang}/${kind}`;
      it(`/${path} has no violations on a phone`, async () => {
        expect(pages, 'a page of the sitemap').toContain(path);
        const response = await page.goto(`${site.url}${path}`);
        expect(response?.status()).toBe(200);
        await loadEverything(page);
        expect(await runAxe(page)).toEqual([]);
        site.assertNoErrors();
      });
    }
  }
});
