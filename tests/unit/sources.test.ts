/**
 * The outline this site's topics are adapted from is credited as CC BY-NC-SA 4.0 asks: the
 * footer of every page links the outline and the licence (its strings keep both
 * placeholders), and the About page in each language links them too and says the outline —
 * whose Chinese title is this site's Chinese name — is a different work.
 */
import { describe, expect, it } from 'vitest';
import en from '../../src/i18n/en.json';
import zh from '../../src/i18n/zh.json';
import { licenceUrl, outlineUrl } from '../../src/utils/sources.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentDir } from '../helpers/content.ts';

const read = (lang: 'en' | 'zh') => readFileSync(join(contentDir, lang, 'about.mdx'), 'utf8');
const about = { en: read('en'), zh: read('zh') };

describe('credit for the outline', () => {
  it.each([
    ['en', en],
    ['zh', zh],
  ] as const)('the %s footer links the outline and the licence', (_, strings) => {
    expect(strings['footer.credit']).toContain('{outline}');
    expect(strings['footer.credit']).toContain('{licence}');
    expect(strings['footer.licence']).toContain('{licence}');
  });

  it.each(['en', 'zh'] as const)('the %s About page links the outline and the licence', (lang) => {
    expect(about[lang]).toContain(`](${outlineUrl})`);
    expect(about[lang]).toContain(`](${licenceUrl})`);
  });

  it('says in both languages that the outline and this site are different works', () => {
    expect(about.en).toMatch(/The outline and this site are different works/);
    expect(about.en).toContain('《AI 数学基础》');
    expect(about.zh).toMatch(/提纲和本站是两部不同的作品/);
    expect(zh['footer.credit']).toContain('不同的作品');
    expect(en['footer.credit']).toContain('a separate work');
  });
});
