/**
 * Phones and small screens (#16). Every built page at 360 px wide in the light and the dark
 * theme and at 390 px, with its calculators loaded and every <details> open: the page never scrolls
 * sideways, and each box that scrolls on its own (wide formulas, tables) can take keyboard focus
 * and has a name. Then the compact header and its menu drawer, the contents list at the top of a
 * note, and print.
 *
 * Fast on purpose: one browser and context, two tabs, each page loaded once and measured at
 * 360 px in both themes and at 390 px (a theme switch and a viewport resize, not reloads);
 * nothing waits for the network to go idle.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { layOutWholeNote, useSite } from './harness.ts';
import { builtPages } from '../helpers/site.ts';
import { repoRoot } from '../helpers/content.ts';

/** Every built page as a path below the site root; the root chooser, which sends a visitor on at once, is checked without scripts. */
const pages = builtPages()
  .filter((p) => p !== 'index.html')
  .map((p) => p.replace(/index\.html$/, ''));
const WIDTHS = [360, 390];

type Finding = { scrollWidth: number; offenders: string[]; scrollers: string[]; header: number };

/**
 * Measured in the page: the document's scroll width; the elements that stick out past the right
 * edge (the innermost ones, inside no box that clips or scrolls); boxes that scroll sideways
 * but cannot take focus or have no name; the header's height.
 */
function measure(): Finding {
  const width = document.documentElement.clientWidth;
  const describe = (el: Element) => {
    const id = el.id ? `#${el.id}` : '';
    const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).slice(0, 2).join('.')}` : '';
    const home = el.closest('[id]');
    const where = home && home !== el ? ` in #${home.id}` : '';
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
    return `<${el.localName}${id}${cls}>${where} right edge ${Math.round(el.getBoundingClientRect().right)} px${text ? ` "${text}"` : ''}`;
  };
  const offenders: Element[] = [];
  const scrollWidth = document.documentElement.scrollWidth;
  const walk = (el: Element): boolean => {
    let childSticksOut = false;
    for (const child of el.children) {
      const style = getComputedStyle(child);
      if (style.display === 'none' || style.position === 'fixed') continue;
      // Inside a box that clips or scrolls, nothing can widen the page.
      const inner = style.overflowX === 'visible' ? walk(child) : false;
      const sticksOut = child.getBoundingClientRect().right > width + 0.5;
      if (sticksOut && !inner) offenders.push(child);
      childSticksOut ||= sticksOut || inner;
    }
    return childSticksOut;
  };
  // Looking for the culprits takes every element's style: only when there is one.
  if (scrollWidth > width) walk(document.body);

  const scrollers: string[] = [];
  for (const el of document.querySelectorAll('body *')) {
    if (el.scrollWidth <= el.clientWidth + 1) continue;
    const style = getComputedStyle(el);
    if (!/auto|scroll/.test(style.overflowX)) continue;
    if (el.closest('[hidden], dialog:not([open])')) continue;
    const focusable = (el as HTMLElement).tabIndex >= 0;
    // A name: aria-label(ledby), a table's caption, or the formula itself (its MathML).
    const named =
      el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby') || Boolean(el.querySelector(':scope > caption')) || Boolean(el.querySelector('math'));
    if (!focusable || !named) scrollers.push(`${describe(el)}: ${focusable ? '' : 'not focusable '}${named ? '' : 'no name'}`);
  }
  const header = document.querySelector('.site-header')?.getBoundingClientRect().height ?? 0;
  return { scrollWidth, offenders: offenders.slice(0, 5).map(describe), scrollers: scrollers.slice(0, 5), header };
}

/** Lays out every block of a note, loads the page's calculators (as focusing one would), opens every <details>, waits for fonts. */
async function loadAll(page: Page): Promise<void> {
  await layOutWholeNote(page);
  await page.evaluate(async () => {
    const calcs = [...document.querySelectorAll('[data-calc]')];
    for (const el of calcs) el.dispatchEvent(new FocusEvent('focusin'));
    for (const d of document.querySelectorAll('details')) d.open = true;
    const settled = () => calcs.every((el) => el.hasAttribute('data-ready') || el.hasAttribute('data-load-failed'));
    const started = performance.now();
    while (!settled() && performance.now() - started < 15_000) await new Promise((resolve) => requestAnimationFrame(resolve));
    await document.fonts.ready;
  });
  const failed = await page.$$eval('[data-load-failed]', (els) => els.map((el) => `${el.localName}: ${el.getAttribute('data-load-failed')}`));
  expect(failed, 'calculators that failed to load').toEqual([]);
}

const site = useSite();

