/**
 * One name for one thing (docs/TERMINOLOGY.md): the Chinese UI strings and the Chinese
 * notes' headings avoid the terms the list rules out (板块/专题/主题 for an area, 主题 for the
 * colour theme, 目录 for the menu, 的体现 for the large-model section …), the keys it names
 * use its term, and calculators are called by their one name in the guide and in the list.
 * The checkers are shown to catch planted mistakes first.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import zh from '../../src/i18n/zh.json';
import { calculatorInfo } from '../../src/components/calculators/info.ts';
import { contentDir, listNotes, repoRoot } from '../helpers/content.ts';
import {
  findLineViolations,
  findGuideNameProblems,
  findHeadingViolations,
  findUiViolations,
  headingsOf,
  parseCalculatorTable,
  parseTermTable,
} from '../helpers/terminology.ts';

const doc = readFileSync(join(repoRoot, 'docs/TERMINOLOGY.md'), 'utf8');
const rules = parseTermTable(doc);
const calculators = Object.values(calculatorInfo);

describe('the terminology checks catch planted mistakes', () => {
  it('reads the table of TERMINOLOGY.md', () => {
    expect(rules.length).toBeGreaterThanOrEqual(15);
    const area = rules.find((r) => r.zh === '领域');
    expect(area?.avoid).toEqual(['板块', '专题', '主题']);
    expect(area?.where).toEqual(['UI', 'headings']);
    expect(rules.find((r) => r.zh === '外观')?.keys).toEqual(['theme.label']);
    expect(() => parseTermTable('<!-- terms:start -->\n| a | b |\n|---|---|\n| x | y |\n<!-- terms:end -->')).toThrow(/6/);
  });

  it('flags an avoided term in a UI string and a key without its term', () => {
    const planted = { ...zh, 'nav.areas': '板块', 'theme.label': '主题', 'calc.indexLead': '按专题分组。', 'nav.openMenu': '目录' };
    const problems = findUiViolations(rules, planted);
    expect(problems.some((p) => p.startsWith('zh.json nav.areas: “板块” uses 板块'))).toBe(true);
    expect(problems.some((p) => p.startsWith('zh.json theme.label: “主题” uses 主题'))).toBe(true);
    expect(problems.some((p) => p.startsWith('zh.json theme.label: “主题” should say 外观'))).toBe(true);
    expect(problems.some((p) => p.startsWith('zh.json calc.indexLead: “按专题分组。” uses 专题'))).toBe(true);
    expect(problems.some((p) => p.startsWith('zh.json nav.openMenu: “目录” should say 菜单'))).toBe(true);
  });

  it('flags an avoided term in a heading, naming file and line, and skips code', () => {
    const source = ['---', 'title: x', '---', '', '## 在大模型中的体现', '', '```md', '## 本板块地图', '```', '', '### 本专题地图', '## 在大模型中的应用'].join(
      '\n',
    );
    const problems = findHeadingViolations(rules, headingsOf('planted.mdx', source));
    expect(problems).toEqual([
      expect.stringMatching(/^planted\.mdx:5: heading “在大模型中的体现” uses 的体现/),
      expect.stringMatching(/^planted\.mdx:11: heading “本专题地图” uses 专题/),
    ]);
  });

  it('flags an avoided term in Chinese text written in code', () => {
    const source = "const text = {\n  en: { area: 'Area' },\n  zh: { area: '主题', all: '全部板块' },\n};";
    expect(findLineViolations(rules, 'UI', 'planted.ts', source)).toEqual([
      expect.stringMatching(/^planted\.ts:3: uses 板块; for “area/),
      expect.stringMatching(/^planted\.ts:3: uses 主题; for “area/),
      expect.stringMatching(/^planted\.ts:3: uses 主题; for “colour theme/),
    ]);
  });

  it('flags an avoided term anywhere in a note', () => {
    const source = ['---', 'title: 概览', '---', '本专题的内容几乎都围绕梯度展开。', 'This line is English.', '这一板块讲线性代数。'].join('\n');
    expect(findLineViolations(rules, 'notes', 'planted.mdx', source)).toEqual([
      expect.stringMatching(/^planted\.mdx:4: uses 专题/),
      expect.stringMatching(/^planted\.mdx:6: uses 板块/),
    ]);
  });

  it('flags a calculator the guide names otherwise', () => {
    const names = calculators.map((c) => c.title.zh);
    const guide = '里的**变换演示器**能直观展示；**优化器赛跑**把；**自己写一个浮点数检查器。** 对照；**离线**按钮';
    expect(findGuideNameProblems('guide.mdx', guide, names)).toEqual([expect.stringMatching(/^guide\.mdx:1: \*\*变换演示器\*\* names a calculator/)]);
  });
});

describe('the site follows docs/TERMINOLOGY.md', () => {
  it('src/i18n/zh.json', () => {
    expect(findUiViolations(rules, zh)).toEqual([]);
  });

  it('Chinese text in the code under src/ (scripts, components, calculators)', () => {
    const files = readdirSync(join(repoRoot, 'src'), { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.(ts|astro|mjs)$/.test(f))
      .sort();
    expect(files.length).toBeGreaterThan(50);
    const problems = files.flatMap((f) => findLineViolations(rules, 'UI', `src/${f}`, readFileSync(join(repoRoot, 'src', f), 'utf8')));
    expect(problems).toEqual([]);
  });

  it('the Chinese notes and the quiz files (板块, 专题 anywhere)', () => {
    const files = [
      ...listNotes('zh').map((f) => `content/zh/${f}`),
      ...readdirSync(join(repoRoot, 'quizzes'))
        .filter((f) => f.endsWith('.yaml'))
        .map((f) => `quizzes/${f}`),
    ];
    const problems = files.flatMap((f) => findLineViolations(rules, 'notes', f, readFileSync(join(repoRoot, f), 'utf8')));
    expect(problems).toEqual([]);
  });

  it('headings of the Chinese notes', () => {
    const headings = listNotes('zh').flatMap((f) => headingsOf(`content/zh/${f}`, readFileSync(join(contentDir, 'zh', f), 'utf8')));
    expect(headings.length).toBeGreaterThan(100);
    expect(findHeadingViolations(rules, headings)).toEqual([]);
  });

  it('the large-model section of every note is headed “在大模型中的应用”', () => {
    const headings = listNotes('zh').flatMap((f) => headingsOf(`content/zh/${f}`, readFileSync(join(contentDir, 'zh', f), 'utf8')));
    const odd = headings.filter((h) => /大模型中/.test(h.text) && h.text !== '在大模型中的应用');
    expect(odd.map((h) => `${h.file}:${h.line}: ${h.text}`)).toEqual([]);
  });

  it.each(['en', 'zh'] as const)('the %s guide calls each calculator by its name', (lang) => {
    const file = `content/${lang}/guide.mdx`;
    const names = calculators.map((c) => c.title[lang]);
    expect(findGuideNameProblems(file, readFileSync(join(repoRoot, file), 'utf8'), names)).toEqual([]);
  });

  it('the calculator table of TERMINOLOGY.md is the list in info.ts', () => {
    const table = parseCalculatorTable(doc);
    const info = Object.fromEntries(Object.entries(calculatorInfo).map(([id, c]) => [id, { en: c.title.en, zh: c.title.zh }]));
    expect(table).toEqual(info);
  });
});
