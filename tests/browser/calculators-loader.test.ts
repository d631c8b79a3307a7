/**
 * The one calculator loader (src/calculators/ui/loader.ts, which the page script,
 * src/scripts/islands.ts, imports on a page with a calculator): a page without calculators
 * fetches no calculator code; a page with one calculator fetches only that calculator's widget
 * chunk (plus shared calculator UI code), and only once it comes into view; a page with two
 * calculators fetches the loader once and gets both working; every page has one script.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useSite, settled } from './harness.ts';
import { calculatorInfo } from '../../src/components/calculators/info.ts';

const site = useSite();

const ids = Object.keys(calculatorInfo);
/** The calculator ids whose widget chunk (`float-inspector.HASH.js`) the page fetched. */
const widgetChunk = (url: string) => ids.find((id) => new RegExp(`/_astro/${id}\\.[\\w-]+\\.js$`).test(url));

async function openRecording(path: string): Promise<{ page: Page; scripts: string[] }> {
  const { page } = await site.page();
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('.js')) scripts.push(request.url());
  });
  await page.goto(`${site.url}${path}`);
  await settled(page);
  return { page, scripts };
}

describe('calculator loader', () => {
  it('a note without calculators fetches no calculator code', async () => {
    const { page, scripts } = await openRecording('en/about/');
    expect(await page.locator('[data-calc]').count()).toBe(0);
    expect(scripts.filter((url) => /\/(loader|question-loader|widgets|base)\.[\w-]+\.js$/.test(url) || widgetChunk(url))).toEqual([]);
    await page.close();
    site.assertNoErrors();
  });

  it('a note with one calculator fetches its widget, and only when it comes into view', async () => {
    const { page, scripts } = await openRecording('en/numerical-analysis/floating-point/');
    expect(scripts.filter(widgetChunk)).toEqual([]);
    const calc = page.locator('afm-float-inspector');
    await calc.scrollIntoViewIfNeeded();
    await page.locator('afm-float-inspector[data-ready]').waitFor({ state: 'attached' });
    expect(await calc.locator('[data-out="stored"]').innerText()).not.toBe('—');
    expect(scripts.map(widgetChunk).filter(Boolean)).toEqual(['float-inspector']);
    await page.close();
    site.assertNoErrors();
  });

  it('a note with two calculators and a quiz has one script, fetches the loader once and gets both', async () => {
    const { page, scripts } = await openRecording('zh/linear-algebra/matrix-multiplication/');
    const html = await page.content();
    expect(html.match(/<script[^>]+src=/g) ?? []).toHaveLength(1);
    expect(scripts.filter((url) => /\/loader\.[\w-]+\.js$/.test(url))).toHaveLength(1);
    for (const id of ['transformer-params', 'transform-explorer']) {
      await page.locator(`afm-${id}`).first().scrollIntoViewIfNeeded();
      await page.locator(`afm-${id}[data-ready]`).first().waitFor({ state: 'attached' });
    }
    await page.close();
    site.assertNoErrors();
  });

  it('a shared link loads the calculator at once, without scrolling', async () => {
    const { page } = await openRecording('en/numerical-analysis/floating-point/?float-inspector.value=0.5');
    await page.locator('afm-float-inspector[data-ready]').waitFor({ state: 'attached' });
    expect(await page.locator('afm-float-inspector [data-out="stored"]').innerText()).toBe('0.5');
    await page.close();
    site.assertNoErrors();
  });
});