describe('no page scrolls sideways on a phone', () => {
  it('finds the built pages in dist/', () => {
    expect(pages).toContain('en/');
    expect(pages).toContain('zh/calculators/');
    expect(pages.length).toBeGreaterThan(60);
  });

  it(`every page at ${WIDTHS.join(' and ')} px, light and dark theme, both languages`, { timeout: 600_000 }, async () => {
    // Two tabs share the list. Each page loads once and is measured in both themes (the dark one
    // set as the theme menu sets it) and at both widths: a theme switch and a resize cost far
    // less than a load.
    const { page: first, context } = await site.page({ colorScheme: 'light', viewport: { width: WIDTHS[0]!, height: 740 }, hasTouch: true });
    const second = await context.newPage();
    second.on('pageerror', (error) => site.errors.push(`pageerror on ${second.url()}: ${error.message}`));
    second.on('console', (message) => message.type() === 'error' && site.errors.push(`console error on ${second.url()}: ${message.text()}`));
    const problems: string[] = [];
    const headers = new Set<number>();
    const queue = [...pages];
    const worker = async (page: Page) => {
      for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
        await page.setViewportSize({ width: WIDTHS[0]!, height: 740 });
        await page.goto(`${site.url}${path}`, { waitUntil: 'domcontentloaded' });
        expect(await page.getAttribute('html', 'data-theme'), path).toBe('light');
        await loadAll(page);
        // 360 px light, 360 px dark, 390 px light: each layout is measured once per theme that
        // could change it (a theme changes colours, not sizes, so 390 px is measured in one).
        for (const [width, theme] of [
          [WIDTHS[0]!, 'light'],
          [WIDTHS[0]!, 'dark'],
          [WIDTHS[1]!, 'light'],
        ] as const) {
          await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
          if (width !== WIDTHS[0]) await page.setViewportSize({ width, height: 740 });
          const found = await page.evaluate(measure);
          const at = `/${path} at ${width} px (${theme})`;
          if (found.scrollWidth > width) problems.push(`${at} is ${found.scrollWidth} px wide: ${found.offenders.join('; ') || 'no element found'}`);
          for (const s of found.scrollers) problems.push(`${at}: a box that scrolls sideways ${s}`);
          headers.add(Math.round(found.header));
        }
      }
    };
    await Promise.all([worker(first), worker(second)]);
    expect(problems).toEqual([]);
    // One header row on a phone.
    expect(Math.max(...headers), `header heights ${[...headers].join(', ')}`).toBeLessThanOrEqual(56);
    site.assertNoErrors();
  });

  it('the root chooser (its no-script page) fits too', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(site.url);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await context.close();
  });
});

