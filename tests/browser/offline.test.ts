/**
 * The site offline in Chromium. Save once (size shown first, progress bar, "available
 * offline", storage persistence asked for), then with the server stopped and the browser
 * offline: pages never visited in both languages, search in both languages, a quiz answer
 * kept across a reload, and the offline page in the visitor's language for an unsaved
 * address. Then a second deploy: the update notice, the new content after reload, progress
 * intact, and no page showing the new version before the visitor accepts it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Server } from 'node:http';
import type { BrowserContext, Page } from 'playwright-core';
import { openSite, tempProfile, type Site } from './harness.ts';
import { serve } from '../../scripts/serve.mjs';
import { distDir } from '../helpers/site.ts';
import { writeServiceWorker } from '../../src/integrations/search-and-offline.ts';
import en from '../../src/i18n/en.json' with { type: 'json' };
import zh from '../../src/i18n/zh.json' with { type: 'json' };

type OfflineInfo = { version: string; files: number; bytes: number };
const offlineInfo = JSON.parse(readFileSync(join(distDir, 'offline.json'), 'utf8')) as OfflineInfo;

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

/** Counts calls of navigator.storage.persist() in every page of the context. */
async function spyOnPersist(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const storage = navigator.storage;
    const persist = storage.persist.bind(storage);
    (window as unknown as { persistCalls: number }).persistCalls = 0;
    storage.persist = () => {
      (window as unknown as { persistCalls: number }).persistCalls++;
      return persist();
    };
  });
}

/** Opens the offline panel, checks the size is told before anything starts, saves, waits for the end. */
async function saveForOffline(page: Page, expectedSaved: RegExp): Promise<void> {
  await page.click('#offline-open');
  await page.waitForSelector('#offline-dialog[open] #offline-save');
  const intro = (await page.textContent('#offline-dialog .dialog-body p')) ?? '';
  const mb = (offlineInfo.bytes / 1024 / 1024).toFixed(1);
  expect(intro).toContain(offlineInfo.bytes >= 1024 * 1024 ? `${mb} MB` : 'KB');
  expect(intro).toContain(String(offlineInfo.files));
  // Nothing is downloaded for offline use before the visitor asks.
  expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()) ?? null)).toBeNull();
  expect(await page.isHidden('#offline-progress')).toBe(true);

  await page.click('#offline-save');
  await page.waitForSelector('#offline-progress', { state: 'visible', timeout: 5_000 });
  await page.waitForFunction((re) => new RegExp(re).test(document.querySelector('.offline-status')?.textContent ?? ''), expectedSaved.source, { timeout: 120_000 });
  expect(await page.isHidden('#offline-progress')).toBe(true);
  expect(await page.evaluate(() => (window as unknown as { persistCalls: number }).persistCalls)).toBeGreaterThanOrEqual(1);
  // clients.claim(): the page that saved is controlled without a reload.
  await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller));
}

/** Answers the first entropy question (H(1/2, 1/4, 1/4) = 1.5 bits) and waits for the verdict. */
async function answerEntropyQuestion(page: Page): Promise<void> {
  const question = page.locator('#q-entropy-three-outcomes');
  await question.locator('.q-input').fill('1.5');
  await question.locator('.q-check').click();
  await page.waitForFunction(() => document.querySelector('#q-entropy-three-outcomes')?.getAttribute('data-status') === 'correct');
}

const storedProgress = (page: Page) => page.evaluate(() => localStorage.getItem('afm-progress'));

