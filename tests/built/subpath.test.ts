/**
 * The site works when served under a sub-path (a GitHub project page): a small fixture site
 * (two notes a language that link to each other, a quiz whose texts link to a note, a
 * calculator, a glossary entry) is built with AFM_BASE=/ai-math/, and every internal link and
 * asset reference on every page — the site's own pages (home, guide-less areas, calculators,
 * glossary, progress, review, offline, 404) included — starts with /ai-math/ and resolves
 * inside that folder (fragments included); the service workers precache /ai-math/ URLs; the
 * Pagefind index is there. A fixture instead of the whole site: the sub-path is a property of
 * the templates and plugins, not of how many notes there are, and it builds in a fraction of
 * the time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { checkLinks, formatProblems, listHtml, type LinkReport } from '../helpers/links.ts';
import { siteConfig } from '../../site.config.mjs';
import { astroBuild, buildEnv, outputTail } from '../helpers/build-env.ts';

const base = '/ai-math/';

const note = (title: string, order: number, body: string, area = 'probability') => `---
title: ${title}
description: A fixture note for the sub-path build, with links, a formula and a heading.
area: ${area}
order: ${order}
---

${body}
`;

/** What the site's header, sidebar and home page link to in each language: every area's overview, the guide and the about page. */
const sitePages = Object.fromEntries(
  ['en', 'zh'].flatMap((lang) => [
    ...['linear-algebra', 'calculus', 'information-theory', 'numerical-analysis'].map((area) => [
      `content/${lang}/${area}/index.mdx`,
      note(`${area} overview`, 0, `See [probability](/${lang}/probability/).`, area),
    ]),
    [`content/${lang}/guide.mdx`, note(lang === 'en' ? 'Study guide' : '学习指南', 0, `Start at [probability](/${lang}/probability/).`, 'site')],
    [`content/${lang}/about.mdx`, note(lang === 'en' ? 'About' : '关于', 1, `Read the [guide](/${lang}/guide/).`, 'site')],
  ]),
);

const files: Record<string, string> = {
  ...sitePages,
  'content/en/probability/index.mdx': note('Probability', 0, 'Start with [conditional probability](/en/probability/conditional/#bayes-rule). $p \\in [0, 1]$.'),
  'content/zh/probability/index.mdx': note('概率', 0, '先读[条件概率](/zh/probability/conditional/#贝叶斯公式)。$p \\in [0, 1]$。'),
  'content/en/probability/conditional.mdx': note(
    'Conditional probability',
    1,
    '## Bayes rule\n\nBack to [the overview](/en/probability/) or the [glossary](/en/glossary/).\n\n$$P(A \\mid B) = \\frac{P(B \\mid A) P(A)}{P(B)}$$\n\n<Calculator id="bayes-test" />\n',
  ),
  'content/zh/probability/conditional.mdx': note(
    '条件概率',
    1,
    '## 贝叶斯公式\n\n回到[概览](/zh/probability/)或[术语表](/zh/glossary/)。\n\n$$P(A \\mid B) = \\frac{P(B \\mid A) P(A)}{P(B)}$$\n\n<Calculator id="bayes-test" />\n',
  ),
  'content/glossary/probability.yaml': `- id: prior
  en: prior
  zh: 先验
  note: conditional
  definition: { en: "What you believe before the data.", zh: "看到数据之前的信念。" }
`,
  'quizzes/conditional.yaml': `topic: conditional
questions:
  - id: two-coins
    type: numeric
    params:
      n: { choose: [2, 3, 4, 5] }
    prompt:
      en: "With {{n}} fair coins, what is the probability that all show heads? See [the note](/en/probability/conditional/)."
      zh: "抛 {{n}} 枚均匀硬币，全部正面朝上的概率是多少？参见[讲解](/zh/probability/conditional/)。"
    answer: { value: "0.5^n", tolerance: { rel: 0.001 } }
`,
};

