/**
 * Weight budgets, measured by scripts/size-report.mjs over dist/ (gzipped bytes):
 *  - a page with no script of its own (notes without quiz or calculator, home, guide, glossary…):
 *    initial JavaScript ≤ 1.375 KiB;
 *  - a page with a quiz: initial JavaScript + the quiz chunks loaded when it scrolls into view ≤ 12 KiB (issue #18);
 *  - a page with a calculator: initial JavaScript + that calculator's chunks ≤ 15.5 KiB (each calculator);
 *  - every page: CSS ≤ 15 KB.
 * Every page of both languages is measured; the table of page kinds is printed.
 */
import { describe, expect, it } from 'vitest';
import { budgets, findPages, formatTable, jsWith, pageReport, sizeReport } from '../../scripts/size-report.mjs';
import { distDir } from '../helpers/site.ts';
import { siteConfig } from '../../site.config.mjs';

const base = siteConfig.base;
const kinds = [...findPages(distDir, base, 'en'), ...findPages(distDir, base, 'zh')];
const reports = new Map(kinds.map((k) => [k.route, pageReport(distDir, k.route, base)]));
const gz = (n: number) => `${(n / 1024).toFixed(2)} KiB`;

type Over = { route: string; what: string; gz: string; budget: string };
/** One line a page over budget, so a failure reads as a list. */
const lines = (over: Over[]) => over.map((o) => `${o.route}: ${o.what} = ${o.gz} gz > ${o.budget}`);

describe('size budgets', () => {
  it('prints the size table', () => {
    const table = formatTable(sizeReport(distDir, base));
    console.log(table);
    expect(table).toContain('plain note');
  });

  it('ships at most 1.375 KiB gz of JavaScript on pages without quiz or calculator', () => {
    const plain = kinds.filter((k) => !k.quiz && k.calculators.length === 0 && k.others.length === 0);
    expect(plain.map((k) => k.route)).toContain(`${base}en/about/`);
    const over: Over[] = [];
    for (const k of plain) {
      const js = reports.get(k.route)!.js.initial.gz;
      if (js > budgets.notePageJs) over.push({ route: k.route, what: 'initial JS', gz: gz(js), budget: gz(budgets.notePageJs) });
    }
    expect(lines(over)).toEqual([]);
  });

  it('ships at most 12 KiB gz of JavaScript for a quiz: initial + the quiz chunks', () => {
    const quiz = kinds.filter((k) => k.quiz);
    expect(quiz.length).toBeGreaterThan(10);
    const over: Over[] = [];
    let heaviest = { route: '', js: 0 };
    for (const k of quiz) {
      const report = reports.get(k.route)!;
      expect(report.js.visible.Quiz?.files.length ?? 0, k.route).toBeGreaterThan(0);
      const js = jsWith(report, 'Quiz').gz;
      if (js > heaviest.js) heaviest = { route: k.route, js };
      if (js > budgets.quizPageJs)
        over.push({
          route: k.route,
          what: `initial JS + Quiz chunks (${report.js.visible.Quiz!.files.join(', ')})`,
          gz: gz(js),
          budget: gz(budgets.quizPageJs),
        });
    }
    console.log(`quiz pages: at most ${heaviest.js} B gz of JavaScript (${heaviest.route}), budget ${budgets.quizPageJs} B`);
    expect(lines(over)).toEqual([]);
  });

  it('ships at most 15.5 KiB gz of JavaScript for a calculator: initial + its chunks', () => {
    const calc = kinds.filter((k) => k.calculators.length > 0);
    expect(calc.map((k) => k.route)).toContain(`${base}en/numerical-analysis/floating-point/`);
    const over: Over[] = [];
    for (const k of calc) {
      const report = reports.get(k.route)!;
      for (const name of k.calculators) {
        const js = jsWith(report, name).gz;
        if (js > budgets.calculatorPageJs) over.push({ route: k.route, what: `initial JS + ${name}`, gz: gz(js), budget: gz(budgets.calculatorPageJs) });
      }
    }
    expect(lines(over)).toEqual([]);
  });

  it('ships at most 15 KB gz of CSS on every page', () => {
    expect(reports.size).toBeGreaterThan(50);
    const over: Over[] = [];
    for (const [route, report] of reports) {
      if (report.css.size.gz > budgets.cssPerPage)
        over.push({ route, what: `CSS ${report.css.files.join(', ')}`, gz: gz(report.css.size.gz), budget: gz(budgets.cssPerPage) });
    }
    expect(lines(over)).toEqual([]);
  });
});
