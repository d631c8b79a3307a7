/**
 * Calculators of group b in a real browser, in Chinese (in both languages with
 * AFM_ALL_LANGUAGES=1, harness.ts): each computes a known case from typed input, shows a message
 * for input it cannot use (and no result), and restores its state from the URL. Calculators:
 * float-inspector, softmax-stability, lr-schedule, optimizer-race, backprop-stepper,
 * mutual-information.
 */
import { describe, expect, it } from 'vitest';
import { openCalculator, useSite, flowLangs } from './harness.ts';
import { out, error, field, expectClean, setFields, expectRejected } from './calculator-kit.ts';

const site = useSite();

describe.each(flowLangs('zh'))('group b calculators (%s)', (lang) => {
  it('float-inspector: 0.1 in FP16 and BF16; bad input; FP16 overflow from the URL', async () => {
    const { page, calc } = await openCalculator(site, 'float-inspector', lang);
    await setFields(calc, { value: '0.1', format: 'fp16' });
    await expect.poll(() => out(calc, 'stored').innerText()).toBe('0.0999755859375');
    expect((await out(calc, 'bits').innerText()).replace(/\s+/g, ' ')).toContain('0 01011 1001100110');
    // Exactly 0.0999755859375 − 1/10, against the typed 0.1 (not the double nearest it), with U+2212.
    expect(await out(calc, 'error').innerText()).toBe('−0.0000244140625');
    await field(calc, 'format').selectOption('bf16');
    await expect.poll(() => out(calc, 'stored').innerText()).toBe('0.10009765625');
    await field(calc, 'format').selectOption('e4m3');
    await expect.poll(() => out(calc, 'max').innerText()).toBe('448');
    await expectClean(calc);

    await field(calc, 'value').fill('abc');
    await expectRejected(calc, 'value', 'stored');

    const { calc: shared } = await openCalculator(site, 'float-inspector', lang, '?float-inspector.value=65520&float-inspector.format=fp16');
    await expect.poll(() => out(shared, 'stored').innerText()).toBe('∞');
    expect(await out(shared, 'status').innerText()).toContain(lang === 'en' ? 'Overflow' : '上溢');
    await page.close();

    // E4M3 has no infinity: 500 becomes NaN under the non-saturating conversion, 448 when saturating.
    const { calc: e4m3 } = await openCalculator(site, 'float-inspector', lang, '?float-inspector.value=500&float-inspector.format=e4m3');
    await expect.poll(() => out(e4m3, 'status').innerText()).toContain(lang === 'en' ? 'non-saturating conversion' : '非饱和转换');
    expect(await out(e4m3, 'status').innerText()).toContain('448');
    expect(await out(e4m3, 'stored').innerText()).toContain('NaN');
    await field(e4m3, 'saturate').check();
    await expect.poll(() => out(e4m3, 'stored').innerText()).toBe('448');
    expect(await out(e4m3, 'status').innerText()).toContain(lang === 'en' ? 'saturating conversion' : '饱和转换');
    site.assertNoErrors();
  });

  it('softmax-stability: [1000, 999] overflows naively, stable gives 0.7311 / 0.2689; float16 from the URL', async () => {
    const { calc } = await openCalculator(site, 'softmax-stability', lang);
    await field(calc, 'logits').fill('1000, 999');
    await expect.poll(() => out(calc, 'naiveStatus').innerText()).toContain('exp(1000) = ∞');
    // The default logits overflow too, so wait for the table of the new ones.
    await expect.poll(() => out(calc, 'table').innerText()).toContain('0.7311');
    const table = await out(calc, 'table').innerText();
    expect(table).toContain('0.2689');
    expect(await out(calc, 'lseStable').innerText()).toContain('1,000.3133');
    await expectClean(calc);

    await field(calc, 'logits').fill('1, x');
    await expect.poll(() => error(calc, 'logits').innerText()).toContain(lang === 'en' ? 'Item 2' : '第 2 项');
    expect(await out(calc, 'table').innerText()).toBe('');

    const { calc: shared } = await openCalculator(site, 'softmax-stability', lang, '?softmax-stability.logits=12,11&softmax-stability.precision=float16');
    await expect.poll(() => out(shared, 'naiveStatus').innerText()).toContain('exp(12) = ∞');

    // Every exp finite (e^10 ≈ 22026 < 65504) but the FP16 sum of three overflows: its own message.
    await field(shared, 'logits').fill('10, 10, 10');
    await expect.poll(() => out(shared, 'naiveStatus').innerText()).toContain(lang === 'en' ? 'overflow in the sum' : '求和上溢');
    expect(await out(shared, 'lseNaive').innerText()).toBe(lang === 'en' ? '∞ (overflow in the sum: log ∞)' : '∞ (求和上溢：log ∞)');
    expect(await out(shared, 'table').innerText()).toContain('0.3333');
    site.assertNoErrors();
  });

  it('lr-schedule: cosine halfway = (peak + min)/2; warm-up longer than the run; step from the URL', async () => {
    const { calc } = await openCalculator(site, 'lr-schedule', lang);
    await field(calc, 'at').fill('5500');
    await expect.poll(() => out(calc, 'lrAt').innerText()).toBe('0.000165');
    expect(await out(calc, 'plot').locator('svg[role="img"]').count()).toBe(1);

    await field(calc, 'warmup').fill('20000');
    await expect.poll(() => error(calc, 'warmup').isVisible()).toBe(true);
    expect(await out(calc, 'lrAt').innerText()).toBe('—');

    const { calc: shared } = await openCalculator(site, 'lr-schedule', lang, '?lr-schedule.at=500');
    await expect.poll(() => out(shared, 'lrAt').innerText()).toBe('0.00015');
    expect(await field(shared, 'at').inputValue()).toBe('500');
    site.assertNoErrors();
  });

  it('optimizer-race: GD after 3 steps; a bad start point; the divergence warning from the URL', async () => {
    const { calc } = await openCalculator(site, 'optimizer-race', lang);
    await setFields(calc, { kappa: '10', lr: '0.1', start: '1, 1', steps: '3' });
    // x = 0.9³ = 0.729 and y = 0 after one step (1 − ηκ = 0).
    await expect.poll(() => out(calc, 'table').locator('tbody tr').first().innerText()).toContain('(0.729, 0)');
    expect(await out(calc, 'paths').locator('svg[role="img"] path').count()).toBeGreaterThan(4);
    await expectClean(calc);

    await field(calc, 'start').fill('1');
    await expect.poll(() => error(calc, 'start').innerText()).toContain(lang === 'en' ? 'exactly 2' : '恰好 2');
    expect(await out(calc, 'table').innerText()).toBe('');

    const { calc: shared } = await openCalculator(site, 'optimizer-race', lang, '?optimizer-race.lr=0.25');
    await expect.poll(() => out(shared, 'warning').innerText()).toContain('2/λmax = 0.2');
    expect(await out(shared, 'warning').innerText()).toContain(lang === 'en' ? 'blew up at step 35' : '第 35 步发散');
    site.assertNoErrors();
  });

  it('backprop-stepper: the hand case x=1, w=0, b=0, y=1 step by step; bad input; last step from the URL', async () => {
    const { calc } = await openCalculator(site, 'backprop-stepper', lang);
    await setFields(calc, { x: '1', w: '0', b: '0', y: '1' });
    for (let i = 0; i < 5; i++) await calc.locator('button[data-act="next"]').click();
    await expect.poll(() => out(calc, 'progress').innerText()).toContain('L = 0.25');
    expect(await field(calc, 'step').inputValue()).toBe('5');
    await calc.locator('button[data-act="back"]').click();
    await expect.poll(() => out(calc, 'progress').innerText()).toContain('d = −0.5');
    expect(await out(calc, 'dw').innerText()).toBe('−0.25');
    expect(await out(calc, 'fdw').innerText()).toBe('−0.25');
    await expectClean(calc);

    await field(calc, 'w').fill('1,5');
    await expect.poll(() => error(calc, 'w').innerText()).toContain('1.5');
    expect(await out(calc, 'dw').innerText()).toBe('—');

    const { calc: shared } = await openCalculator(site, 'backprop-stepper', lang, '?backprop-stepper.step=14');
    await expect.poll(() => out(shared, 'progress').innerText()).toContain(lang === 'en' ? 'Step 14 of 14' : '第 14 步');
    expect(await shared.locator('button[data-act="next"]').isDisabled()).toBe(true);
    site.assertNoErrors();
  });

  it('mutual-information: the default table, the diagonal (1 bit); counts need normalising; nats from the URL', async () => {
    const { calc } = await openCalculator(site, 'mutual-information', lang);
    await expect.poll(() => out(calc, 'mi').innerText()).toContain('0.1245');
    await field(calc, 'joint').fill('0.5 0; 0 0.5');
    await expect.poll(() => out(calc, 'mi').innerText()).toBe(lang === 'en' ? '1 bit' : '1 比特');
    expect(await out(calc, 'diagram').locator('svg[role="img"]').count()).toBe(1);

    await field(calc, 'joint').fill('3 2; 1 4');
    await expect.poll(() => error(calc, 'joint').innerText()).toContain('10');
    expect(await out(calc, 'mi').innerText()).toBe('—');
    await field(calc, 'normalise').check();
    await expect.poll(() => out(calc, 'mi').innerText()).toContain('0.1245');
    expect(await error(calc, 'joint').isVisible()).toBe(false);

    const { calc: shared } = await openCalculator(site, 'mutual-information', lang, '?mutual-information.joint=0.5%200%3B0%200.5&mutual-information.unit=nats');
    await expect.poll(() => out(shared, 'mi').innerText()).toBe(lang === 'en' ? '0.6931 nats' : '0.6931 奈特');
    site.assertNoErrors();
  });
});