describe('the site under a sub-path', () => {
  let dir: string;
  let outDir: string;
  let report: LinkReport;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'afm-subpath-'));
    outDir = join(dir, 'dist');
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const started = Date.now();
    const result = astroBuild(
      buildEnv({
        AFM_BASE: base,
        AFM_CONTENT_DIR: join(dir, 'content'),
        AFM_QUIZ_DIR: join(dir, 'quizzes'),
        AFM_OUT_DIR: outDir,
        AFM_CACHE_DIR: join(dir, 'cache'),
      }),
    );
    if (result.status !== 0) throw new Error(`The sub-path build failed (exit ${result.status}):\n${outputTail(result, 60)}`);
    console.log(`Sub-path fixture site built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    report = checkLinks({ dir: outDir, base, site: siteConfig.site });
  }, 300_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('builds the notes and the site pages in both languages', () => {
    for (const lang of ['en', 'zh']) {
      for (const page of [
        'index.html',
        'probability/index.html',
        'probability/conditional/index.html',
        'calculators/index.html',
        'glossary/index.html',
        'review/index.html',
      ]) {
        expect(existsSync(join(outDir, lang, page)), `${lang}/${page}`).toBe(true);
      }
      expect(existsSync(join(outDir, lang, 'quiz-data', 'conditional.json')), `${lang} quiz data`).toBe(true);
    }
  });

  it('has every internal link and asset start with the base and resolve inside the folder', () => {
    console.log(
      `sub-path links: ${report.pages} pages, ${report.links} internal links/assets checked ${JSON.stringify(report.bySource)}, ` +
        `${report.fragments} fragments checked, ${report.problems.length} broken`,
    );
    expect(report.problems, formatProblems(report.problems)).toEqual([]);
    expect(report.bySource.en ?? 0).toBeGreaterThan(50);
    expect(report.bySource.zh ?? 0).toBeGreaterThan(50);
    expect(report.fragments).toBeGreaterThan(0);
  });

  it('prefixes links written in the notes and in quiz texts, and no root-relative URL misses the base', () => {
    const overview = readFileSync(join(outDir, 'en', 'probability', 'index.html'), 'utf8');
    expect(overview).toContain(`href="${base}en/probability/conditional/#bayes-rule"`);
    const conditional = readFileSync(join(outDir, 'zh', 'probability', 'conditional', 'index.html'), 'utf8');
    expect(conditional).toContain(`href="${base}zh/probability/conditional/"`);
    for (const page of listHtml(outDir)) {
      const html = readFileSync(join(outDir, page), 'utf8');
      const stray = [...html.matchAll(/\s(?:href|src|action|poster|data-base)="(\/(?!\/)[^"]*)"/g)].map((m) => m[1]!).filter((u) => !u.startsWith(base));
      expect(stray, page).toEqual([]);
    }
    // The quiz's other variants come from a data file: their links carry the base too.
    const data = readFileSync(join(outDir, 'en', 'quiz-data', 'conditional.json'), 'utf8');
    expect(data).toContain(`${base}en/probability/conditional/`);
    expect(data).not.toMatch(/href=\\?"\/en\//);
  });

  it('has the service workers precache /ai-math/ URLs only, each of them built', () => {
    const workers = ['sw.js', 'sw-en.js', 'sw-zh.js'].filter((file) => existsSync(join(outDir, file)));
    expect(workers).toContain('sw.js');
    for (const file of workers) {
      const sw = readFileSync(join(outDir, file), 'utf8');
      const urls = [...sw.matchAll(/\burl:\s*"([^"]+)"/g)].map((m) => m[1]!);
      // Pages, scripts, styles, fonts and search files of even this small site.
      expect(urls.length, file).toBeGreaterThan(3);
      expect(
        urls.filter((u) => !u.startsWith(base)),
        file,
      ).toEqual([]);
      for (const url of urls) expect(existsSync(join(outDir, url.slice(base.length))), `${file}: ${url}`).toBe(true);
    }
    const both = readFileSync(join(outDir, 'sw.js'), 'utf8');
    expect(both).toContain(`"${base}en/index.html"`);
    expect(both).toContain(`${base}en/offline/index.html`);
    expect(both).toMatch(new RegExp(`"${base}pagefind/`));
  });

  it('has the Pagefind index and its files', () => {
    for (const file of ['pagefind/pagefind.js', 'pagefind/pagefind-entry.json']) expect(existsSync(join(outDir, file)), file).toBe(true);
    const entry = JSON.parse(readFileSync(join(outDir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    expect(Object.keys(entry.languages).sort()).toEqual(['en', 'zh-cn']);
    for (const [lang, info] of Object.entries(entry.languages)) expect(info.page_count, lang).toBeGreaterThanOrEqual(2);
  });
});
