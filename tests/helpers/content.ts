/** Helpers for tests that read authored content straight from the repository. */
import { readFileSync, readdirSync } from 'node:fs';
import { expect } from 'vitest';
import { join } from 'node:path';

export const repoRoot = join(import.meta.dirname, '..', '..');
export const contentDir = join(repoRoot, 'content');

export type Lang = 'en' | 'zh';

/** The raw text of a note (front matter included). `slug` is the area id for an overview. */
export function readNote(lang: Lang, area: string, slug: string): string {
  const file = slug === area ? 'index' : slug;
  for (const ext of ['.mdx', '.md']) {
    try {
      return readFileSync(join(contentDir, lang, area, file + ext), 'utf8');
    } catch {
      /* try the next extension */
    }
  }
  throw new Error(`No ${lang} note ${area}/${slug} under content/`);
}

/** Every note file under content/<lang>/, as paths relative to that folder. */
export function listNotes(lang: Lang): string[] {
  return readdirSync(join(contentDir, lang), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.mdx?$/.test(f))
    .sort();
}

/**
 * Asserts that every printed result of a worked example appears, exactly as printed, in both
 * the English and the Chinese note, so a note cannot change its numbers without its test.
 */
export function expectPrintedInBothNotes(area: string, slug: string, printed: string[]): void {
  const en = readNote('en', area, slug);
  const zh = readNote('zh', area, slug);
  for (const s of printed) {
    expect(en, `en ${slug} should contain ${s}`).toContain(s);
    expect(zh, `zh ${slug} should contain ${s}`).toContain(s);
  }
}
