/**
 * Search over the built Pagefind index, run from Node with Pagefind's own web bundle (see
 * tests/helpers/pagefind-node.ts): every glossary term finds the note that teaches it, each
 * language's index returns only its own pages, Chinese queries work as typed, and quiz
 * prompts and calculator names find the notes they sit in.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { readGlossary } from '../../src/utils/glossary-loader.ts';
import { contentDir, listNotes, repoRoot, type Lang } from '../helpers/content.ts';
import { nodeSearch, type NodeSearch } from '../helpers/pagefind-node.ts';
import { builtPages, readBuilt } from '../helpers/site.ts';

const htmlLang: Record<Lang, string> = { en: 'en', zh: 'zh-CN' };
const langs = ['en', 'zh'] as const;
const search = {} as Record<Lang, NodeSearch>;
beforeAll(async () => {
  for (const lang of langs) search[lang] = await nodeSearch(htmlLang[lang]);
});

/** Note slug → route under /<lang>/ ("calculus/" for an area overview, "calculus/gradient-descent/"). */
const routeBySlug = new Map(
  listNotes('en')
    .filter((p) => p.includes('/'))
    .map((p) => {
      const [area, file] = p.replace(/\.mdx?$/, '').split('/') as [string, string];
      return file === 'index' ? [area, `${area}/`] : [file, `${area}/${file}/`];
    }),
);

const top3 = async (lang: Lang, query: string) => (await search[lang].search(query)).slice(0, 3).map((r) => r.url);

describe('glossary terms find the note that teaches them', async () => {
  const entries = await readGlossary(join(contentDir, 'glossary'));
  const rates: string[] = [];

  for (const lang of langs) {
    it(`${lang}: at least 30 terms, and nearly all, have their note in the first three results`, async () => {
      const misses: string[] = [];
      for (const entry of entries) {
        const route = routeBySlug.get(entry.note);
        expect(route, `${entry.id}: note ${entry.note}`).toBeDefined();
        const want = `/${lang}/${route}`;
        const found = await top3(lang, entry[lang]);
        if (!found.includes(want)) misses.push(`“${entry[lang]}” → want ${want}, got ${found.join(' ') || 'nothing'}`);
      }
      const hits = entries.length - misses.length;
      rates.push(`${lang}: ${hits}/${entries.length} (${((hits / entries.length) * 100).toFixed(1)}%)`);
      console.log(`Glossary search hit rate ${rates.at(-1)}${misses.length ? `; misses:\n  ${misses.join('\n  ')}` : ''}`);
      expect(hits).toBeGreaterThanOrEqual(30);
      // The issue's floor is 30; the index does far better, so hold it to at least 95%.
      expect(hits / entries.length, misses.join('\n')).toBeGreaterThanOrEqual(0.95);
    });
  }
});

