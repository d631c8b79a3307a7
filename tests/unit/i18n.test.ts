/** UI strings: both languages have exactly the same keys, none empty, same placeholders. */
import { describe, expect, it } from 'vitest';
import en from '../../src/i18n/en.json';
import zh from '../../src/i18n/zh.json';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('UI strings', () => {
  it('has the same keys in English and Chinese', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });
  it('has no empty string and the same placeholders in both languages', () => {
    for (const [key, text] of Object.entries(en)) {
      const other = (zh as Record<string, string>)[key] ?? '';
      expect(text.trim(), key).not.toBe('');
      expect(other.trim(), key).not.toBe('');
      expect(placeholders(other), key).toEqual(placeholders(text));
    }
  });
  it('really translates: Chinese strings contain Chinese (names, brands and list punctuation aside)', () => {
    const untranslated = Object.entries(zh).filter(
      ([key, text]) =>
        !/[\u4e00-\u9fff]/.test(text) && !['lang.switch', 'root.title', 'engine.listSep', 'engine.exampleSep', 'engine.accept.scalar'].includes(key),
    );
    expect(untranslated).toEqual([]);
  });
});
