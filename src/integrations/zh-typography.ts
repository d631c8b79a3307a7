/**
 * Chinese quotation marks. Chinese text quotes with “…”; an ASCII "…" typed in Chinese prose
 * is turned into typographic quotes by smartypants, which sees no word boundary next to a
 * Chinese character and writes both as closing quotes: ”…”. Two checks use the same rules:
 * a unit test over the sources (tests/unit/zh-typography.test.ts, file and line) and this
 * integration, which fails the build naming each Chinese page that still shows a bad quote
 * (text outside formulas and code, the quiz variants in the notes' quiz data files, and the
 * attributes a reader or screen reader meets).
 */
import type { AstroIntegration } from 'astro';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { variantSource, type QuizData } from '../quiz-ui/variants.ts';

export type QuoteProblemKind = 'ascii' | 'unopened' | 'unclosed' | 'punctuation';

export interface QuoteProblem {
  /** Offset in the checked text. */
  index: number;
  kind: QuoteProblemKind;
  /** The text around the problem, on one line. */
  excerpt: string;
}

const reasons: Record<QuoteProblemKind, string> = {
  ascii: 'ASCII double quote " in Chinese text (write “…”)',
  unopened: 'closing quote ” with no opening “ before it (write “…”, not ”…”)',
  unclosed: 'opening quote “ that is never closed (write “…”)',
  punctuation: 'ASCII punctuation right after Chinese text (write ，：；？！)',
};

export function describeQuoteProblem(problem: QuoteProblem): string {
  return `${reasons[problem.kind]}: …${problem.excerpt}…`;
}

function excerptAt(text: string, index: number): string {
  return text.slice(Math.max(0, index - 12), index + 13).replace(/\s+/g, ' ');
}

/**
 * The quotation-mark problems of one block of Chinese prose (a paragraph, a heading, a
 * field), with formulas and code already left out. Curly quotes must alternate “ ” within
 * the block; no ASCII double quote may appear at all; a comma, colon, semicolon, question or
 * exclamation mark right after a Chinese character is the full-width one (“讲解于：”, not “讲解于:”).
 */
export function findQuoteProblems(text: string): QuoteProblem[] {
  const problems: QuoteProblem[] = [];
  let openAt = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') problems.push({ index: i, kind: 'ascii', excerpt: excerptAt(text, i) });
    else if (c === '“') {
      if (openAt >= 0) problems.push({ index: openAt, kind: 'unclosed', excerpt: excerptAt(text, openAt) });
      openAt = i;
    } else if (c === '”') {
      if (openAt < 0) problems.push({ index: i, kind: 'unopened', excerpt: excerptAt(text, i) });
      openAt = -1;
    }
  }
  if (openAt >= 0) problems.push({ index: openAt, kind: 'unclosed', excerpt: excerptAt(text, openAt) });
  for (const m of text.matchAll(/[\u4e00-\u9fff][,:;?!]/g)) {
    problems.push({ index: m.index + 1, kind: 'punctuation', excerpt: excerptAt(text, m.index + 1) });
  }
  return problems.sort((a, b) => a.index - b.index);
}

/**
 * A zh text field of a quiz, the glossary or the UI strings: Markdown-ish text in which
 * `$…$` formulas and `` `…` `` code may quote as they like. They are blanked out (kept the same
 * length, so offsets and line numbers still point into the original).
 */
