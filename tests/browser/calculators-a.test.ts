/**
 * Calculators of group a in a real browser, in English (in both languages with
 * AFM_ALL_LANGUAGES=1, harness.ts): each computes a known case from typed input, shows a message
 * for input it cannot use (and no result), and restores its state from the URL. Calculators:
 * transform-explorer, attention, transformer-params, sampling-lab, entropy-kl.
 */
import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { openCalculator, useSite, flowLangs } from './harness.ts';
import { out, error, field, expectClean, expectRejected, query, setFields, expectOutputs } from './calculator-kit.ts';

const site = useSite();

/** The field shows a visible message containing `text`, is marked invalid, and `output` shows no result. */
const expectMessage = (calc: Locator, name: string, text: string, output: string) => expectRejected(calc, name, output, text);

const bits = { en: 'bits', zh: '比特' };
/** "1 bit": the unit agrees with the number (Chinese has one form). */
const bit = { en: 'bit', zh: '比特' };

describe.each(flowLangs('en'))('group a calculators (%s)', (lang) => {
  it('transform-explorer: a 90° rotation has eigenvalues ±i; a ragged matrix; a diagonal matrix from the URL', async () => {
    const { page, calc } = await openCalculator(site, 'transform-explorer', lang);
    await field(calc, 'A').fill('0 -1; 1 0');
    await expectOutputs(calc, { av: '(0, 1)', det: '1', trace: '0', sigma: '1, 1' });
    const eigenText = await out(calc, 'eigen').innerText();
    expect(eigenText).toContain('1i');
    expect(eigenText).toContain('−1i');
    expect(await out(calc, 'note').innerText()).toContain('90°');
    expect(await out(calc, 'plot').locator('svg[role="img"]').getAttribute('aria-label')).toBeTruthy();
    await expectClean(calc);

    await field(calc, 'A').fill('1 2; 3');
    await expectMessage(calc, 'A', lang === 'en' ? 'same number of entries' : '元素个数必须相同', 'av');
    await field(calc, 'A').fill('1 2 0; 3 4 0; 0 0 1');
    await expectMessage(calc, 'v', lang === 'en' ? 'exactly 3 numbers' : '恰好 3 个数', 'av');
    await page.close();

    const { calc: shared } = await openCalculator(site, 'transform-explorer', lang, query('transform-explorer', { A: '2 0 0; 0 3 4; 0 4 9', v: '0, 1, 0' }));
    expect(await field(shared, 'A').inputValue()).toBe('2 0 0; 0 3 4; 0 4 9');
    await expectOutputs(shared, { av: '(0, 3, 4)', det: '22' });
    const rows = await out(shared, 'eigen').locator('tbody th').allInnerTexts();
    expect(rows).toEqual(['11', '2', '1']);
    await expectClean(shared);
    site.assertNoErrors();
  });

  it('attention: a hand-computed 2×2 case with and without scaling; mismatched shapes; state from the URL', async () => {
    const { page, calc } = await openCalculator(site, 'attention', lang);
    await setFields(calc, { Q: '1 0; 0 1', K: '1 0; 0 1', V: '1 0; 0 1' });
    // Scaled: softmax([1, 0]/√2) = [0.670, 0.330].
    await expect.poll(() => out(calc, 'weights').locator('tbody tr').first().innerText()).toMatch(/0\.67\s+0\.33/);
    expect(await out(calc, 'dk').innerText()).toContain('2');
    await field(calc, 'scale').uncheck();
    // Unscaled: softmax([1, 0]) = [0.731, 0.269].
    await expect.poll(() => out(calc, 'weights').locator('tbody tr').first().innerText()).toMatch(/0\.731\s+0\.269/);
    expect(await out(calc, 'output').locator('tbody tr').first().innerText()).toMatch(/0\.731\s+0\.269/);
    await expectClean(calc);

    await field(calc, 'K').fill('1 0 0; 0 1 0');
    await expect.poll(() => error(calc, 'K').isVisible()).toBe(true);
    expect(await error(calc, 'K').innerText()).toContain(lang === 'en' ? 'as many columns as Q' : '列数必须与 Q 相同');
    expect(await out(calc, 'dk').innerText()).toBe('—');
    expect(await out(calc, 'weights').innerHTML()).toBe('');
    await page.close();

    const { calc: shared } = await openCalculator(site, 'attention', lang, query('attention', { Q: '1 0; 0 1', K: '1 0; 0 1', V: '1 0; 0 1', scale: '0' }));
    expect(await field(shared, 'scale').isChecked()).toBe(false);
    await expect.poll(() => out(shared, 'weights').locator('tbody tr').first().innerText()).toMatch(/0\.731\s+0\.269/);
    site.assertNoErrors();
  });

  it('transformer-params: GPT-2 small and medium; heads that do not divide d_model; untied head from the URL', async () => {
    const { page, calc } = await openCalculator(site, 'transformer-params', lang);
    await expect.poll(() => out(calc, 'total').innerText()).toContain('124,439,808');
    expect(await out(calc, 'kv').innerText()).toBe('36 MiB');
    await setFields(calc, { dModel: '1024', layers: '24', heads: '16', dFf: '4096' });
    await expect.poll(() => out(calc, 'total').innerText()).toContain('354,823,168');
    await expectClean(calc);

    await field(calc, 'heads').fill('7');
    await expectMessage(calc, 'heads', lang === 'en' ? 'divisible' : '整除', 'total');
    await field(calc, 'heads').fill('-2');
    await expectMessage(calc, 'heads', lang === 'en' ? 'at least 1' : '不能小于 1', 'total');
    await page.close();

    const { calc: shared } = await openCalculator(site, 'transformer-params', lang, query('transformer-params', { tied: '0', dtype: 'FP32', batch: '2' }));
    expect(await field(shared, 'tied').isChecked()).toBe(false);
    // 124,439,808 + 50,257 × 768 for the separate LM head; KV cache 2·12·1024·768·2·4 B = 144 MiB.
    await expect.poll(() => out(shared, 'total').innerText()).toContain('163,037,184');
    expect(await out(shared, 'total').innerText()).toContain(lang === 'en' ? '163 M' : '1.63 亿');
    expect(await out(shared, 'kv').innerText()).toBe('144 MiB');

    // LLaMA-2 70B's attention: 64 query heads share 8 KV heads; KV cache 2·80·8·128·4096·2 B = 1.25 GiB.
    const { calc: llama } = await openCalculator(
      site,
      'transformer-params',
      lang,
      query('transformer-params', { dModel: '8192', layers: '80', heads: '64', kvHeads: '8', context: '4096', dtype: 'BF16' }),
    );
    await expectOutputs(llama, { kv: '1.25 GiB', headDim: '128' });
    await field(llama, 'kvDtype').selectOption('INT4');
    await expect.poll(() => out(llama, 'kv').innerText()).toBe('320 MiB');
    await field(llama, 'kvHeads').fill('6');
    await expectMessage(llama, 'kvHeads', lang === 'en' ? 'divisor of 64' : '64 的约数', 'kv');
    // GPT-3: 175.2 B (1,752 亿), not "175,200 M".
    await setFields(llama, { kvHeads: '', dModel: '12288', layers: '96', heads: '96', dFf: '49152', context: '2048' });
    await field(llama, 'tied').uncheck();
    await expect.poll(() => out(llama, 'total').innerText()).toBe(lang === 'en' ? '175,221,817,344 (175.2 B)' : '175,221,817,344 (1,752 亿)');
    await expectClean(llama);
    site.assertNoErrors();
  });

  it('sampling-lab: top-k on equal logits; draw again; temperature 0 refused; top-p from the URL', async () => {
    const { page, calc } = await openCalculator(site, 'sampling-lab', lang);
    await setFields(calc, { logits: '1, 1, 1, 1', temperature: '1', topK: '2', topP: '1' });
    await expectOutputs(calc, { kept: '#0, #1 (2 / 4)', hBefore: `2 ${bits[lang]}`, hAfter: `1 ${bit[lang]}` });
    expect(await out(calc, 'sample').innerText()).toMatch(/^#[01] \(p = 0\.5\)$/);
    await calc.locator('[data-action="draw"]').click();
    expect(await field(calc, 'seed').inputValue()).toBe('43');
    await expect.poll(() => page.url()).toContain('sampling-lab.seed=43');
    await expectClean(calc);

    await field(calc, 'temperature').fill('0');
    await expectMessage(calc, 'temperature', lang === 'en' ? 'greater than 0' : '必须大于 0', 'kept');
    await page.close();

    const { calc: shared } = await openCalculator(site, 'sampling-lab', lang, query('sampling-lab', { logits: '3, 2, 1', temperature: '1', topP: '0.5' }));
    await expectOutputs(shared, { kept: '#0 (1 / 3)', sample: '#0 (p = 1)' });
    site.assertNoErrors();
  });

  it('entropy-kl: KL(Bern(0.5)‖Bern(0.25)); lists that do not sum to 1; infinite KL; logits mode from the URL', async () => {
    const { page, calc } = await openCalculator(site, 'entropy-kl', lang);
    await setFields(calc, { P: '0.5, 0.5', Q: '0.25, 0.75' });
    await expectOutputs(calc, { klpq: `0.2075 ${bits[lang]}`, hp: `1 ${bit[lang]}` });
    await field(calc, 'unit').selectOption('nats');
    await expect.poll(() => out(calc, 'hp').innerText()).toBe(`0.6931 ${lang === 'en' ? 'nats' : '奈特'}`);
    await field(calc, 'unit').selectOption('bits');

    await field(calc, 'Q').fill('0.5, 0.6');
    await expectMessage(calc, 'Q', lang === 'en' ? 'add up to 1.1' : '之和为 1.1', 'klpq');
    await field(calc, 'normalise').check();
    await expect.poll(() => error(calc, 'Q').isVisible()).toBe(false);
    expect(await out(calc, 'hq').innerText()).not.toBe('—');
    await field(calc, 'Q').fill('0.5, 0.5, 0');
    await expectMessage(calc, 'Q', lang === 'en' ? 'as many entries as P' : '项数必须与 P 相同', 'klpq');

    await field(calc, 'Q').fill('1, 0');
    await expectOutputs(calc, { klpq: `∞ ${bits[lang]}`, ppl: '∞', klqp: `1 ${bit[lang]}` });
    expect(await out(calc, 'why').innerText()).toContain('#1');
    await expectClean(calc);
    await page.close();

    const { calc: shared } = await openCalculator(site, 'entropy-kl', lang, query('entropy-kl', { mode: 'logits', logits: '0, 0', target: '1' }));
    expect(await field(shared, 'P').isVisible()).toBe(false);
    await expectOutputs(shared, { hpq: `1 ${bit[lang]}`, ppl: '2', klqp: `∞ ${bits[lang]}` });
    await expectClean(shared);
    // Logits far apart: log-softmax keeps the loss finite (2000 nats), the perplexity e^2000 comes from its logarithm.
    await setFields(shared, { unit: 'nats', logits: '1000, 0, -1000', target: '2' });
    await expectOutputs(shared, { hpq: `2,000 ${lang === 'en' ? 'nats' : '奈特'}`, klpq: `2,000 ${lang === 'en' ? 'nats' : '奈特'}`, ppl: '≈ 3.881×10⁸⁶⁸' });
    await expectClean(shared);
    site.assertNoErrors();
  });
});
