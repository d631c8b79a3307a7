/**
 * axe-core for the accessibility gate (a11y.test.ts, a11y-phone.test.ts): a context that adds it
 * to every document, the runs, findings written so a failure says what to fix, and the pages of
 * each kind both files check.
 */
import { join } from 'node:path';
import { expect } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { flowLangs, layOutWholeNote, type Lang, type Site } from './harness.ts';
import { repoRoot } from '../helpers/content.ts';
import { builtPages } from '../helpers/site.ts';
import { areaCalculatorsRoute, calculatorsByArea } from '../../src/components/calculators/info.ts';

const axePath = join(repoRoot, 'node_modules', 'axe-core', 'axe.min.js');
const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
/** What a change of theme can break: the WCAG rules about colour. */
export const colourRules = ['color-contrast', 'link-in-text-block'];

type AxeNode = { target: string[]; failureSummary?: string; html: string };
type AxeViolation = { id: string; impact: string | null; help: string; nodes: AxeNode[] };

/** axe's findings, one readable line per violation and element, so a failure says what to fix. */
function describeViolations(violations: AxeViolation[]): string[] {
  return violations.flatMap((v) =>
    v.nodes.map(
      (n) => `${v.id} (${v.impact}): ${v.help} at ${n.target.join(' ')} ${n.html.slice(0, 160)}\n    ${(n.failureSummary ?? '').replace(/\n/g, '\n    ')}`,
    ),
  );
}

/** Runs axe with every WCAG A/AA rule, or with the named `rules` only. */
export async function runAxe(page: Page, rules?: string[]): Promise<string[]> {
  const runOnly = rules ? { type: 'rule', values: rules } : { type: 'tag', values: wcagTags };
  const violations = await page.evaluate(async (only) => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(document, { runOnly: only, resultTypes: ['violations'] });
    return result.violations;
  }, runOnly);
  return describeViolations(violations as AxeViolation[]);
}

/**
 * Brings every custom element on the page into view in turn and waits until it has rendered
 * (or says it failed to load): questions and calculators load their code when they come near
 * the viewport, and their loaders may arrive after the page's load event.
 */
export async function loadEverything(page: Page): Promise<void> {
  // axe passes over what is not laid out.
  await layOutWholeNote(page);
  const waiting = await page.evaluate(async () => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    const done = (el: Element) => el.hasAttribute('data-ready') || el.hasAttribute('data-load-failed');
    const custom = [...document.querySelectorAll('*')].filter((el) => el.localName.startsWith('afm-'));
    for (const el of custom) {
      if (done(el)) continue;
      el.scrollIntoView({ block: 'center' });
      const started = performance.now();
      while (!done(el) && performance.now() - started < 20_000) await frame();
    }
    scrollTo(0, 0);
    // A question fetching another variant fades while it is busy (the review page asks for one
    // at once): wait until none is, and until the fade back has finished, so colours are final.
    const started = performance.now();
    while (document.querySelector('[aria-busy="true"], [aria-busy=""]') && performance.now() - started < 20_000) await frame();
    await Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => undefined)));
    return custom.filter((el) => !done(el)).map((el) => el.localName);
  });
  expect(waiting, 'custom elements that never rendered').toEqual([]);
  const failed = await page.$$eval('[data-load-failed]', (els) => els.map((el) => `${el.localName}: ${el.getAttribute('data-load-failed')}`));
  expect(failed, 'custom elements that failed to load').toEqual([]);
  await page.evaluate(() => document.fonts.ready);
}

/**
 * A context for axe: axe-core is added to every document it opens as an init script (evaluated
 * before the page's own scripts, outside the page's content security policy, which stays on).
 */
export async function axeContext(site: Site, options: Parameters<Site['page']>[0]): Promise<{ page: Page; context: BrowserContext }> {
  const opened = await site.page(options);
  await opened.context.addInitScript({ path: axePath });
  return opened;
}

/** Every built page as a path below the site root (`en/probability/`). */
export const built = builtPages().map((p) => p.replace(/index\.html$/, ''));
/** One page of each kind: home, site pages, an area overview, notes with quizzes, tables, calculators and wide formulas. */
const kinds = [
  '',
  'about/',
  'guide/',
  'glossary/',
  'calculators/',
  // Every area's calculators: between them every calculator, each laid out as a phone shows it.
  ...calculatorsByArea.map((g) => areaCalculatorsRoute(g.area)),
  'progress/',
  'review/',
  'offline/',
  'linear-algebra/',
  'information-theory/entropy/',
  'numerical-analysis/floating-point/',
  'probability/bayes/',
  'linear-algebra/matrix-multiplication/',
  'linear-algebra/rotations-and-rope/',
];
/**
 * The kinds in both languages, split between the two passes: kind i is checked on a desktop
 * (a11y.test.ts) in one language and on a phone (a11y-phone.test.ts) in the other, alternating,
 * so every kind is checked in both languages and at both sizes, each once. With
 * AFM_ALL_LANGUAGES=1 (harness.ts) both passes check both languages.
 */
const desktopLang = (i: number): Lang => (i % 2 === 0 ? 'en' : 'zh');
const phoneLang = (i: number): Lang => (i % 2 === 0 ? 'zh' : 'en');
const kindsIn = (langOf: (i: number) => Lang) => kinds.flatMap((kind, i) => flowLangs(langOf(i)).map((lang) => `${lang}/${kind}`));
export const desktopKinds = kindsIn(desktopLang);
export const phoneKinds = kindsIn(phoneLang);
