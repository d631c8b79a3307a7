/**
 * The PPO clip and KL checker (ppo-clip) and the coin-bias posterior (beta-coin) in a real
 * browser, in Chinese (in both languages with AFM_ALL_LANGUAGES=1, harness.ts): a known case typed
 * in (the notes' worked examples), a message for input they cannot use (field marked invalid,
 * outputs —), and state restored from the URL.
 */
import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { openCalculator, useSite, flowLangs } from './harness.ts';
import { out, error, field, expectClean, query, setFields, expectOutputs } from './calculator-kit.ts';

const site = useSite();

/** The field shows a visible message, is marked invalid, and each output shows —. */
async function expectRefused(calc: Locator, name: string, outputs: string[]): Promise<void> {
  await expect.poll(() => error(calc, name).isVisible()).toBe(true);
  expect((await error(calc, name).innerText()).length).toBeGreaterThan(3);
  expect(await field(calc, name).getAttribute('aria-invalid')).toBe('true');
  for (const o of outputs) expect(await out(calc, o).innerText()).toBe('—');
}

describe.each(flowLangs('zh'))('ppo-clip and beta-coin (%s)', (lang) => {
  const en = lang === 'en';

  it('ppo-clip: the note’s clip example and KL table; bad log-probability and reference; clipped negative advantage from the URL', async () => {
    const { calc } = await openCalculator(site, 'ppo-clip', lang);
    // Note: log π_old = −1.2, new −0.95, A = +0.5 → r = e^0.25 = 1.2840, L = 0.6, no gradient.
    await setFields(calc, { logpNew: '-0.95', logpOld: '-1.2', A: '0.5' });
    await expectOutputs(calc, { ratio: '1.28403', unclipped: '0.642013', objective: '0.6' });
    expect(await out(calc, 'active').innerText()).toContain(en ? 'Yes' : '是');
    expect(await out(calc, 'plot').locator('svg[role="img"]').count()).toBe(1);
    // Then −1.3: r = 0.9048 inside the range, L = 0.4524, the gradient flows.
    await field(calc, 'logpNew').fill('-1.3');
    await expect.poll(() => out(calc, 'objective').innerText()).toBe('0.452419');
    expect(await out(calc, 'active').innerText()).toContain(en ? 'No' : '否');
    // Note's KL example: q = (0.5, 0.3, 0.2), p = (0.4, 0.4, 0.2).
    await setFields(calc, { q: '0.5, 0.3, 0.2', p: '0.4, 0.4, 0.2' });
    await expect.poll(() => out(calc, 'kl').innerText()).toBe(en ? '0.02527 nats' : '0.02527 奈特');
    const stats = out(calc, 'stats');
    expect(await stats.locator('tbody tr').nth(0).innerText()).toMatch(/k1\s+0\.02527\s+0\s+0\.2216/);
    expect(await stats.locator('tbody tr').nth(1).innerText()).toMatch(/k2\s+0\.02486\s+−0\.0004047\s+0\.01433/);
    expect(await stats.locator('tbody tr').nth(2).innerText()).toMatch(/k3\s+0\.02527\s+0\s+0\.01596/);
    expect(await out(calc, 'table').locator('tbody tr').nth(1).innerText()).toContain('−0.2877');
    await expectClean(calc);
    // The reference has 0.2 where the policy never samples: KL = ln(0.5/0.4) = 0.2231, E[k3] = KL − 0.2.
    await field(calc, 'q').fill('0.5, 0.5, 0');
    await expect.poll(() => out(calc, 'kl').innerText()).toBe(en ? '0.2231 nats' : '0.2231 奈特');
    expect(await stats.locator('tbody tr').nth(2).innerText()).toMatch(/k3\s+0\.02314\s+−0\.2\s/);
    expect(await out(calc, 'klWhy').innerText()).toContain(en ? 'never samples' : '从不采到');
    expect(await out(calc, 'table').locator('tbody tr').nth(2).innerText()).toContain(en ? 'never sampled' : '不会被采到');
    await field(calc, 'q').fill('0.5, 0.3, 0.2');

    await field(calc, 'logpNew').fill('0.3');
    await expectRefused(calc, 'logpNew', ['ratio', 'objective', 'active']);
    await field(calc, 'p').fill('0.5, 0.6, 0.2');
    await expectRefused(calc, 'p', ['kl']);
    expect(await error(calc, 'p').innerText()).toContain('1.3');
    await field(calc, 'p').fill('0.5, 0.5');
    await expect.poll(() => error(calc, 'p').innerText()).toContain('3');

    // Note: r given directly as 0.7047 with A = −1: the clipped term −0.8 wins.
    const { calc: shared } = await openCalculator(
      site,
      'ppo-clip',
      lang,
      query('ppo-clip', { mode: 'ratio', ratio: '0.7047', A: '-1', q: '0.2, 0.3, 0.5', p: '0.2, 0.3, 0.5' }),
    );
    await expect.poll(() => out(shared, 'objective').innerText()).toBe('−0.8');
    expect(await field(shared, 'ratio').inputValue()).toBe('0.7047');
    expect(await field(shared, 'logpNew').isVisible()).toBe(false);
    expect(await out(shared, 'why').innerText()).toContain(en ? 'no gradient' : '不贡献梯度');
    expect(await out(shared, 'kl').innerText()).toBe(en ? '0 nats' : '0 奈特');
    expect(await out(shared, 'klWhy').innerText()).toContain(en ? 'same' : '相同');
    await expectClean(shared);
    site.assertNoErrors();
  });

  it('beta-coin: 7 heads 3 tails with Beta(2, 2); bad prior and flips; no flips and a uniform prior from the URL', async () => {
    const { calc } = await openCalculator(site, 'beta-coin', lang);
    await setFields(calc, { h: '7', t: '3', a: '2', b: '2' });
    await expectOutputs(calc, { map: '0.6667', mle: '0.7', posterior: 'Beta(9, 5)', mean: '0.6429' });
    // 2.5% and 97.5% quantiles of Beta(9, 5): 0.38574, 0.86142 (tests/unit/calculators/beta-coin.test.ts).
    expect(await out(calc, 'interval').innerText()).toBe(en ? '0.3857 to 0.8614' : '0.3857 至 0.8614');
    expect(await out(calc, 'plot').locator('svg[role="img"] path').count()).toBeGreaterThanOrEqual(5);
    // Note: three heads in three flips → MLE 1, MAP 0.8.
    await setFields(calc, { t: '0', h: '3' });
    await expectOutputs(calc, { map: '0.8', mle: '1' });
    await expectClean(calc);

    await field(calc, 'a').fill('0');
    await expectRefused(calc, 'a', ['map', 'posterior', 'mean', 'interval']);
    await setFields(calc, { a: '2', h: '2.5' });
    await expectRefused(calc, 'h', ['mle', 'map']);

    const { calc: shared } = await openCalculator(site, 'beta-coin', lang, query('beta-coin', { h: '0', t: '0', a: '1', b: '1' }));
    await expect.poll(() => out(shared, 'mle').innerText()).toContain(en ? 'not defined' : '无定义');
    expect(await out(shared, 'map').innerText()).toContain(en ? 'not unique' : '不唯一');
    expect(await out(shared, 'interval').innerText()).toBe(en ? '0.025 to 0.975' : '0.025 至 0.975');
    expect(await field(shared, 'a').inputValue()).toBe('1');
    expect(await out(shared, 'why').innerText()).toContain('0/0');
    site.assertNoErrors();
  });
});
