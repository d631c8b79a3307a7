/**
 * What every calculator browser test file shares besides the harness (`useSite`,
 * `openCalculator`): a calculator's fields, messages and outputs by name, typing a case in and
 * reading its results, and the checks every calculator must pass.
 */
import { expect } from 'vitest';
import type { Locator } from 'playwright-core';

export type { Lang } from './harness.ts';

export const out = (calc: Locator, name: string) => calc.locator(`[data-out="${name}"]`);
export const error = (calc: Locator, name: string) => calc.locator(`[data-error-for="${name}"]`);
export const field = (calc: Locator, name: string) => calc.locator(`[name="${name}"]`);

/** Types each value into its field (a select gets the option chosen instead), in the order given: a case from a note, typed in. */
export async function setFields(calc: Locator, values: Record<string, string>): Promise<void> {
  for (const [name, value] of Object.entries(values)) {
    const control = field(calc, name);
    if (await control.evaluate((el) => el instanceof HTMLSelectElement)) await control.selectOption(value);
    else await control.fill(value);
  }
}

/**
 * Each output shows its text exactly, polled together until they all do (the calculator
 * recomputes after the last edit). Polling one and reading the rest at once failed twice in CI
 * on the summation lab: another output did not yet show its final value.
 */
export async function expectOutputs(calc: Locator, texts: Record<string, string>): Promise<void> {
  const names = Object.keys(texts);
  const shown = async () => Object.fromEntries(await Promise.all(names.map(async (name) => [name, await out(calc, name).innerText()])));
  await expect.poll(shown, { message: `outputs ${names.join(', ')}` }).toEqual(texts);
}

/** No raw NaN / Infinity / null ever reaches the results ("undefined" may be a word there: "∞/∞ is undefined"). */
export async function expectClean(calc: Locator): Promise<void> {
  expect(await calc.locator('.calculator-results').innerText()).not.toMatch(/NaN|Infinity|\bnull\b/);
}

/** The field shows a message (containing `text`, if given), is marked invalid, and `output` shows —. */
export async function expectRejected(calc: Locator, name: string, output: string, text?: string): Promise<void> {
  await expect.poll(() => error(calc, name).isVisible()).toBe(true);
  // Polled: the field may still show the previous input's message until it re-validates.
  if (text === undefined) await expect.poll(async () => (await error(calc, name).innerText()).trim()).not.toBe('');
  else await expect.poll(() => error(calc, name).innerText()).toContain(text);
  expect(await field(calc, name).getAttribute('aria-invalid')).toBe('true');
  expect(await out(calc, output).innerText()).toBe('—');
}

/** A calculator's state as the query string of a shared link: `?<id>.<field>=<value>&…`. */
export const query = (id: string, params: Record<string, string>) =>
  `?${new URLSearchParams(Object.entries(params).map(([k, v]) => [`${id}.${k}`, v])).toString()}`;
