/**
 * The browser harness: Debian's Chromium driven by playwright-core, against dist/ served on
 * 127.0.0.1. A test file calls `const site = useSite();` at its top level: one browser and
 * server for the file, opened before its tests and closed after them. Every page opened
 * through `site.page()` records uncaught errors and console errors, and
 * `site.assertNoErrors()` fails the test on any of them.
 */
import { existsSync, mkdtempSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Locator, type Page } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';
import { chromeArgs, testChromePath } from '../../scripts/chromium.mjs';
import { distDir } from '../helpers/site.ts';
import { areaCalculatorsRoute, calculatorInfo, type CalculatorId } from '../../src/components/calculators/info.ts';
import type { Lang } from '../../src/utils/lang.ts';

export type { Lang };

/**
 * The languages a browser flow runs in. `npm test` runs each flow once, in the language its test
 * names, and the files and blocks alternate, so each language gets about half of the flows: a
 * flow drives the same code in either language, with the other language's strings, and those
 * strings and every built page in both languages are checked without a browser (unit and built
 * tests). `npm run test:all-languages` (AFM_ALL_LANGUAGES=1) runs every flow in both languages;
 * the deploy workflow does, before it publishes.
 */
export const flowLangs = (lang: Lang): readonly Lang[] => (process.env.AFM_ALL_LANGUAGES === '1' ? ['en', 'zh'] : [lang]);

export type Site = {
  /** The served site's root URL, ending in "/". */
  url: string;
  browser: Browser;
  /** A fresh browser context (empty storage) with an error-recording page. */
  page(options?: BrowserContextOptions): Promise<{ page: Page; context: BrowserContext }>;
  /** Errors seen so far on pages made by `page()`. */
  errors: string[];
  assertNoErrors(): void;
  /** Closes the browser and the server. A test that takes the site offline uses a server of its own (offline.test.ts), never this shared one. */
  close(): Promise<void>;
};

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(testChromePath)) {
    throw new Error(
      `No Chromium at ${testChromePath}. Install Debian's: sudo apt-get install -y chromium chromium-headless-shell fonts-noto-cjk ` +
        '(or set CHROME_PATH to a Chromium or Chrome binary). playwright cannot download browsers here.',
    );
  }
  return chromium.launch({ executablePath: testChromePath, args: chromeArgs, headless: true });
}

/**
 * An open site, with what useSite() needs around each test: `mark()` before it and
 * `closeSinceMark()` after it close the contexts the test opened. A context left open keeps its
 * renderer and its pages' timers running for the rest of the file, and CPU is what this suite
 * waits on. Contexts opened in a beforeAll stay open.
 */
type OpenSite = Site & { mark(): void; closeSinceMark(): Promise<void> };

