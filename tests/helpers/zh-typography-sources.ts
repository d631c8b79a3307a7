/**
 * Reads the Chinese sources the way the reader meets them, for the quotation-mark rules of
 * src/integrations/zh-typography.ts: the prose of an MDX note (not its formulas, code, JSX
 * attributes or import lines), the string values of its front matter, every `zh` field of a
 * YAML file, every value of a JSON string table. Each problem names the line.
 */
import { createProcessor } from '@mdx-js/mdx';
import remarkMath from 'remark-math';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, Scalar, type Node as YamlNode } from 'yaml';
import { blankMathAndCode, describeQuoteProblem, findQuoteProblems } from '../../src/integrations/zh-typography.ts';

export interface SourceProblem {
  line: number;
  message: string;
}

interface Segment {
  text: string;
  line: number | undefined;
}

/** The mdast node shapes this walk reads. */
interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
  position?: { start: { line: number } };
}

/** Blocks whose text is checked as one run of prose (quotes may span emphasis and links). */
const proseBlocks = new Set(['paragraph', 'heading', 'tableCell']);
/** Inline nodes that are not prose: replaced by a placeholder so the text around stays apart. */
const opaqueInline = new Set(['inlineCode', 'inlineMath', 'mdxTextExpression', 'html']);

function problemsOfSegments(segments: Segment[], fallbackLine: number): SourceProblem[] {
  const text = segments.map((s) => s.text).join('');
  return findQuoteProblems(text).map((problem) => {
    let start = 0;
    for (const s of segments) {
      if (problem.index < start + s.text.length) {
        const before = s.text.slice(0, problem.index - start);
        const line = (s.line ?? fallbackLine) + (before.match(/\n/g)?.length ?? 0);
        return { line, message: describeQuoteProblem(problem) };
      }
      start += s.text.length;
    }
    return { line: fallbackLine, message: describeQuoteProblem(problem) };
  });
}

function collect(node: MdNode, into: Segment[]): void {
  if (node.type === 'text') into.push({ text: node.value ?? '', line: node.position?.start.line });
  else if (opaqueInline.has(node.type)) into.push({ text: '∎', line: node.position?.start.line });
  else if (node.type === 'break') into.push({ text: '\n', line: node.position?.start.line });
  else node.children?.forEach((c) => collect(c, into));
}

/** Front matter: the lines between the opening and closing `---`, and the body after them. */
function splitFrontMatter(source: string): { yaml: string; body: string; bodyLine: number } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(source);
  if (!m) return { yaml: '', body: source, bodyLine: 1 };
  return { yaml: m[1]!, body: source.slice(m[0].length), bodyLine: m[0].split('\n').length };
}

/** Every string scalar at or below `node`, with its line (1-based, in the YAML text). */
function stringsBelow(node: YamlNode | null | undefined, lines: LineCounter, out: Array<{ value: string; line: number }>): void {
  if (!node) return;
  if (isScalar(node)) {
    if (typeof node.value !== 'string' || !node.range) return;
    const block = node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED;
    out.push({ value: node.value, line: lines.linePos(node.range[0]).line + (block ? 1 : 0) });
  } else if (isMap(node) || isSeq(node)) {
    for (const item of node.items) {
      if (isPair(item)) stringsBelow(item.value as YamlNode, lines, out);
      else stringsBelow(item as YamlNode, lines, out);
    }
  }
}

/** Every string under a `zh` key (or all strings when `all`), with its line. */
function yamlStrings(text: string, all: boolean): Array<{ value: string; line: number }> {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  const out: Array<{ value: string; line: number }> = [];
  if (all) {
    stringsBelow(doc.contents as YamlNode, lines, out);
    return out;
  }
  const walk = (node: YamlNode | null | undefined) => {
    if (isMap(node) || isSeq(node)) {
      for (const item of node.items) {
        if (isPair(item)) {
          if (isScalar(item.key) && item.key.value === 'zh') stringsBelow(item.value as YamlNode, lines, out);
          else walk(item.value as YamlNode);
        } else walk(item as YamlNode);
      }
    }
  };
  walk(doc.contents as YamlNode);
  return out;
}

function checkStrings(strings: Array<{ value: string; line: number }>): SourceProblem[] {
  return strings.flatMap(({ value, line }) => problemsOfSegments([{ text: blankMathAndCode(value), line }], line));
}

/** Quotation-mark problems of a Chinese MDX note: prose and front-matter values. */
export function checkZhMdx(source: string): SourceProblem[] {
  const { yaml, body, bodyLine } = splitFrontMatter(source);
  const problems = yaml ? checkStrings(yamlStrings(yaml, true)).map((p) => ({ ...p, line: p.line + 1 })) : [];
  const tree = createProcessor({ format: 'mdx', remarkPlugins: [remarkMath] }).parse(body) as unknown as MdNode;
  const offset = bodyLine - 1;
  const visit = (node: MdNode) => {
    if (proseBlocks.has(node.type)) {
      const segments: Segment[] = [];
      node.children?.forEach((c) => collect(c, segments));
      const line = node.position?.start.line ?? 1;
      problems.push(...problemsOfSegments(segments, line).map((p) => ({ ...p, line: p.line + offset })));
      return;
    }
    node.children?.forEach(visit);
  };
  visit(tree);
  return problems.sort((a, b) => a.line - b.line);
}

/** Quotation-mark problems of every `zh` field of a YAML file (quizzes, glossary). */
export function checkZhYaml(source: string): SourceProblem[] {
  return checkStrings(yamlStrings(source, false)).sort((a, b) => a.line - b.line);
}

/** Quotation-mark problems of a flat JSON string table (src/i18n/zh.json). */
export function checkZhJson(source: string): SourceProblem[] {
  const table = JSON.parse(source) as Record<string, string>;
  const lines = source.split('\n');
  return Object.entries(table).flatMap(([key, value]) => {
    const line = lines.findIndex((l) => l.trimStart().startsWith(JSON.stringify(key) + ':')) + 1;
    return findQuoteProblems(value).map((p) => ({ line, message: `${key}: ${describeQuoteProblem(p)}` }));
  });
}