describe('each language searches only its own pages', () => {
  const queries: Record<Lang, string[]> = {
    en: ['gradient', 'entropy', 'matrix', 'softmax', 'probability', 'attention', 'Bayes', 'KL', 'SVD', 'learning rate'],
    zh: ['梯度', '熵', '矩阵', 'softmax', '概率', '注意力', '贝叶斯', 'KL', 'SVD', '学习率'],
  };
  for (const lang of langs) {
    it(`${lang} queries return only /${lang}/ pages`, async () => {
      for (const query of queries[lang]) {
        const results = await search[lang].search(query);
        expect(results.length, query).toBeGreaterThan(0);
        for (const r of results) expect(r.url, `${lang} “${query}”`).toMatch(new RegExp(`^/${lang}/`));
      }
    });
  }

  it('a word found only on the pages of one language finds them, and the other index never returns them', async () => {
    const pages = (lang: Lang) => builtPages().filter((p) => p.startsWith(`${lang}/`)).map(readBuilt);
    // The same sentence in both languages of the gradient-descent note; each word is on its own side only.
    expect(pages('zh').some((html) => html.includes('hillside'))).toBe(false);
    expect(pages('en').some((html) => html.includes('山坡'))).toBe(false);
    expect(await top3('en', 'hillside')).toContain('/en/calculus/gradient-descent/');
    expect(await top3('zh', '山坡')).toContain('/zh/calculus/gradient-descent/');
    // Pagefind may still match loosely (the Chinese index segments an unknown Latin word), but
    // never with a page of the other language.
    for (const r of await search.zh.search('hillside')) expect(r.url).toMatch(/^\/zh\//);
    for (const r of await search.en.search('山坡')) expect(r.url).toMatch(/^\/en\//);
  });
});

describe('Chinese queries as Chinese readers type them', () => {
  const cases: Array<[string, string]> = [
    ['奇异值分解', '/zh/linear-algebra/eigen-svd-pca/'],
    ['交叉熵损失', '/zh/information-theory/cross-entropy-kl/'],
    ['学习率预热', '/zh/numerical-analysis/learning-rate-schedules/'],
  ];
  for (const [query, want] of cases) {
    it(`${query} → ${want}`, async () => {
      expect(await top3('zh', query)).toContain(want);
    });
  }
  it('results carry a title, the area filter and an excerpt with <mark>', async () => {
    const [first] = await search.zh.search('奇异值分解');
    expect(first?.title).toMatch(/奇异值/);
    expect(first?.filters.area).toEqual(['线性代数']);
    expect(first?.excerpt).toMatch(/<mark>[^<]+<\/mark>/);
  });
  it('the area filter keeps only that area', async () => {
    const all = await search.zh.search('梯度');
    const areas = new Set(all.flatMap((r) => r.filters.area ?? []));
    expect(areas.size).toBeGreaterThan(1);
    const filtered = await search.zh.search('梯度', { filters: { area: '数值分析' } });
    expect(filtered.length).toBeGreaterThan(0);
    for (const r of filtered) expect(r.filters.area).toEqual(['数值分析']);
  });
});

describe('quiz prompts and calculator names find the note they sit in', () => {
  /** Distinctive words of a quiz prompt (each word is checked to be in the prompt) and the note it sits in. */
  const promptQueries: Record<Lang, Array<[query: string, topic: string]>> = {
    en: [
      ['renormalised probabilities kept tokens', 'sampling'],
      ['query attends two keys raw dot products', 'attention'],
      ['FP32 master weights Adam moments', 'mixed-precision'],
      ['randomly chosen person tests positive', 'bayes'],
    ],
    zh: [
      ['保留词元 重新归一化', 'sampling'],
      ['查询关注两个键', 'attention'],
      ['FP32 主权重', 'mixed-precision'],
      ['随机抽取的一人检测呈阳性', 'bayes'],
    ],
  };
  const quizzes = readdirYaml(join(repoRoot, 'quizzes'));
  const promptsOf = (lang: Lang, topic: string) =>
    quizzes
      .filter((q) => q.topic === topic)
      .flatMap((q) => q.data.questions ?? [])
      .map((question) => String((question.prompt as Partial<Record<Lang, string>> | undefined)?.[lang] ?? ''));

  for (const lang of langs) {
    it(`${lang}: a quiz prompt's distinctive words find the note it sits in`, async () => {
      for (const [query, topic] of promptQueries[lang]) {
        const prompt = promptsOf(lang, topic).find((p) => query.split(' ').every((word) => p.includes(word)));
        expect(prompt, `a ${topic} prompt with “${query}”`).toBeDefined();
        expect(await top3(lang, query), query).toContain(`/${lang}/${routeBySlug.get(topic)}`);
      }
    });

    it(`${lang}: every calculator's name finds a note that holds that calculator`, async () => {
      const holders = new Map<string, string[]>();
      for (const page of builtPages().filter((p) => p.startsWith(`${lang}/`) && !p.startsWith(`${lang}/calculators/`))) {
        for (const m of readBuilt(page).matchAll(/class="calculator-title">([^<]+)</g)) {
          const name = decodeEntities(m[1]!);
          holders.set(name, [...(holders.get(name) ?? []), `/${page.replace(/index\.html$/, '')}`]);
        }
      }
      expect(holders.size).toBeGreaterThanOrEqual(10);
      for (const [name, pages] of holders) {
        const found = await top3(lang, name);
        expect(found.some((url) => pages.includes(url)), `“${name}” → ${found.join(' ')}; held by ${pages.join(' ')}`).toBe(true);
      }
    });
  }
});

function readdirYaml(folder: string): Array<{ topic: string; data: { topic?: string; questions?: Array<{ prompt?: unknown }> } }> {
  return readdirSync(folder)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => {
      const data = parse(readFileSync(join(folder, name), 'utf8')) as { topic?: string; questions?: Array<{ prompt?: unknown }> };
      return { topic: data.topic ?? name.replace(/\.yaml$/, ''), data };
    });
}

function decodeEntities(text: string): string {
  return text.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
}