export function blankMathAndCode(text: string): string {
  const blank = (m: string) => m.replace(/[^\n]/g, ' ');
  return text
    .replace(/```[\s\S]*?```/g, blank)
    .replace(/`[^`\n]*`/g, blank)
    .replace(/\$\$[\s\S]*?\$\$/g, blank)
    .replace(/(?<!\\)\$(?:\\.|[^$\\])+\$/g, blank);
}

// ---------------------------------------------------------------------------------------------
// The built pages

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** Subtrees whose text is not Chinese prose: formulas (their MathML and TeX too), code, scripts, English. */
const skippedTags = new Set(['code', 'pre', 'kbd', 'samp', 'script', 'style', 'svg', 'math', 'template']);
const blockTags = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'head',
  'header',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'nav',
  'ol',
  'option',
  'p',
  'section',
  'select',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'title',
  'tr',
  'ul',
  'br',
  'label',
  'button',
]);
/** Attributes whose text a reader sees or hears. */
const checkedAttributes = ['aria-label', 'title', 'alt', 'placeholder'];

const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value;

function isSkipped(el: Element): boolean {
  if (skippedTags.has(el.tagName)) return true;
  if (/^en\b/i.test(attr(el, 'lang') ?? '')) return true;
  // math-tex: a formula's TeX in a quiz data file (src/integrations/rehype-math-tex.ts).
  return (attr(el, 'class') ?? '').split(/\s+/).includes('math-tex');
}

/**
 * The Chinese text of a page, one block of prose per entry: text outside formulas, code and
 * English passages; reader-facing attributes; the meta description; and the HTML of each
 * quiz variant carried in a `<script type="text/html">` data block, read the same way.
 */
export function zhTextBlocks(html: string, fragment = false): string[] {
  const blocks: string[] = [];
  let current = '';
  const flush = () => {
    if (current.trim()) blocks.push(current);
    current = '';
  };
  const visit = (node: Node) => {
    if (node.nodeName === '#text') {
      current += (node as DefaultTreeAdapterMap['textNode']).value;
      return;
    }
    if (!('tagName' in node)) {
      if ('childNodes' in node) node.childNodes.forEach(visit);
      return;
    }
    const el = node as Element;
    if (el.tagName === 'script' && attr(el, 'type') === 'text/html') {
      flush();
      const source = el.childNodes.map((c) => (c.nodeName === '#text' ? (c as DefaultTreeAdapterMap['textNode']).value : '')).join('');
      blocks.push(...zhTextBlocks(source, true));
      return;
    }
    if (el.tagName === 'meta' && attr(el, 'name') === 'description') blocks.push(attr(el, 'content') ?? '');
    if (isSkipped(el)) return;
    for (const name of checkedAttributes) {
      const value = attr(el, name);
      if (value?.trim()) blocks.push(value);
    }
    const block = blockTags.has(el.tagName);
    if (block) flush();
    el.childNodes.forEach(visit);
    if (block) flush();
  };
  // Scripting off: a <noscript>'s content is parsed as elements, the way a reader without
  // JavaScript sees it, instead of as raw markup.
  visit(fragment ? parseFragment(html, { scriptingEnabled: false }) : parse(html, { scriptingEnabled: false }));
  flush();
  return blocks;
}

/** Every quotation-mark problem of one built Chinese page, described. */
export function checkZhPage(html: string): string[] {
  return zhTextBlocks(html).flatMap((block) => findQuoteProblems(block).map(describeQuoteProblem));
}

async function builtFiles(dir: string, extension: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile() && e.name.endsWith(extension))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** Every quotation-mark problem of one Chinese quiz data file (src/pages/[lang]/quiz-data/[topic].json.ts), every variant filled in. */
export function checkZhQuizData(json: string): string[] {
  const data = JSON.parse(json) as QuizData;
  return Object.entries(data).flatMap(([id, entry]) =>
    (Array.isArray(entry) ? entry : entry.v.map((_, k) => variantSource(entry, k + 1) ?? '')).flatMap((html, k) =>
      zhTextBlocks(html, true).flatMap((block) => findQuoteProblems(block).map((p) => `question "${id}", variant ${k + 1}: ${describeQuoteProblem(p)}`)),
    ),
  );
}

/** Page (relative to the build folder) → its problems, for every Chinese page that has any. */
export async function checkBuiltZhPages(outDir: string): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>();
  for (const file of await builtFiles(join(outDir, 'zh'), '.html')) {
    const problems = checkZhPage(await readFile(file, 'utf8'));
    if (problems.length > 0) found.set(relative(outDir, file), problems);
  }
  for (const file of await builtFiles(join(outDir, 'zh', 'quiz-data'), '.json')) {
    const problems = checkZhQuizData(await readFile(file, 'utf8'));
    if (problems.length > 0) found.set(relative(outDir, file), problems);
  }
  return found;
}

export function formatPageProblems(found: Map<string, string[]>): string {
  const lines = [
    `Chinese punctuation: ${found.size} page(s) show ASCII "…", ”…” or ASCII punctuation after Chinese text (sources must use “…” and ，：；？！):`,
  ];
  for (const [page, problems] of found) {
    lines.push(`  ${page}`);
    for (const p of problems) lines.push(`    ${p}`);
  }
  return lines.join('\n');
}

export function zhTypographyCheck(): AstroIntegration {
  return {
    name: 'afm:zh-typography',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        const found = await checkBuiltZhPages(fileURLToPath(dir));
        if (found.size > 0) throw new Error(formatPageProblems(found));
      },
    },
  };
}
