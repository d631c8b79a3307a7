/**
 * The glossary: enough terms, each taught by a real note whose text uses the term (the
 * Chinese note uses the glossary's Chinese term verbatim), and anchors that exist.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import GithubSlugger from 'github-slugger';
import { readGlossary } from '../../src/build/glossary-loader.ts';
import { contentDir, listNotes, readNote } from '../helpers/content.ts';

const entries = await readGlossary(join(contentDir, 'glossary'));
const notePaths = listNotes('en').map((f) => f.replace(/\.mdx?$/, ''));
/** slug → [area, slug] as readNote wants them. */
const noteBySlug = new Map(
  notePaths
    .filter((p) => p.includes('/'))
    .map((p) => {
      const [area, file] = p.split('/') as [string, string];
      return [file === 'index' ? area : file, [area, file === 'index' ? area : file] as const];
    }),
);

function headingIds(text: string): string[] {
  const slugger = new GithubSlugger();
  return [...text.matchAll(/^#{2,6}\s+(.+)$/gm)].map((m) => slugger.slug(m[1]!.replace(/\$[^$]*\$/g, (math) => math).trim()));
}

describe('glossary', () => {
  it('has at least 80 terms', () => {
    expect(entries.length).toBeGreaterThanOrEqual(80);
  });

  for (const entry of entries) {
    it(`${entry.id}: taught by “${entry.note}”, named there in both languages`, () => {
      const where = noteBySlug.get(entry.note);
      expect(where, `note ${entry.note}`).toBeDefined();
      const [area, slug] = where!;
      const en = readNote('en', area, slug);
      const zh = readNote('zh', area, slug);
      expect(en.toLowerCase()).toContain(entry.en.toLowerCase());
      expect(zh).toContain(entry.zh);
      if (entry.anchor) expect(headingIds(en)).toContain(entry.anchor);
      if (entry.anchor_zh) expect(headingIds(zh)).toContain(entry.anchor_zh);
    });
  }
});
