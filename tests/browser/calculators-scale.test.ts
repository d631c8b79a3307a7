/**
 * The scaling-law planner, the speculative decoding calculator and the global-norm clipping
 * calculator in a real browser, in English on a desktop and in Chinese on a phone (both languages
 * on both with AFM_ALL_LANGUAGES=1, harness.ts): a known case typed in (numbers from the notes:
 * Chinchilla's budget, the GPU-days example, Leviathan et al.'s eq. 1 with the note's α = 0.8, γ =
 * 4, and the clipping example g_W = (3, 4), g_b = (12)), a bad input (message, aria-invalid,
 * outputs —), and state restored from the URL.
 */
import { describe, expect, it } from 'vitest';
import { openCalculator, useSite, flowLangs } from './harness.ts';
import { out, error, field, expectClean, expectRejected, setFields, expectOutputs } from './calculator-kit.ts';

const site = useSite();

/** A bad field: its message is shown, it is marked invalid, and `output` shows —. */

describe.each(flowLangs('en'))('scale calculators (%s)', (lang) => {
  const en = lang === 'en';

  it('scaling-planner: Chinchilla 5.88e23 at 20 tokens/param is 70 B on 1.4 T; the fit; GPU-days; bad budget; URL', async () => {
    const { page, calc } = await openCalculator(site, 'scaling-planner', lang);
    await setFields(calc, { budget: '5.88e23', ratio: '20' });
    await expectOutputs(calc, {
      params: en ? '7×10¹⁰ (70 B)' : '7×10¹⁰（即 700 亿）',
      tokens: en ? '1.4×10¹² (1.4 T)' : '1.4×10¹²（即 1.4 万亿）',
      loss: en ? '1.937 nats per token' : '每词元 1.937 奈特',
    });
    // The fit's own optimum at this budget (the note's first worked example): 3.25e10 on 3.02e12, 93 tokens/param.
    expect(await out(calc, 'optimum').innerText()).toContain('3.25×10¹⁰');
    expect(await out(calc, 'plot').locator('svg path').count()).toBeGreaterThan(2);

    await field(calc, 'method').selectOption('fit');
    await expect.poll(() => out(calc, 'params').innerText()).toContain('3.25×10¹⁰');
    expect(await out(calc, 'ratioOut').innerText()).toContain('92.83');
    expect(await field(calc, 'ratio').isVisible()).toBe(false);

    // The note's GPU-days example: 1e23 FLOPs, 1,000 GPUs, 400 TFLOP/s, MFU 0.4.
    await setFields(calc, { budget: '1e23', gpus: '1000', peak: '400', mfu: '0.4' });
    await expectOutputs(calc, { time: en ? '7.234 days (173.6 hours)' : '7.234 天（173.6 小时）', gpuDays: '7,234' });
    await expectClean(calc);

    await field(calc, 'budget').fill('abc');
    await expectRejected(calc, 'budget', 'params');
    expect(await out(calc, 'time').innerText()).toBe('—');
    await field(calc, 'budget').fill('1e-3');
    // Polled: the field is already rejected ("abc"), so only the message tells the new value was read.
    await expect.poll(() => error(calc, 'budget').innerText()).toContain(en ? 'less than one parameter' : '一个参数');
    await expectRejected(calc, 'budget', 'params');
    expect(await out(calc, 'time').innerText()).toBe('—');
    await field(calc, 'mfu').fill('1.5');
    await expect.poll(() => error(calc, 'mfu').isVisible()).toBe(true);
    await page.close();

    // The note's sizing example from the address: 1e21 FLOPs at 20 tokens/param → 2.89 B on 57.7 B tokens.
    const { calc: shared } = await openCalculator(site, 'scaling-planner', lang, '?scaling-planner.budget=1e21');
    await expect.poll(() => out(shared, 'params').innerText()).toBe(en ? '2.89×10⁹ (2.89 B)' : '2.89×10⁹（即 28.9 亿）');
    expect(await field(shared, 'budget').inputValue()).toBe('1e21');
    site.assertNoErrors();
  });

  it('speculative-decoding: α = 0.8, γ = 4 → 3.3616 and 2.8013× (γ = 5 → 3.68928); bad α; p and q from the URL', async () => {
    const { page, calc } = await openCalculator(site, 'speculative-decoding', lang);
    await setFields(calc, { alpha: '0.8', gamma: '4', cost: '0.05' });
    await expectOutputs(calc, { tokens: '3.3616', speedup: '2.8013×' });
    // With α typed, the rows that need p and q are hidden.
    expect(await out(calc, 'accept').isVisible()).toBe(false);
    expect(await out(calc, 'best').innerText()).toBe(en ? 'γ = 8, speed-up 3.0921×' : 'γ = 8，加速比 3.0921×');
    await field(calc, 'gamma').fill('5');
    await expect.poll(() => out(calc, 'tokens').innerText()).toBe('3.68928');
    await field(calc, 'alpha').fill('1');
    await expect.poll(() => out(calc, 'tokens').innerText()).toBe('6');
    await field(calc, 'alpha').fill('0');
    await expect.poll(() => out(calc, 'tokens').innerText()).toBe('1');
    expect(await out(calc, 'speedup').innerText()).toContain(en ? 'slower' : '更慢');
    await expectClean(calc);

    await field(calc, 'alpha').fill('1.5');
    await expectRejected(calc, 'alpha', 'tokens');
    expect(await out(calc, 'speedup').innerText()).toBe('—');
    await page.close();

    // The note's acceptance-rate example, from the address.
    const { calc: shared } = await openCalculator(site, 'speculative-decoding', lang, '?speculative-decoding.source=dists');
    await expect.poll(() => out(shared, 'alphaUsed').innerText()).toContain('0.8');
    expect(await out(shared, 'alphaUsed').innerText()).toContain('= 0.2');
    expect(await out(shared, 'accept').innerText()).toBe('(0.8333, 1, 1, 0.3333)');
    expect(await out(shared, 'residual').innerText()).toBe('(0, 0.75, 0.25, 0)');
    expect(await field(shared, 'alpha').isVisible()).toBe(false);
    expect(await out(shared, 'tokens').innerText()).toBe('3.3616');
    await field(shared, 'q').fill('0.6, 0.4');
    await expectRejected(shared, 'q', 'tokens');
    site.assertNoErrors();
  });

  it('grad-clip: (3, 4) and (12) → 13, coefficient 1/(13 + 1e-6), 22.38° for per-tensor; bad line; URL', async () => {
    const { page, calc } = await openCalculator(site, 'grad-clip', lang);
    await setFields(calc, { grads: 'W: 3, 4\nb: 12', maxNorm: '1' });
    await expectOutputs(calc, { total: '13', coef: '0.076923071', totalAfter: '1', perTensorTotal: '1.41421', angle: '22.38°' });
    // Clipping by value at 1: (1, 1) and (1), acos(19/(13√3)) = 32.45° from the gradient.
    expect(await out(calc, 'angleByValue').innerText()).toBe('32.45°');
    const table = await out(calc, 'table').innerText();
    expect(table).toContain('(0.2308, 0.3077)');
    expect(table).toContain('(0.9231)');
    expect(table).toContain('(0.6, 0.8)');
    expect(table).toContain('(1, 1)');
    expect(await out(calc, 'plot').locator('svg').count()).toBe(3);
    await field(calc, 'maxNorm').fill('14');
    await expect.poll(() => out(calc, 'coef').innerText()).toBe('1');
    expect(await out(calc, 'status').innerText()).toContain(en ? 'Not clipped' : '未裁剪');
    await expectClean(calc);

    await field(calc, 'grads').fill('W: 3, 4\nb: x');
    await expectRejected(calc, 'grads', 'total');
    expect(await error(calc, 'grads').innerText()).toContain(en ? 'Line 2' : '第 2 行');
    await setFields(calc, { grads: 'W: 3, 4', maxNorm: '0' });
    await expectRejected(calc, 'maxNorm', 'coef');
    await page.close();

    const query = `?grad-clip.grads=${encodeURIComponent('attn.q: 3, 4')}&grad-clip.maxNorm=1`;
    const { calc: shared } = await openCalculator(site, 'grad-clip', lang, query);
    await expect.poll(() => out(shared, 'total').innerText()).toBe('5');
    expect(await out(shared, 'table').innerText()).toContain('attn.q');
    expect(await out(shared, 'table').innerText()).toContain('(0.6, 0.8)');
    site.assertNoErrors();
  });
});

describe.each(flowLangs('zh'))('scale calculators on a 360 px phone (%s)', (lang) => {
  it.each([
    ['scaling-planner', 'calculus/scaling-laws'],
    ['speculative-decoding', 'probability/decoding-strategies'],
    ['grad-clip', 'numerical-analysis/gradients-and-clipping'],
  ])('%s in its note does not overflow sideways', async (id, note) => {
    const { page } = await site.page({ viewport: { width: 360, height: 780 } });
    await page.goto(`${site.url}${lang}/${note}/`);
    const calc = page.locator(`afm-${id}`).first();
    await calc.scrollIntoViewIfNeeded();
    await page.locator(`afm-${id}[data-ready]`).first().waitFor({ state: 'attached' });
    await expect.poll(() => calc.locator('[data-out="plot"] svg').count()).toBeGreaterThan(0);
    // The calculator's box is no wider than its content area: wide tables scroll inside their own region.
    const widths = await calc.evaluate((el) => {
      const section = el.closest('section.calculator') ?? el;
      return { scroll: section.scrollWidth, client: section.clientWidth };
    });
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    await page.close();
    site.assertNoErrors();
  });
});
