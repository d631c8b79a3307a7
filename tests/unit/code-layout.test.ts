/**
 * One way to say things, and Node code apart from browser code (issue #18):
 *  - UI text lives in src/i18n/{en,zh}.json. No source file outside src/i18n carries a table of
 *    both languages (`{ en: '…', zh: '…' }`, or a `zh:` literal in Chinese); authored content
 *    (notes, quizzes, glossary YAML) is not source code and is not read here. Scripts read the
 *    page's language with utils/lang.ts pageLang() and the strings the page hands them with
 *    i18n/page-strings.ts pageStrings() only.
 *  - Only src/build/ (Node-only helpers: git, file loaders, hashing) and src/integrations/ (build
 *    plugins) use Node's modules, and no code that reaches the browser imports src/build/.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const src = join(root, 'src');

/** Every source file under `dir` (absolute paths). */
const filesUnder = (dir: string, extensions = /\.(ts|mjs|astro)$/): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => extensions.test(f))
    .map((f) => join(dir, f));

const rel = (file: string) => relative(root, file).split('\\').join('/');

/** Code without its comments (block and whole-line), so a comment quoting a string is not a table. */
const withoutComments = (code: string) => code.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' ')).replace(/^\s*\/\/.*$/gm, '');

/** `en: '…'` and `zh: '…'` (or a list of them) in one object, either order, nothing nested between them. */
const pair = new RegExp(
  String.raw`\b(?<key>en|zh)\s*:\s*\[?\s*(?<q>['"\x60])(?:\\.|(?!\k<q>)[^\\])*?\k<q>[^{}]{0,300}?\b(?!\k<key>)(en|zh)\s*:\s*\[?\s*['"\x60]`,
  'g',
);
/** A `zh:` literal with Chinese in it, whatever its neighbours. */
const chineseValue = /\bzh\s*:\s*\[?\s*(['"`])(?:\\.|(?!\1)[^\\])*?[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/g;

/** Where a file holds a bilingual table: `line: text` of each. */
export function inlineTables(code: string): string[] {
  const bare = withoutComments(code);
  const found = new Map<number, string>();
  for (const re of [pair, chineseValue]) {
    for (const m of bare.matchAll(re)) {
      const line = bare.slice(0, m.index).split('\n').length;
      found.set(line, `${line}: ${code.split('\n')[line - 1]!.trim()}`);
    }
  }
  return [...found.entries()].sort(([a], [b]) => a - b).map(([, text]) => text);
}

/**
 * Tables that are not UI text, by file, with the reason. Each must still be found (a stale entry
 * fails), so the list cannot outlive what it excuses.
 */
const allowed: Record<string, { contains: string; why: string }> = {
  'src/utils/lang.ts': { contains: "htmlLang: Record<Lang, string> = { en: 'en', zh: 'zh-CN' }", why: 'language codes for <html lang>, not text' },
  'src/integrations/search-and-offline.ts': {
    contains: "offlinePacks = { en: ['en'], zh: ['zh']",
    why: 'which languages each offline pack holds (codes), not text',
  },
  'src/quiz/schema.ts': {
    contains: "LANG_NAME = { en: 'English (en)', zh: 'Chinese (zh)' }",
    why: "build errors for quiz authors (English), naming a field's language",
  },
};

describe('UI strings live in src/i18n', () => {
  const files = filesUnder(src).filter((f) => !rel(f).startsWith('src/i18n/'));

  it('no source file outside src/i18n keeps a table of both languages', () => {
    const found: string[] = [];
    for (const file of files) {
      const tables = inlineTables(readFileSync(file, 'utf8'));
      const excuse = allowed[rel(file)];
      const rest = excuse ? tables.filter((t) => !t.includes(excuse.contains)) : tables;
      found.push(...rest.map((t) => `${rel(file)}:${t}`));
    }
    expect(found, 'move these strings to src/i18n/{en,zh}.json (or add an exception with its reason)').toEqual([]);
  });

  it("a script reads the page's language in one place (utils/lang.ts) and its strings in one place (i18n/page-strings.ts)", () => {
    const readers = (pattern: RegExp) =>
      filesUnder(src)
        .filter((f) => pattern.test(withoutComments(readFileSync(f, 'utf8'))))
        .map(rel);
    expect(readers(/documentElement\.lang\b/)).toEqual(['src/utils/lang.ts']);
    expect(readers(/getElementById\(`ui-/)).toEqual(['src/i18n/page-strings.ts']);
  });

  it.each(Object.entries(allowed))('the exception for %s still applies', (file, { contains }) => {
    expect(inlineTables(readFileSync(join(root, file), 'utf8')).some((t) => t.includes(contains))).toBe(true);
  });

  it('finds tables in the shapes they take, and not in comments or other objects', () => {
    expect(inlineTables(`const ENTER = { en: 'Enter a number.', zh: '请输入一个数。' };`)).toHaveLength(1);
    expect(inlineTables(`return { ok: false, message: { zh: \`必须大于 \${min}。\`, en: \`Must be greater than \${min}.\` } };`)).toHaveLength(1);
    expect(inlineTables(`bit: { en: ['bit', 'bits'], zh: '比特' },`)).toHaveLength(1);
    expect(inlineTables(`const title = {\n  en: 'Summation lab',\n  zh: 'Summation lab',\n};`)).toHaveLength(1);
    expect(inlineTables(`names({ zh: '领域' })`)).toHaveLength(1);
    expect(inlineTables(`/** e.g. { en: 'Area', zh: '领域' } */\n// { en: 'a', zh: 'b' }\nconst x = 1;`)).toEqual([]);
    expect(inlineTables(`const packs = { en: ['en'], zh: ['zh'] };`)).toHaveLength(1);
    expect(inlineTables(`const names = { en: t('en', key), zh: t('zh', key) };`)).toEqual([]);
    expect(inlineTables(`type Bilingual = { en: string; zh: string };`)).toEqual([]);
    expect(inlineTables(`const a = { en: 'x', b: { zh: 'y' } };`)).toEqual([]);
  });
});

describe('Node-only code apart from browser code', () => {
  const importsOf = (code: string) =>
    [...withoutComments(code).matchAll(/^\s*import\s+(type\s+)?[^'"]*?['"]([^'"]+)['"]/gm)].map((m) => ({ typeOnly: Boolean(m[1]), from: m[2]! }));

  it("only src/build/ and src/integrations/ import Node's modules", () => {
    const offenders = filesUnder(src)
      .filter((f) => !/^src\/(build|integrations)\//.test(rel(f)))
      .filter((f) => importsOf(readFileSync(f, 'utf8')).some((i) => i.from.startsWith('node:')))
      .map(rel);
    expect(offenders, 'move Node-only modules to src/build/').toEqual([]);
  });

  it('no code that reaches the browser imports src/build/ (types aside)', () => {
    const browser = ['scripts', 'quiz', 'quiz-ui', 'calculators', 'progress'].flatMap((d) => filesUnder(join(src, d)));
    const offenders = browser.filter((f) => importsOf(readFileSync(f, 'utf8')).some((i) => !i.typeOnly && /(^|\/)build\//.test(i.from))).map(rel);
    expect(offenders).toEqual([]);
  });
});
