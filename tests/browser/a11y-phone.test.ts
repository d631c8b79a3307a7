/**
 * The accessibility gate on a phone (Lighthouse's Moto G Power: 412 × 823 CSS px, touch): axe
 * with every WCAG A/AA rule on one page of each kind, in the language a11y.test.ts does not check
 * it in (axe.ts), after the page's
 * calculators and questions have loaded. Some rules depend on the layout, target size (WCAG
 * 2.5.8) above all: controls that sit side by side on a desktop wrap and crowd each other on a
 * narrow screen. The desktop and the themes are in a11y.test.ts (a file of its own, so the two
 * run side by side).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useSite } from './harness.ts';
import { axeContext, loadEverything, phoneKinds, runAxe } from './axe.ts';

const site = useSite();

describe('accessibility, phone viewport', () => {
  let page: Page;
  beforeAll(async () => {
    const opened = await axeContext(site, { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true });
    page = opened.page;
  });

  for (const path of phoneKinds) {
    it(`/${path} has no violations on a phone`, async () => {
      const response = await page.goto(`${site.url}${path}`);
      expect(response?.status()).toBe(200);
      await loadEverything(page);
      expect(await runAxe(page)).toEqual([]);
      site.assertNoErrors();
    });
  }
});
