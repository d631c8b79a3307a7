/**
 * The terminology list of docs/TERMINOLOGY.md, read as data, and the checks that hold the
 * Chinese UI strings, the Chinese notes' headings and the guide's calculator names to it.
 */

export type Role = 'UI' | 'headings' | 'notes';

export interface TermRule {
  en: string;
  zh: string;
  avoid: string[];
  where: Role[];
  keys: string[];
}

export interface Heading {
  file: string;
  line: number;
  text: string;
}

const cells = (row: string) =>
  row
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((c) => c.trim());
const list = (cell: string, sep: RegExp) =>
  cell
    .split(sep)
    .map((s) => s.trim())
    .filter(Boolean);

/** The rows between `<!-- terms:start -->` and `<!-- terms:end -->`; throws on a malformed row. */
export function parseTermTable(markdown: string): TermRule[] {
  const m = /<!-- terms:start -->([\s\S]*?)<!-- terms:end -->/.exec(markdown);
  if (!m) throw new Error('TERMINOLOGY.md: no <!-- terms:start --> … <!-- terms:end --> table');
  const rows = m[1]!.split('\n').filter((l) => l.trim().startsWith('|'));
  return rows.slice(2).map((row) => {
    const c = cells(row);
    if (c.length !== 6) throw new Error(`TERMINOLOGY.md: a term row has ${c.length} columns, not 6: ${row}`);
    const where = list(c[3]!, /,/);
    for (const w of where) if (w !== 'UI' && w !== 'headings' && w !== 'notes') throw new Error(`TERMINOLOGY.md: unknown place “${w}” in: ${row}`);
    return { en: c[0]!, zh: c[1]!, avoid: list(c[2]!, /、/), where: where as Role[], keys: list(c[4]!, /,/) };
  });
}

/** The calculator table of TERMINOLOGY.md: id → names. */
export function parseCalculatorTable(markdown: string): Record<string, { en: string; zh: string }> {
  const section = markdown.split(/^## Calculators$/m)[1]?.split(/^## /m)[0] ?? '';
  const out: Record<string, { en: string; zh: string }> = {};
  for (const row of section
    .split('\n')
    .filter((l) => l.trim().startsWith('|'))
    .slice(2)) {
    const [id, en, zh] = cells(row);
    out[id!] = { en: en!, zh: zh! };
  }
  return out;
}

/** UI strings that use a term to avoid, or lack the term their key must use. */
export function findUiViolations(rules: TermRule[], strings: Record<string, string>): string[] {
  const problems: string[] = [];
  for (const rule of rules) {
    if (rule.where.includes('UI')) {
      for (const [key, value] of Object.entries(strings)) {
        for (const bad of rule.avoid) {
          if (value.includes(bad)) problems.push(`zh.json ${key}: “${value}” uses ${bad}; for “${rule.en}” write ${rule.zh}`);
        }
      }
    }
    for (const key of rule.keys) {
      const value = strings[key];
      if (value === undefined) problems.push(`zh.json has no key ${key} (listed for “${rule.en}”)`);
      else if (!value.includes(rule.zh)) problems.push(`zh.json ${key}: “${value}” should say ${rule.zh} (“${rule.en}”)`);
    }
  }
  return problems;
}

/**
 * Every line holding Chinese text of a file, held to the rules of one role: `UI` for the code
 * under src/ (a script's own strings, a calculator's labels, like zh.json), `notes` for the
 * Chinese notes and the quiz files.
 */
export function findLineViolations(rules: TermRule[], role: Role, file: string, source: string): string[] {
  const problems: string[] = [];
  source.split('\n').forEach((line, i) => {
    if (!/[\u4e00-\u9fff]/.test(line)) return;
    for (const rule of rules.filter((r) => r.where.includes(role))) {
      for (const bad of rule.avoid) {
        if (line.includes(bad)) problems.push(`${file}:${i + 1}: uses ${bad}; for “${rule.en}” write ${rule.zh}`);
      }
    }
  });
  return problems;
}

/** Headings that use a term to avoid. */
export function findHeadingViolations(rules: TermRule[], headings: Heading[]): string[] {
  const problems: string[] = [];
  for (const h of headings) {
    for (const rule of rules.filter((r) => r.where.includes('headings'))) {
      for (const bad of rule.avoid) {
        if (h.text.includes(bad)) problems.push(`${h.file}:${h.line}: heading “${h.text}” uses ${bad}; for “${rule.en}” write ${rule.zh}`);
      }
    }
  }
  return problems;
}

/** The `##`–`######` headings of a Markdown/MDX source, outside fenced code. */
export function headingsOf(file: string, source: string): Heading[] {
  const out: Heading[] = [];
  let fence: string | undefined;
  source.split('\n').forEach((line, i) => {
    const f = /^\s*(```|~~~)/.exec(line);
    if (f) fence = fence === undefined ? f[1] : fence === f[1] ? undefined : fence;
    else if (fence === undefined) {
      const h = /^#{2,6}\s+(.+?)\s*#*\s*$/.exec(line);
      if (h) out.push({ file, line: i + 1, text: h[1]! });
    }
  });
  return out;
}

/** Words that make a bold span in the guide a calculator's name. */
const calculatorWords = /calculator|inspector|explorer|race|plotter|stepper|\blab\b|counter|计算器|检查器|探索器|演示|赛跑|绘图器|实验室|计数器/i;

/**
 * Bold spans of the guide that name a calculator (they contain a calculator word) but contain
 * none of the calculators' names exactly (case aside, for English).
 */
export function findGuideNameProblems(file: string, source: string, names: string[]): string[] {
  const problems: string[] = [];
  const lower = names.map((n) => n.toLowerCase());
  source.split('\n').forEach((line, i) => {
    for (const m of line.matchAll(/\*\*([^*]+)\*\*/g)) {
      const bold = m[1]!;
      if (!calculatorWords.test(bold)) continue;
      if (!lower.some((n) => bold.toLowerCase().includes(n))) {
        problems.push(`${file}:${i + 1}: **${bold}** names a calculator, but not by its name (${names.join(' / ')})`);
      }
    }
  });
  return problems;
}
