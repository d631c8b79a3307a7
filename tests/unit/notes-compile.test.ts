/**
 * Every note's front matter is valid YAML with the fields the site needs, every note compiles
 * as MDX with the site's math pipeline, and every formula can be typeset. This is a fast check
 * for authors; the real build enforces the same with Astro.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile } from '@mdx-js/mdx';
import remarkMath from 'remark-math';
import rehypeMath from '../../src/integrations/rehype-math.ts';
import { parse as parseYaml } from 'yaml';
import { contentDir, listNotes } from '../helpers/content.ts';

const stripFrontMatter = (text: string) => text.replace(/^---\n[\s\S]*?\n---\n/, '');
const frontMatter = (text: string) => /^---\n([\s\S]*?)\n---\n/.exec(text)?.[1];

for (const lang of ['en', 'zh'] as const) {
  // A long note takes a second or two to compile, several on a busy 2-core machine:
  // this checks that it compiles, not how fast.
  describe(`${lang} notes compile`, { timeout: 60_000 }, () => {
    for (const file of listNotes(lang)) {
      it(`${file}: front matter`, () => {
        const yaml = frontMatter(readFileSync(join(contentDir, lang, file), 'utf8'));
        expect(yaml, 'no front matter between --- lines').toBeDefined();
        // A plain scalar with ": " in it (a description, say) is a YAML error that only the build would report.
        const data = parseYaml(yaml!, { strict: true, uniqueKeys: true }) as Record<string, unknown>;
        for (const field of ['title', 'description', 'area', 'order']) expect(data, `field ${field}`).toHaveProperty(field);
      });
      it(file, async () => {
        const source = stripFrontMatter(readFileSync(join(contentDir, lang, file), 'utf8'));
        await expect(
          compile(source, {
            format: file.endsWith('.mdx') ? 'mdx' : 'md',
            remarkPlugins: [remarkMath],
            rehypePlugins: [rehypeMath],
          }),
        ).resolves.toBeTruthy();
      });
    }
  });
}