describe('save for offline, then use the site with no network', () => {
  it('saves the whole site and then reads, searches and quizzes offline in both languages', async () => {
    const { page, context } = await site.page({ locale: 'zh-CN' });
    await spyOnPersist(context);
    await page.goto(`${site.url}zh/linear-algebra/`);
    await saveForOffline(page, /已可离线使用/);

    // Reopening the panel later shows the saved state straight away.
    await page.reload();
    await page.click('#offline-open');
    await page.waitForFunction(() => /已可离线使用/.test(document.querySelector('.offline-status')?.textContent ?? ''));

    await site.stopServer();
    await context.setOffline(true);

    // A note in every area, in both languages, none of them visited before.
    const areas = ['linear-algebra/attention', 'probability/distributions', 'calculus/gradient-descent', 'information-theory/mutual-information', 'numerical-analysis/mixed-precision'];
    for (const lang of ['en', 'zh'] as const) {
      for (const path of areas) {
        await page.goto(`${site.url}${lang}/${path}/`);
        expect(await page.getAttribute('html', 'lang'), path).toBe(lang === 'zh' ? 'zh-CN' : 'en');
        expect((await page.textContent('article.note h1'))?.length, `${lang}/${path}`).toBeGreaterThan(0);
        expect(await page.$('.katex')).not.toBeNull();
      }
    }

    // Search in Chinese and in English.
    await page.goto(`${site.url}zh/probability/`);
    await page.click('#search-open');
    await page.fill('#search-input', '交叉熵损失');
    // A result links to its best-matching section: the page's path, then #anchor.
    await page.waitForSelector('#search-results a[href^="/zh/information-theory/cross-entropy-kl/"]', { timeout: 15_000 });
    await page.goto(`${site.url}en/calculus/`);
    await page.keyboard.press('/');
    await page.fill('#search-input', 'singular value decomposition');
    await page.waitForSelector('#search-results a[href^="/en/linear-algebra/eigen-svd-pca/"]', { timeout: 15_000 });

    // A quiz answer, kept after a reload.
    await page.goto(`${site.url}en/information-theory/entropy/`);
    await answerEntropyQuestion(page);
    await page.reload();
    await page.waitForFunction(() => /Solved/.test(document.querySelector('#q-entropy-three-outcomes .q-history')?.textContent ?? ''));
    expect(await storedProgress(page)).toContain('entropy/entropy-three-outcomes');

    // An address that was never saved: the offline page, in the visitor's language.
    await page.goto(`${site.url}zh/nonexistent/`);
    expect(await page.textContent('h1')).toBe(zh['offline.title']);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    await page.goto(`${site.url}en/nonexistent/`);
    expect(await page.textContent('h1')).toBe(en['offline.title']);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    site.assertNoErrors();
  });
});

describe('a new version', () => {
  let folder: { dir: string; remove: () => void };
  let server: Server;
  let url: string;
  const current = () => join(folder.dir, 'current');
  /** Points the served folder at another build, as a deploy swaps a host's files. */
  const deploy = (target: string) => {
    const next = join(folder.dir, 'next');
    symlinkSync(target, next);
    renameSync(next, current());
  };

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

  it('says so, reloads to the new content on request and keeps quiz progress', async () => {
    const { page } = await site.page();
    await spyOnPersist(page.context());
    await page.goto(`${url}en/information-theory/entropy/`);
    await saveForOffline(page, /Available offline/);
    await page.keyboard.press('Escape');
    await page.waitForSelector('#offline-dialog:not([open])', { state: 'attached' });
    await answerEntropyQuestion(page);
    const progressBefore = await storedProgress(page);
    expect(progressBefore).toContain('entropy/entropy-three-outcomes');
    const oldTitle = await page.textContent('article.note h1');

    // Version 2: one note's title changed and the service worker regenerated over the copy.
    const v2 = join(folder.dir, 'v2');
    cpSync(distDir, v2, { recursive: true });
    const notePath = join(v2, 'en', 'information-theory', 'entropy', 'index.html');
    const html = readFileSync(notePath, 'utf8');
    const changed = html.replace(/(<article class="note"[^>]*>\s*<h1>)([^<]+)/, '$1$2 (second edition)');
    expect(changed).not.toBe(html);
    writeFileSync(notePath, changed);
    rmSync(join(v2, 'sw.js'));
    await writeServiceWorker(v2, '/', { info: () => {}, warn: (m) => console.warn(m) });
    expect(readFileSync(join(v2, 'sw.js'), 'utf8')).not.toBe(readFileSync(join(distDir, 'sw.js'), 'utf8'));
    deploy(v2);

    // The next visit is still served whole from version 1, and says a new version is ready.
    await page.reload();
    await page.waitForSelector('#update-notice', { timeout: 60_000 });
    expect(await page.textContent('article.note h1')).toBe(oldTitle);
    expect(await page.textContent('#update-notice')).toContain('A new version of this site is ready.');

    await Promise.all([page.waitForEvent('load'), page.click('#update-notice button')]);
    await page.waitForFunction(() => /second edition/.test(document.querySelector('article.note h1')?.textContent ?? ''), null, { timeout: 15_000 });
    expect(await page.$('#update-notice')).toBeNull();
    expect(await storedProgress(page)).toBe(progressBefore);
    await page.waitForFunction(() => /Solved/.test(document.querySelector('#q-entropy-three-outcomes .q-history')?.textContent ?? ''));
    site.assertNoErrors();
  });
});
