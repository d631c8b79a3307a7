/**
 * Every built HTML page passes html-validate with the repository's `.htmlvalidate.json`
 * (html-validate:recommended) with 0 errors.
 *
 * What the config changes from the recommended preset, and why:
 *  - `no-inline-style` allows only the CSS properties Temml writes in `style` attributes on
 *    MathML (a display formula's `display: block math`, `math-depth` and the padding and
 *    margins of spacing and scripts; borders, colours and sizes for \boxed, \color and
 *    \rule): there is no option to move them into classes. Any other property in a `style`
 *    attribute (ours) is still an error.
 *  - `form-dup-name` also lets checkboxes share a name: a multiple-answer quiz question is
 *    one checkbox group, which is valid HTML (the group submits several values).
 *  - `aria-label-misuse` ignores `<math>`: its role (math) may be named, and quiz choices and
 *    labels name each formula with its TeX (src/utils/math-label.ts) because Chromium leaves
 *    MathML out of a form control's accessible name. Other elements are still checked.
 * Everything else in Temml's MathML validates with the preset as it is.
 *
 * A quiz page carries each question's first variant; the others are in the note's quiz data
 * file. They are validated in the page as `<template>`s (tests/helpers/quiz-data.ts), so every
 * variant's HTML is checked as before.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtPages, distDir } from '../helpers/site.ts';
import { repoRoot } from '../helpers/content.ts';
import { withHiddenVariants } from '../helpers/quiz-data.ts';

type Message = { ruleId: string; message: string; line: number; column: number; selector: string | null; severity: number };
type Validator = { validateString: (html: string, filename: string) => Promise<{ valid: boolean; results: Array<{ messages: Message[] }> }> };

async function loadValidator(): Promise<Validator | Error> {
  try {
    const { HtmlValidate, StaticConfigLoader } = await import('html-validate');
    // The repository's .htmlvalidate.json, whichever folder holds the build (AFM_DIST_DIR may be
    // outside the repository, where a search upwards from the page would find no config).
    const config = JSON.parse(readFileSync(join(repoRoot, '.htmlvalidate.json'), 'utf8')) as Record<string, unknown>;
    return new HtmlValidate(new StaticConfigLoader(config)) as unknown as Validator;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

const pages = builtPages();
const validator = await loadValidator();
let errors = 0;
let validated = 0;

describe('HTML validity (html-validate)', () => {
  it('has html-validate installed (a devDependency)', () => {
    expect(validator instanceof Error ? `html-validate could not be loaded: ${validator.message}` : 'ok').toBe('ok');
    expect(pages.length).toBeGreaterThan(50);
  });

  for (const page of pages) {
    it.skipIf(validator instanceof Error)(`${page} has no errors`, { timeout: 120_000 }, async () => {
      const file = join(distDir, page);
      const html = withHiddenVariants(readFileSync(file, 'utf8'), distDir);
      const report = await (validator as Validator).validateString(html, file);
      const messages = report.results.flatMap((r) => r.messages).filter((m) => m.severity === 2);
      validated++;
      errors += messages.length;
      const lines = messages.slice(0, 20).map((m) => `${page}:${m.line}:${m.column} ${m.ruleId}: ${m.message} (${m.selector ?? ''})`);
      expect(lines).toEqual([]);
    });
  }

  afterAll(() => {
    console.log(`html-validate: ${validated} of ${pages.length} pages validated, ${errors} errors`);
  });
});
