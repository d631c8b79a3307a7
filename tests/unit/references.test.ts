/**
 * The check of references between collections (src/utils/references.ts): every kind of
 * dangling reference is caught and named with its file, and the site's real content passes.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { calculatorLinks, calculatorUses, checkReferences, referenceProblems, type ReferenceSources } from '../../src/utils/references.ts';
import { calculatorInfo } from '../../src/components/calculators/info.ts';
import { readGlossary } from '../../src/build/glossary-loader.ts';
import { contentDir, listNotes, repoRoot, type Lang } from '../helpers/content.ts';

/** A small consistent site: two notes in two languages, one calculator, one glossary entry, one quiz. */
function fixture(): ReferenceSources {
  const note = (lang: string, slug: string, body = '') => ({ slug, lang, file: `content/${lang}/probability/${slug}.mdx`, body });
  return {
    notes: [
      note('en', 'bayes', 'Text.\n\n<Calculator id="bayes-test" />\n'),
      note('zh', 'bayes', '正文。\n\n<Calculator id="bayes-test" />\n'),
      note('en', 'guide'),
      note('zh', 'guide'),
    ],
    calculators: [{ id: 'bayes-test', note: 'bayes' }],
    calculatorsFile: 'src/components/calculators/info.ts',
    glossary: [{ id: 'posterior', note: 'bayes', file: 'content/glossary/bayes.yaml' }],
    quizzes: [{ topic: 'bayes', file: 'quizzes/bayes.yaml' }],
  };
}

describe('reference check (planted broken references)', () => {
  it('a consistent site passes', () => {
    expect(referenceProblems(fixture())).toEqual([]);
    expect(() => checkReferences(fixture())).not.toThrow();
  });

  it('calculator → missing note: names the registry file, the calculator and the slug', () => {
    const src = fixture();
    src.calculators = [{ id: 'bayes-test', note: 'mixed-precision-and-schedules' }];
    expect(() => checkReferences(src)).toThrow(
      'src/components/calculators/info.ts: calculator "bayes-test", field note: no note has the slug "mixed-precision-and-schedules"',
    );
  });

  it('glossary → missing note: names the glossary file, the entry and the slug', () => {
    const src = fixture();
    src.glossary = [{ id: 'posterior', note: 'bayesian', file: 'content/glossary/bayes.yaml' }];
    expect(() => checkReferences(src)).toThrow('content/glossary/bayes.yaml: glossary entry "posterior", field note: no note has the slug "bayesian"');
  });

  it('quiz → missing note: names the quiz file and its topic', () => {
    const src = fixture();
    src.quizzes = [{ topic: 'entropy', file: 'quizzes/entropy.yaml' }];
    expect(() => checkReferences(src)).toThrow('quizzes/entropy.yaml: field topic: no note has the slug "entropy"');
  });

  it('note (the guide too) → missing calculator: names the note file and the id', () => {
    const src = fixture();
    src.notes[2]!.body = 'See <Calculator id="bayes-tset" /> below.';
    expect(() => checkReferences(src)).toThrow('content/en/probability/guide.mdx: <Calculator id="bayes-tset">: no calculator has that id');
  });

  it('guide → calculator by link: a #calc-<id> anchor on the calculators page must name a calculator', () => {
    expect(calculatorLinks('See [the inspector](/en/calculators/#calc-float-inspector) and [all](/en/calculators/).')).toEqual(['float-inspector']);
    const src = fixture();
    src.notes[3]!.body = '[贝叶斯](/zh/calculators/#calc-bayes-test)，[熵](/zh/calculators/#calc-entropy)';
    expect(() => checkReferences(src)).toThrow(
      'content/zh/probability/guide.mdx: link to the calculators page #calc-entropy: no calculator has the id "entropy"',
    );
  });

  it('a note present in one language only is a missing target, naming the language', () => {
    const src = fixture();
    src.notes = src.notes.filter((n) => !(n.lang === 'zh' && n.slug === 'bayes'));
    expect(referenceProblems(src).map((p) => p.message)).toContain('calculator "bayes-test", field note: no note has the slug "bayes" in zh');
  });

  it('lists every problem at once, one line each', () => {
    const src = fixture();
    src.calculators = [{ id: 'bayes-test', note: 'nope' }];
    src.quizzes = [{ topic: 'nada', file: 'quizzes/nada.yaml' }];
    expect(() => checkReferences(src)).toThrow(/Broken references between collections:\n {2}src\/.*"nope".*\n {2}quizzes\/nada\.yaml/);
  });

  it('reads <Calculator> ids in every spelling, skips code, and flags an id it cannot read', () => {
    expect(calculatorUses('<Calculator id="a" />\n<Calculator id=\'b\'/>\n<Calculator id={"c"} />')).toEqual(['a', 'b', 'c']);
    expect(calculatorUses('```mdx\n<Calculator id="shown-only" />\n```\nand `<Calculator id="inline" />`')).toEqual([]);
    expect(calculatorUses('<Calculator name="x" />')).toEqual([null]);
    const src = fixture();
    src.notes[0]!.body = '<Calculator />';
    expect(referenceProblems(src)).toEqual([{ file: 'content/en/probability/bayes.mdx', message: '<Calculator> needs id="…" written as a plain string' }]);
  });
});

describe('the site’s own references', () => {
  it('every calculator, glossary entry, quiz and <Calculator> in content/ points at something that exists', async () => {
    const notes = (['en', 'zh'] as Lang[]).flatMap((lang) =>
      listNotes(lang).map((path) => {
        const parts = path.replace(/\.mdx?$/, '').split('/');
        const slug = parts.length === 2 && parts[1] === 'index' ? parts[0]! : parts.at(-1)!;
        return { slug, lang, file: `content/${lang}/${path}`, body: readFileSync(join(contentDir, lang, path), 'utf8') };
      }),
    );
    const quizDir = join(repoRoot, 'quizzes');
    const quizzes = readdirSync(quizDir)
      .filter((f) => /\.ya?ml$/.test(f))
      .map((f) => ({ topic: String((parse(readFileSync(join(quizDir, f), 'utf8')) as { topic: unknown }).topic), file: `quizzes/${f}` }));
    const glossary = await readGlossary(join(contentDir, 'glossary'));
    const src: ReferenceSources = {
      notes,
      calculators: Object.entries(calculatorInfo).map(([id, info]) => ({ id, note: info.note })),
      calculatorsFile: 'src/components/calculators/info.ts',
      glossary,
      quizzes,
    };
    expect(referenceProblems(src)).toEqual([]);
    expect(calculatorInfo['lr-schedule'].note).toBe('learning-rate-schedules');
    // Every calculator is embedded in at least one note.
    const used = new Set(notes.flatMap((n) => calculatorUses(n.body)));
    expect(Object.keys(calculatorInfo).filter((id) => !used.has(id))).toEqual([]);
  });
});
