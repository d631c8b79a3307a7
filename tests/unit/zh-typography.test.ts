/**
 * Chinese quotation marks: no ASCII "…" (smartypants turns it into ”…” next to Chinese
 * characters) and no ”…” in any Chinese source — the zh notes' prose and front matter, the zh
 * fields of the quizzes and the glossary, the Chinese UI strings. The same rules run over
 * the built zh pages at build time (src/integrations/zh-typography.ts); both are shown to
 * catch planted mistakes first.
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkZhPage, checkZhQuizData, findQuoteProblems, zhTypographyCheck } from '../../src/integrations/zh-typography.ts';
import { checkZhJson, checkZhMdx, checkZhYaml, type SourceProblem } from '../helpers/zh-typography-sources.ts';
import { contentDir, listNotes, repoRoot } from '../helpers/content.ts';

const report = (file: string, problems: SourceProblem[]) => problems.map((p) => `${file}:${p.line}: ${p.message}`);

describe('the quotation-mark rules catch planted mistakes', () => {
  it('flags ASCII quotes, ”…” and an unclosed “, and passes “…”', () => {
    expect(findQuoteProblems('给"the"的概率').map((p) => p.kind)).toEqual(['ascii', 'ascii']);
    expect(findQuoteProblems('把数学这个”黑箱”打开').map((p) => p.kind)).toEqual(['unopened', 'unopened']);
    expect(findQuoteProblems('称为“黑箱').map((p) => p.kind)).toEqual(['unclosed']);
    expect(findQuoteProblems('讲解于: 熵, 交叉熵').map((p) => p.kind)).toEqual(['punctuation', 'punctuation']);
    expect(findQuoteProblems('讲解于：熵，交叉熵；pi, e 与 a:b')).toEqual([]);
    expect(findQuoteProblems('把“黑箱”和“白箱”都打开；‘单引号’也可以')).toEqual([]);
  });

  it('names the line of a planted mistake in a note, and leaves formulas, code, JSX attributes and imports alone', () => {
    const planted = [
      '---', // 1
      'title: 计算 "softmax"', // 2
      'description: 没问题', // 3
      '---', // 4
      "import X from './x.ts';", // 5
      '', // 6
      '公式 $\\text{"a"}$ 与代码 `x = "b"` 不算。', // 7
      '', // 8
      '<Calculator id="float-inspector" label="x" />', // 9
      '', // 10
      '第一行没问题，', // 11
      '第二行把数学这个"黑箱"打开，**也”不”行**。', // 12
      '', // 13
      '## 为什么叫"交叉熵"', // 14
      '', // 15
      '```python', // 16
      'print("代码里可以")', // 17
      '```', // 18
      '', // 19
      '$$', // 20
      '\\text{"公式里也可以"}', // 21
      '$$', // 22
      '', // 23
      '| 列 | 说明 |', // 24
      '|---|---|', // 25
      '| a | 写成"a" |', // 26
    ].join('\n');
    const problems = checkZhMdx(planted);
    expect(problems.map((p) => p.line)).toEqual([2, 2, 12, 12, 12, 12, 14, 14, 26, 26]);
    expect(problems[0]!.message).toContain('ASCII double quote');
    expect(problems.find((p) => p.message.includes('”'))).toBeDefined();
  });

  it('names the line of a planted mistake in a quiz or glossary file, in zh fields only', () => {
    const planted = [
      'questions:', // 1
      '  - id: q', // 2
      '    prompt:', // 3
      '      en: Say "the" here, that is English.', // 4
      '      zh: |-', // 5
      '        第一行没问题，', // 6
      '        给"the"的概率是 $\\text{"x"}$。', // 7
      '    hints:', // 8
      '      - en: fine', // 9
      '        zh: 这里”也”不行', // 10
    ].join('\n');
    expect(checkZhYaml(planted).map((p) => p.line)).toEqual([7, 7, 10, 10]);
  });

  it('names the key and line of a planted mistake in the UI strings', () => {
    const planted = '{\n  "a.ok": "“好”",\n  "b.bad": "讲解于\\"这里\\""\n}';
    const problems = checkZhJson(planted);
    expect(problems.map((p) => p.line)).toEqual([3, 3]);
    expect(problems[0]!.message).toMatch(/^b\.bad: /);
  });

  it('finds a planted mistake in a built page, its attributes and its quiz variants, not in formulas or code', () => {
    const page = `<!doctype html><html lang="zh-CN"><head><title>标题</title>
      <meta name="description" content="描述&quot;好&quot;的"></head><body>
      <p>称为<strong>“黑箱”</strong>，<math><mtext>"x"</mtext><annotation>\\text{"x"}</annotation></math></p>
      <p>代码 <code>x = "a"</code> 没问题。<a lang="en" href="/en/">Say "hi"</a></p>
      <h2>把数学这个”黑箱”打开</h2>
      <button aria-label="关闭&quot;搜索&quot;">x</button>
      <script type="text/html" data-variant="1"><p>给"the"的概率</p></script>
      <noscript><p>此计算器需要 JavaScript。</p></noscript>
      </body></html>`;
    const problems = checkZhPage(page);
    expect(problems).toHaveLength(8);
    expect(problems.filter((p) => p.includes('ASCII'))).toHaveLength(6);
    expect(problems.filter((p) => p.startsWith('closing quote ”') && p.includes('这个”黑箱”打开'))).toHaveLength(2);
    expect(checkZhPage('<html><body><p>把“黑箱”打开</p><p>“另一段”</p></body></html>')).toEqual([]);
  });

  it('finds a planted mistake in a quiz data file, naming the question and variant, not in TeX', () => {
    const data = JSON.stringify({
      spread: ['<p>方差<span class="math-tex">\\text{"x"}</span>是多少？</p>', '<p>给"the"的概率</p>'],
      other: ['<p>把“黑箱”打开<span class="math-tex" data-display="">"</span></p>'],
      // A template and each variant's numbers: the second variant fills in a bad quote.
      filled: {
        t: '<p>取 <span class="math-tex">n = {{n}}</span>，{{q}}对吗？</p>',
        n: ['n', 'q'],
        v: [
          ['1', '“是”'],
          ['2', '"是"'],
        ],
      },
    });
    const problems = checkZhQuizData(data);
    expect(problems).toHaveLength(4);
    expect(problems.filter((p) => p.startsWith('question "spread", variant 2: ASCII'))).toHaveLength(2);
    expect(problems.filter((p) => p.startsWith('question "filled", variant 2: ASCII'))).toHaveLength(2);
  });

  it('fails the build naming the Chinese page with a planted mistake, and passes English pages and good Chinese ones', async () => {
    const out = mkdtempSync(join(tmpdir(), 'zh-typography-'));
    try {
      const page = (dir: string, body: string) => {
        mkdirSync(join(out, dir), { recursive: true });
        writeFileSync(join(out, dir, 'index.html'), `<!doctype html><html><body>${body}</body></html>`);
      };
      page('en/entropy', '<p>Say "hi"</p>');
      page('zh/entropy', '<p>把“黑箱”打开</p>');
      const done = zhTypographyCheck().hooks['astro:build:done']!;
      const run = () => done({ dir: pathToFileURL(`${out}/`) } as Parameters<typeof done>[0]);
      await expect(run()).resolves.toBeUndefined();
      page('zh/bayes', '<p>称为”后验”</p>');
      await expect(run()).rejects.toThrow(/1 page\(s\)[\s\S]*zh\/bayes\/index\.html[\s\S]*…称为”后验”…/);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('Chinese sources use “…”', () => {
  it.each(listNotes('zh'))('content/zh/%s', (file) => {
    const problems = checkZhMdx(readFileSync(join(contentDir, 'zh', file), 'utf8'));
    expect(report(`content/zh/${file}`, problems)).toEqual([]);
  });

  const yamlFiles = [
    ...readdirSync(join(repoRoot, 'quizzes'))
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => `quizzes/${f}`),
    ...readdirSync(join(contentDir, 'glossary'))
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => `content/glossary/${f}`),
  ].sort();
  it.each(yamlFiles)('%s (zh fields)', (file) => {
    const problems = checkZhYaml(readFileSync(join(repoRoot, file), 'utf8'));
    expect(report(file, problems)).toEqual([]);
  });

  it('src/i18n/zh.json', () => {
    const problems = checkZhJson(readFileSync(join(repoRoot, 'src/i18n/zh.json'), 'utf8'));
    expect(report('src/i18n/zh.json', problems)).toEqual([]);
  });
});