async function openSite(): Promise<OpenSite> {
  if (!existsSync(join(distDir, 'index.html'))) throw new Error('dist/ has no build; the global setup should have built it');
  const { server, url } = (await serve({ root: distDir, port: 0 })) as { server: Server; url: string };
  const browser = await launchChromium();
  const errors: string[] = [];
  const contexts: BrowserContext[] = [];
  let marked = 0;
  let serverOpen = true;
  const stopServer = () =>
    new Promise<void>((resolve) => {
      if (!serverOpen) return resolve();
      serverOpen = false;
      server.closeAllConnections?.();
      server.close(() => resolve());
    });
  return {
    url,
    browser,
    errors,
    async page(options = {}) {
      const context = await browser.newContext({ ...options });
      contexts.push(context);
      const page = await context.newPage();
      page.on('pageerror', (error) => errors.push(`pageerror on ${page.url()}: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error' && !/Failed to load resource: net::ERR_INTERNET_DISCONNECTED/.test(message.text())) {
          errors.push(`console error on ${page.url()}: ${message.text()}`);
        }
      });
      return { page, context };
    },
    mark() {
      marked = contexts.length;
    },
    async closeSinceMark() {
      for (const context of contexts.splice(marked)) await context.close().catch(() => {});
    },
    assertNoErrors() {
      const seen = errors.splice(0);
      if (seen.length > 0) throw new Error(`Errors in the browser:\n${seen.join('\n')}`);
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => {});
      await browser.close();
      await stopServer();
    },
  };
}

/**
 * The test file's site: registers a `beforeAll` that opens it and an `afterAll` that closes it,
 * so call it once, at the file's top level. The returned Site stands for the one `beforeAll`
 * opens: use it inside tests and hooks, where it is open (it throws before then).
 */
export function useSite(): Site {
  let opened: OpenSite | undefined;
  beforeAll(async () => {
    opened = await openSite();
  });
  beforeEach(() => opened?.mark());
  afterEach(async () => {
    await opened?.closeSinceMark();
  });
  afterAll(async () => {
    await opened?.close();
  });
  const current = (): Site => {
    if (!opened) throw new Error('useSite(): the site opens in beforeAll; use it inside a test or hook');
    return opened;
  };
  return {
    get url() {
      return current().url;
    },
    get browser() {
      return current().browser;
    },
    get errors() {
      return current().errors;
    },
    page: (options) => current().page(options),
    assertNoErrors: () => current().assertNoErrors(),
    close: () => current().close(),
  };
}

/** A throwaway profile folder, for tests that need a persistent context (service workers). */
export function tempProfile(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'afm-chromium-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The address of calculator `id`'s page (its area's calculators) in `lang`, below the site root, with an optional query string and anchor. */
export const calculatorPath = (id: string, lang: Lang, query = '', hash = '') =>
  `${lang}/${areaCalculatorsRoute(calculatorInfo[id as CalculatorId].area)}${query}${hash}`;

/**
 * Opens the calculators page of `id`'s area in `lang` (with an optional query string carrying
 * state) and waits until calculator `id` has loaded; returns the page and the calculator's element.
 */
export async function openCalculator(site: Site, id: string, lang: Lang, query = ''): Promise<{ page: Page; calc: Locator }> {
  const { page } = await site.page();
  await page.goto(`${site.url}${calculatorPath(id, lang, query)}`);
  const calc = page.locator(`afm-${id}`).first();
  await calc.scrollIntoViewIfNeeded();
  await page.locator(`afm-${id}[data-ready]`).first().waitFor({ state: 'attached' });
  return { page, calc };
}

/**
 * Lays out every block of a note now. Below the fold they wait until they come near the viewport
 * and clip at their edge (global.css, content-visibility); a check that inspects or measures the
 * whole page (axe, the phone sweep) wants it all laid out and unclipped, as a browser without
 * content-visibility shows it.
 */
export async function layOutWholeNote(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const block of document.querySelectorAll<HTMLElement>('.note > *')) block.style.contentVisibility = 'visible';
  });
}

/**
 * Waits until the page has loaded and the browser has been idle twice: by then every script the
 * page starts by itself (the header's idle-time hooks included) has asked for what it loads.
 * For tests that check what a page did NOT fetch; deterministic where `networkidle` (no request
 * for 500 ms) is a guess that a slow machine breaks.
 */
export async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('load');
  for (let i = 0; i < 2; i++) {
    await page.evaluate(() => new Promise<void>((resolve) => requestIdleCallback(() => requestAnimationFrame(() => resolve()), { timeout: 2_000 })));
  }
}

/**
 * A server of its own for one describe block (call it there), over a folder that `deploy` swaps
 * for another build at once, as a deploy swaps a host's files: what a service worker update
 * sees. Starts serving dist/.
 */
export function deployableServer(): { url: () => string; dir: () => string; deploy: (target: string) => void } {
  let folder: { dir: string; remove: () => void };
  let server: Server;
  let url = '';
  const current = () => join(folder.dir, 'current');
  beforeAll(async () => {
    folder = tempProfile();
    symlinkSync(distDir, current());
    ({ server, url } = (await serve({ root: current(), port: 0 })) as { server: Server; url: string });
  });
  afterAll(async () => {
    server?.closeAllConnections?.();
    await new Promise((resolve) => server?.close(resolve));
    folder?.remove();
  });
  return {
    url: () => url,
    /** A scratch folder for the test's other builds (removed afterwards). */
    dir: () => folder.dir,
    deploy: (target) => {
      const next = join(folder.dir, 'next');
      symlinkSync(target, next);
      renameSync(next, current());
    },
  };
}
