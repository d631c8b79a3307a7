/**
 * The guides in docs/*.md name real things: every repository path they mention (src/…,
 * tests/…, content/…, scripts/…, docs/…) exists, `{a,b}` alternatives each, and every
 * calculator id they name (`<Calculator id="…" />`, `data-calc="…"`, `calc.<id>.` string keys,
 * the id list in AUTHORING.md) is one in src/components/calculators/info.ts. Placeholders
 * (`<id>`, `ID`, `…`, `*`) are not checked.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { calculatorInfo } from '../../src/components/calculators/info.ts';

const root = join(import.meta.dirname, '../..');
const docs = readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md'));
const ids = new Set(Object.keys(calculatorInfo));

/** `src/i18n/{en,zh}.json` → both files. */
function expand(path: string): string[] {
  const m = /\{([^{}]+)\}/.exec(path);
  if (!m) return [path];
  return m[1]!.split(',').flatMap((alt) => expand(path.slice(0, m.index) + alt + path.slice(m.index + m[0].length)));
}

export function pathsIn(text: string): string[] {
  const found = text.match(/(?<![\w/.-])(?:src|tests|content|scripts|docs|quizzes)\/[\w./[\]{},@-]*[\w\]}]/g) ?? [];
  return [...new Set(found)].filter((p) => !/ID|…|\*|<|\.\.\./.test(p)).flatMap(expand);
}

export function calculatorIdsIn(text: string): string[] {
  const named = [
    ...[...text.matchAll(/<Calculator id="([^"]+)"/g)].map((m) => m[1]!),
    ...[...text.matchAll(/data-calc="([^"]+)"/g)].map((m) => m[1]!),
    ...[...text.matchAll(/\bcalc\.([a-z][a-z0-9-]*)\.[\w.]/g)].map((m) => m[1]!).filter((id) => id !== 'js'),
    // AUTHORING.md: "Ids (src/components/calculators/info.ts): `a`, `b`, … ."
    ...[...text.matchAll(/Ids \(src\/components\/calculators\/info\.ts\):([^.]*)\./g)].flatMap((m) => [...m[1]!.matchAll(/`([^`]+)`/g)].map((x) => x[1]!)),
  ];
  return [...new Set(named)].filter((id) => id !== '…');
}

describe('docs name real paths and calculator ids', () => {
  it.each(docs)('docs/%s', (file) => {
    const text = readFileSync(join(root, 'docs', file), 'utf8');
    expect(pathsIn(text).filter((p) => !existsSync(join(root, p.replace(/\/$/, ''))))).toEqual([]);
    expect(calculatorIdsIn(text).filter((id) => !ids.has(id))).toEqual([]);
  });

  it('finds paths and ids, and flags wrong ones', () => {
    const sample =
      'See `src/i18n/{en,zh}.json`, src/calculators/widgets/lr-schedule.ts and <Calculator id="lr-schedul" />; `calc.js.failed`, `calc.nope.intro`.';
    expect(pathsIn(sample)).toEqual(['src/i18n/en.json', 'src/i18n/zh.json', 'src/calculators/widgets/lr-schedule.ts']);
    expect(calculatorIdsIn(sample).filter((id) => !ids.has(id))).toEqual(['lr-schedul', 'nope']);
  });

  it('lists every calculator id in AUTHORING.md', () => {
    const text = readFileSync(join(root, 'docs/AUTHORING.md'), 'utf8');
    expect(
      calculatorIdsIn(text)
        .filter((id) => ids.has(id))
        .sort(),
    ).toEqual([...ids].sort());
  });
});
