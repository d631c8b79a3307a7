/**
 * Every note compiles as MDX with the site's math pipeline, and KaTeX accepts every formula.
 * This is a fast check for authors; the real build enforces the same with Astro.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile } from '@mdx-js/mdx';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { contentDir, listNotes } from '../helpers/content.ts';

const stripFrontMatter = (text: string) => text.replace(/^---\n[\s\S]*?\n---\n/, '');

for (const lang of ['en', 'zh'] as const) {
  describe(`${lang} notes compile`, () => {
    for (const file of listNotes(lang)) {
      it(file, async () => {
        const source = stripFrontMatter(readFileSync(join(contentDir, lang, file), 'utf8'));
        await expect(
          compile(source, {
            format: file.endsWith('.mdx') ? 'mdx' : 'md',
            remarkPlugins: [remarkMath],
            rehypePlugins: [[rehypeKatex, { throwOnError: true, strict: 'ignore' }]],
          }),
        ).resolves.toBeTruthy();
      });
    }
  });
}
