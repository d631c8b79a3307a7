import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The order test files start in: first what needs no built site (Prettier, then the unit
 * tests), which runs while the site builds in the background (tests/setup/build-site.ts); then
 * the suite's longest files, longest first; then every other file in Vitest's own order.
 * Vitest alone would run the projects in name order (browser, built, checks, unit) and, on a
 * fresh clone with no timings cached, each project's files largest first: a11y.test.ts is short
 * and slow, so it could start near the end and run alone while the other worker idles. The list
 * is only an order (per-file times: BENCHMARKS.md §7); a file that leaves it, or a new slow one,
 * makes the run longer, never wrong.
 */
const slowFirst = [
  'browser/phone-layout.test.ts',
  'browser/a11y.test.ts',
  'browser/offline.test.ts',
  'browser/quiz.test.ts',
  'browser/share.test.ts',
  'checks/types.test.ts',
  'built/search.test.ts',
  'built/build-failures.test.ts',
  'browser/a11y-phone.test.ts',
];

const rank = (spec: TestSpecification): number => {
  // What needs no built site runs while the site builds (tests/setup/build-site.ts).
  if (spec.project.name === 'unit' || spec.moduleId.endsWith('/tests/checks/format.test.ts')) return -1;
  const at = slowFirst.findIndex((file) => spec.moduleId.endsWith(`/tests/${file}`));
  return at === -1 ? slowFirst.length : at;
};

export default class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const inVitestOrder = await super.sort(files);
    return inVitestOrder
      .map((spec, index) => ({ spec, index }))
      .sort((a, b) => rank(a.spec) - rank(b.spec) || a.index - b.index)
      .map(({ spec }) => spec);
  }
}
