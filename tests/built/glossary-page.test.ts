/**
 * The built glossary page: every entry is a heading with its own anchor (so links and search
 * results land on it) whose name links to itself, formulas in definitions are typeset as MathML
 * (no `$` or ASCII `^T` left), and the filter box is there with the names it matches on.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readGlossary } from '../../src/build/glossary-loader.ts';
import { contentDir } from '../helpers/content.ts';
import { readBuilt } from '../helpers/site.ts';

const entries = await readGlossary(join(contentDir, 'glossary'));

describe.each(['en', 'zh'] as const)('glossary page (%s)', (lang) => {
  const html = readBuilt(`${lang}/glossary/index.html`);
  const definitions = [...html.matchAll(/<p class="glossary-definition">([\s\S]*?)<\/p>/g)].map((m) => m[1]!);

  it('gives every entry a heading with its id and a link to itself', () => {
    for (const entry of entries) {
      expect(html, entry.id).toMatch(new RegExp(`<h3 id="term-${entry.id}" class="glossary-term"><a href="#term-${entry.id}"`));
    }
    expect(html.match(/class="glossary-term"/g)?.length).toBe(entries.length);
  });

  it('typesets formulas: no $ and no ASCII ^T left in a definition', () => {
    expect(definitions.length).toBe(entries.length);
    expect(definitions.filter((d) => d.includes('<math ')).length).toBeGreaterThan(40);
    for (const d of definitions) {
      const text = d.replace(/<math [\s\S]*?<\/math>/g, '').replace(/<[^>]+>/g, '');
      expect(text).not.toMatch(/\$|\^T\b|sqrt\(/);
    }
  });

  it('keeps the two names of a term apart and has the filter box', () => {
    // A space between the name and the other language's name, so indexed text does not run them together.
    expect(html).toMatch(/<\/a> <span class="glossary-other"/);
    expect(html).toContain('id="glossary-filter"');
    expect(html).toMatch(/data-names="[^"]*bfloat16/);
  });
});