describe('the header on a phone', () => {
  for (const lang of ['en', 'zh'] as const) {
    it(`${lang}: one row; the menu opens the navigation in a drawer that keeps focus, and Escape or the close button closes it`, async () => {
      const { page } = await site.page({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
      await page.goto(`${site.url}${lang}/linear-algebra/attention/`);
      const header = await page.locator('.site-header').boundingBox();
      expect(header!.height).toBeLessThanOrEqual(56);
      // Search by its name, its "/" key hint hidden on a touch screen; the other tools wait in the menu.
      expect(await page.getByRole('button', { name: lang === 'en' ? 'Search' : '搜索' }).isVisible()).toBe(true);
      expect(await page.isVisible('#search-open kbd')).toBe(false);
      expect(await page.isVisible('#theme-select')).toBe(false);
      const menu = page.getByRole('button', { name: lang === 'en' ? 'Menu' : '菜单', exact: true });
      await menu.click();
      const drawer = page.getByRole('dialog', { name: lang === 'en' ? 'Menu' : '菜单' });
      // Its code loads on the first tap.
      await drawer.waitFor({ state: 'visible' });
      expect(await drawer.locator('#site-nav a[aria-current="page"]').isVisible()).toBe(true);
      expect(await drawer.locator('#theme-select').isVisible()).toBe(true);
      expect(await drawer.locator('a.lang-switch').isVisible()).toBe(true);
      // A modal dialog: tabbing stays inside it.
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press('Tab');
        const inside = await page.evaluate(() => Boolean(document.activeElement?.closest('#nav-drawer')) || document.activeElement === document.body);
        expect(inside, `focus after ${i + 1} Tab presses`).toBe(true);
      }
      await page.keyboard.press('Escape');
      expect(await drawer.isVisible()).toBe(false);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('menu-open');
      // Everything is back where it was: the navigation at the foot of the page, the tools in the header.
      // Polled: they move back on the dialog's close event, which comes a task after it closes.
      await expect.poll(() => page.evaluate(() => document.getElementById('site-nav')?.parentElement?.className)).toBe('doc');
      expect(await page.evaluate(() => document.getElementById('header-more')?.closest('header') !== null)).toBe(true);
      await menu.click();
      await page.getByRole('button', { name: lang === 'en' ? 'Close menu' : '关闭菜单' }).click();
      expect(await drawer.isVisible()).toBe(false);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('menu-open');
      // A tap inside the drawer keeps it open; a tap on the backdrop beside it closes it.
      await menu.click();
      await page.click('#nav-drawer-title');
      expect(await drawer.isVisible()).toBe(true);
      const box = (await drawer.boundingBox())!;
      await page.mouse.click(box.x / 2, 300);
      expect(await drawer.isVisible()).toBe(false);
      await expect.poll(() => page.evaluate(() => document.getElementById('site-nav')?.parentElement?.className)).toBe('doc');
      site.assertNoErrors();
    });
  }

  it('the open drawer passes axe, in both languages', async () => {
    const { page } = await site.page({ bypassCSP: true, viewport: { width: 360, height: 740 }, hasTouch: true });
    for (const lang of ['en', 'zh'] as const) {
      await page.goto(`${site.url}${lang}/glossary/`);
      await page.click('#menu-open');
      await page.addScriptTag({ path: join(repoRoot, 'node_modules', 'axe-core', 'axe.min.js') });
      const violations = await page.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }> };
          }
        ).axe;
        const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
        return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      });
      expect(violations, lang).toEqual([]);
    }
    site.assertNoErrors();
  });

  it('on a wide screen: one row, the tools in the header, no menu button', async () => {
    const { page } = await site.page({ viewport: { width: 1280, height: 800 } });
    for (const lang of ['en', 'zh'] as const) {
      await page.goto(`${site.url}${lang}/linear-algebra/attention/`);
      expect((await page.locator('.site-header').boundingBox())!.height).toBeLessThanOrEqual(60);
      expect(await page.isVisible('#menu-open')).toBe(false);
      expect(await page.isVisible('#theme-select')).toBe(true);
      expect(await page.isVisible('#search-open kbd')).toBe(true);
      expect(await page.isVisible('#site-nav')).toBe(true);
    }
    site.assertNoErrors();
  });
});

describe('"On this page"', () => {
  it('is a collapsed list at the top of a note on a narrow screen and the side column on a wide one', async () => {
    const { page } = await site.page({ viewport: { width: 360, height: 740 } });
    for (const lang of ['en', 'zh'] as const) {
      await page.goto(`${site.url}${lang}/linear-algebra/`);
      const inline = page.locator('details.toc-inline');
      expect(await inline.isVisible()).toBe(true);
      expect(await inline.getAttribute('open')).toBeNull();
      expect(await page.isVisible('nav.toc')).toBe(false);
      await inline.locator('summary').click();
      // The heading with $XW$ reads "XW" once, in the list and in its anchor.
      const link = inline.locator('a[href$="-xw-convention"], a[href$="xw-写法"]');
      expect(await link.count()).toBe(1);
      expect((await link.textContent())!.match(/XW/g)).toHaveLength(1);
      await page.setViewportSize({ width: 1280, height: 800 });
      expect(await inline.isVisible()).toBe(false);
      expect(await page.isVisible('nav.toc')).toBe(true);
      await page.setViewportSize({ width: 360, height: 740 });
    }
    site.assertNoErrors();
  });
});

describe('print', () => {
  it('prints the note: no header, navigation or buttons; hints closed, solutions hidden, formulas whole', async () => {
    const { page } = await site.page({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${site.url}en/information-theory/entropy/`);
    await page.emulateMedia({ media: 'print' });
    const shown = (selector: string) =>
      page.$$eval(selector, (els) => els.some((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden'));
    for (const hidden of [
      '.site-header',
      '#site-nav',
      '.toc',
      '.toc-inline',
      '.prev-next',
      '.q-controls button',
      '.q-solution',
      '#search-open',
      '#theme-select',
    ]) {
      expect(await shown(hidden), hidden).toBe(false);
    }
    expect(await shown('.q-heading')).toBe(true);
    expect(await shown('math')).toBe(true);
    expect(await page.$$eval('.q-hint', (els) => els.every((el) => !(el as HTMLDetailsElement).open))).toBe(true);
    // A printed page cannot scroll: formulas are not cut off at a scroll box.
    expect(await page.$$eval('.math-display', (els) => els.every((el) => getComputedStyle(el).overflowX === 'visible'))).toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.byteLength).toBeGreaterThan(10_000);
    site.assertNoErrors();
  });
});
