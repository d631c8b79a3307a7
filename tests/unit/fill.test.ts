/**
 * The site's one template filler (src/i18n/fill.ts), used by t() at build time and by the
 * scripts in the browser: a value is text, whatever `$` patterns it holds (a search for `$&`
 * once showed "“{q}”", and `` $` `` pasted the template's start into the message).
 */
import { describe, expect, it } from 'vitest';
import { fillTemplate } from '../../src/i18n/fill.ts';
import { t } from '../../src/i18n/index.ts';
import { fill } from '../../src/quiz-ui/text.ts';

const patterns = ['$&', '$`', "$'", '$$', '$1', '$<q>'];

describe('fillTemplate', () => {
  it('puts values in as plain text, $ patterns included', () => {
    for (const q of patterns) {
      expect(fillTemplate('No results for “{q}”.', { q })).toBe(`No results for “${q}”.`);
      expect(fillTemplate('没有找到与“{q}”相关的结果。', { q })).toBe(`没有找到与“${q}”相关的结果。`);
    }
  });
  it('fills every placeholder, numbers too, and keeps one without a value unless told otherwise', () => {
    expect(fillTemplate('{n} of {total} terms', { n: 3, total: 162 })).toBe('3 of 162 terms');
    expect(fillTemplate('{a} and {b}', { a: 'x' })).toBe('x and {b}');
    expect(fillTemplate('{a} and {b}', { a: 'x' }, () => '')).toBe('x and ');
  });
  it('is what t() uses; the quiz scripts’ own fill() is as safe', () => {
    for (const q of patterns) {
      expect(t('en', 'search.none', { q })).toBe(`No results for “${q}”.`);
      expect(t('zh', 'search.none', { q })).toBe(`没有找到与“${q}”相关的结果。`);
      expect(fill('“{q}”', { q })).toBe(`“${q}”`);
    }
  });
});
