/**
 * The weight quantiser and the summation lab in a real browser, in English (in both languages with
 * AFM_ALL_LANGUAGES=1, harness.ts): a known case typed in, a bad input (message, aria-invalid,
 * outputs —) and a state restored from the URL.
 */
import { describe, expect, it } from 'vitest';
import { openCalculator, useSite, flowLangs } from './harness.ts';
import { type Lang, out, error, field, expectClean, setFields, expectOutputs, expectRejected } from './calculator-kit.ts';

const site = useSite();

describe.each(flowLangs('en'))('quantiser and summation lab (%s)', (lang: Lang) => {
  it('quantiser: the note’s symmetric INT8 example; an outlier per tensor vs per group; bad input; state from the URL', async () => {
    const { page, calc } = await openCalculator(site, 'quantiser', lang);
    await setFields(calc, { source: 'typed', values: '0.72, -1.5, 0.033, 1.1', bits: '8', scheme: 'symmetric', granularity: 'tensor' });
    // s = 1.5/127, codes 61, −127, 3, 93 (content/en/numerical-analysis/quantisation.mdx, worked example).
    await expect.poll(() => out(calc, 'scales').innerText()).toBe('0.011811');
    const codes = await out(calc, 'table')
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.querySelectorAll('td')[1]?.textContent));
    expect(codes).toEqual(['61', '−127', '3', '93']);
    expect(await out(calc, 'zeroPoints').innerText()).toBe(lang === 'en' ? '0 (symmetric)' : '0（对称量化）');
    expect(await out(calc, 'bits').innerText()).toMatch(/^12/);
    await expectClean(calc);

    // Asymmetric INT4: s = 2.6/15, z = 9.
    await setFields(calc, { bits: '4', scheme: 'asymmetric' });
    await expectOutputs(calc, { zeroPoints: '9', scales: '0.173333' });

    // A wide table scrolls in its own focusable, labelled region; the plots are there.
    const region = out(calc, 'table');
    expect(await region.getAttribute('tabindex')).toBe('0');
    expect(await region.getAttribute('aria-label')).toBeTruthy();
    expect(await out(calc, 'plot').locator('svg[role="img"]').count()).toBe(2);

    await field(calc, 'values').fill('0.5, abc');
    await expectRejected(calc, 'values', 'sqnr');
    expect(await out(calc, 'scales').innerText()).toBe('—');

    // All zeros: SQNR explained, not a number.
    await field(calc, 'values').fill('0, 0, 0');
    await expect.poll(() => out(calc, 'sqnr').innerText()).toContain(lang === 'en' ? 'undefined' : '无定义');
    await expectClean(calc);

    await page.close();
    // The default draw (one ±20 outlier in 256 Gaussian weights), INT4 per group of 32, from the URL.
    const { page: shared, calc: restored } = await openCalculator(site, 'quantiser', lang, '?quantiser.granularity=group&quantiser.group=128');
    await expect.poll(() => out(restored, 'bits').innerText()).toMatch(/^4\.125/);
    expect(await field(restored, 'granularity').inputValue()).toBe('group');
    expect(await out(restored, 'scales').innerText()).toContain(lang === 'en' ? '2 groups' : '共 2 组');
    expect(await out(restored, 'compare').innerText()).toContain('SQNR');
    await expectClean(restored);
    await shared.close();
    site.assertNoErrors();
  });

  it('summation lab: BF16 stalls at 256 while pairwise reaches 1000; too many terms; Kahan’s table from the URL', async () => {
    const { page, calc } = await openCalculator(site, 'summation-lab', lang);
    await setFields(calc, { format: 'bf16', value: '1', n: '1000' });
    await expectOutputs(calc, { pairwise: '1,000', naive: '256' });
    expect(await out(calc, 'reference').innerText()).toMatch(/^1,000/);
    expect(await out(calc, 'note').innerText()).toContain('257');
    expect(await out(calc, 'plot').locator('svg[role="img"]').count()).toBe(1);
    await expectClean(calc);

    await setFields(calc, { format: 'fp16', n: '3000' });
    await expect.poll(() => out(calc, 'naive').innerText()).toBe('2,048');

    // FP16 allows 100,000 terms: the cap is explained next to the field.
    await field(calc, 'n').fill('200000');
    await expectRejected(calc, 'n', 'naive', '100,000');
    await setFields(calc, { n: '10', value: '1e6' });
    await expect.poll(() => error(calc, 'value').innerText()).toContain('65504');
    expect(await out(calc, 'kahan').innerText()).toBe('—');
    await page.close();

    // The note's Kahan table: BF16, start at 256, four 1s → naive 256, Kahan 260.
    const { page: shared, calc: restored } = await openCalculator(
      site,
      'summation-lab',
      lang,
      '?summation-lab.format=bf16&summation-lab.value=1&summation-lab.n=4&summation-lab.start=256',
    );
    await expectOutputs(restored, { kahan: '260', naive: '256' });
    expect(await field(restored, 'start').inputValue()).toBe('256');
    await expectClean(restored);
    await shared.close();

    // FP32, a million copies of 0.1: naive drifts to 100958.34375, Kahan gives 100000.
    const { page: big, calc: tenths } = await openCalculator(site, 'summation-lab', lang, '?summation-lab.n=1000000');
    await expect.poll(() => out(tenths, 'naive').innerText(), { timeout: 15000 }).toBe('100,958.34375');
    expect(await out(tenths, 'kahan').innerText()).toBe('100,000');
    await big.close();
    site.assertNoErrors();
  });

  it('both sit in their notes and fit a 360 px phone screen (wide tables scroll inside their own region)', async () => {
    for (const [id, note, query] of [
      ['quantiser', 'quantisation', '?quantiser.granularity=group&quantiser.count=4096'],
      ['summation-lab', 'summation-and-stability', '?summation-lab.format=bf16&summation-lab.n=1000'],
    ] as const) {
      const { page } = await site.page({ viewport: { width: 360, height: 800 } });
      await page.goto(`${site.url}${lang}/numerical-analysis/${note}/${query}`);
      await page.locator(`afm-${id}[data-ready]`).waitFor({ state: 'attached' });
      const section = page.locator(`section#calc-${id}`);
      await expect.poll(() => section.locator('[data-out="plot"] svg').count()).toBeGreaterThan(0);
      const fits = await section.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, right: el.getBoundingClientRect().right }));
      expect(fits.scroll).toBeLessThanOrEqual(fits.client);
      expect(fits.right).toBeLessThanOrEqual(360);
      await page.close();
    }
    site.assertNoErrors();
  });
});
