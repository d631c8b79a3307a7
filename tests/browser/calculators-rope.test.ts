/**
 * The RoPE explorer and the PCA explorer in a real browser, in Chinese (in both languages with
 * AFM_ALL_LANGUAGES=1, harness.ts): each computes a known case from typed input, shows a message
 * for input it cannot use (and no result), and restores its state from the URL.
 */
import { describe, expect, it } from 'vitest';
import { openCalculator, useSite, flowLangs } from './harness.ts';
import { out, error, field, expectClean, setFields, expectOutputs, expectRejected } from './calculator-kit.ts';

const site = useSite();

describe.each(flowLangs('zh'))('RoPE and PCA explorers (%s)', (lang) => {
  it('rope-explorer: LLaMA-2 table; the note’s d = 4 example; odd d; Δ = 0 from the URL', async () => {
    const { calc } = await openCalculator(site, 'rope-explorer', lang);
    // Defaults: d = 128, b = 10000, m = 4096 — the note's table. Pair 63: 0.4730 rad ≈ 27.10°, wavelength 54,410.
    await expect.poll(() => out(calc, 'pairs').innerText()).toBe('64');
    const rows = out(calc, 'table').locator('tbody tr');
    expect(await rows.count()).toBe(64);
    const last = await rows.nth(63).innerText();
    expect(last).toContain('27.101');
    expect(last).toContain('0.473');
    expect(last).toContain('54,410.1');
    expect(await out(calc, 'plot').locator('svg[role="img"]').count()).toBe(1);

    // The note's worked example: q = (1, 2, 1, 1), k = (3, 1, 2, −1) (the fields' defaults), m = 2, n = 5, shifted by 10.
    await setFields(calc, { vectors: 'custom', d: '4', m: '2', n: '5', t: '10' });
    await expectOutputs(calc, { score: '−3.15483', shifted: '−3.15483', relative: '−3.15483', unrotated: '6' });
    await expectClean(calc);

    await field(calc, 'd').fill('5');
    await expectRejected(calc, 'd', 'score', lang === 'en' ? 'even' : '偶数');
    expect(await out(calc, 'table').innerText()).toBe('');

    // All-ones vectors at offset 0: q̃·k̃ = |q|² = d = 4.
    const { calc: shared } = await openCalculator(site, 'rope-explorer', lang, '?rope-explorer.d=4&rope-explorer.n=4096');
    await expect.poll(() => out(shared, 'score').innerText()).toBe('4');
    expect(await field(shared, 'd').inputValue()).toBe('4');
    expect(await out(shared, 'pairs').innerText()).toBe('2');

    // Seeded random q = k (mulberry32, seed 1): at offset 0 the score is |q|² = 1.98233, the unrotated q·k.
    await field(shared, 'vectors').selectOption('random');
    await expectOutputs(shared, { score: '1.98233', unrotated: '1.98233' });
    await field(shared, 'seed').fill('-1');
    await expect.poll(() => field(shared, 'seed').getAttribute('aria-invalid')).toBe('true');
    expect(await out(shared, 'score').innerText()).toBe('—');
    await expectClean(shared);
    site.assertNoErrors();
  });

  it('pca: the note’s four points; a diagonal case typed in; one point and equal points refused; the 3-D preset from the URL', async () => {
    const { calc } = await openCalculator(site, 'pca', lang);
    // The note: mean (3, 2), C = [[2, 1], [1, 2]], λ = 3 and 1, w₁ = (1, 1)/√2, 75 %, PC1 coordinates ±2.1213.
    await expectOutputs(calc, { mean: '(3, 2)', ratio: '75 %' });
    expect(await out(calc, 'covNote').innerText()).toContain('n − 1 = 3');
    expect((await out(calc, 'covariance').locator('tbody').innerText()).replace(/\s+/g, ' ').trim()).toBe('x 2 1 y 1 2');
    const components = await out(calc, 'components').innerText();
    expect(components).toContain('(0.70711, 0.70711)');
    expect(components).toContain('(0.70711, −0.70711)');
    expect(await out(calc, 'scores').innerText()).toContain('−2.12132');
    expect(await out(calc, 'plot').locator('svg[role="img"]').count()).toBe(1);

    // Typed: (±1, 0), (0, ±2) → C = diag(2/3, 8/3), PC1 = (0, 1) explains 80 %; the select follows.
    await field(calc, 'points').fill('1, 0\n-1, 0\n0, 2\n0, -2');
    await expectOutputs(calc, { ratio: '80 %', mean: '(0, 0)' });
    expect(await out(calc, 'components').innerText()).toContain('(0, 1)');
    expect(await field(calc, 'preset').inputValue()).toBe('custom');

    // The square's corners: equal variances, directions not unique, no projection shown.
    await field(calc, 'preset').selectOption('square');
    await expect.poll(() => out(calc, 'note').innerText()).toContain('λ₁ = λ₂');
    expect(await out(calc, 'components').innerText()).toContain(lang === 'en' ? 'not unique' : '不唯一');
    await expectClean(calc);

    await field(calc, 'points').fill('1, 2');
    await expectRejected(calc, 'points', 'mean', lang === 'en' ? 'at least 2 points' : '至少输入 2 个点');
    await field(calc, 'points').fill('0.1, 0.7\n0.1, 0.7\n0.1, 0.7');
    await expect.poll(() => error(calc, 'points').innerText()).toContain(lang === 'en' ? 'All points are the same' : '所有点都相同');
    expect(await out(calc, 'ratio').innerText()).toBe('—');

    const { calc: shared } = await openCalculator(site, 'pca', lang, '?pca.preset=space');
    await expectOutputs(shared, { n: '6', mean: '(0, 0, 0)' });
    expect(await out(shared, 'components').locator('tbody tr').count()).toBe(3);
    expect(await field(shared, 'preset').inputValue()).toBe('space');
    await expectClean(shared);
    site.assertNoErrors();
  });
});
