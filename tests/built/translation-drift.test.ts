/**
 * A planted edit on one side of a checked note pair makes the other side's page say so, in its
 * own language, with a link to the changed version; the edited side itself shows nothing.
 */
import { describe, expect, it } from 'vitest';
import { buildFixture, fixtureNote } from '../helpers/fixture-build.ts';
import { sourceHash, withCheckedAgainst } from '../../src/build/translation-sync.ts';

describe('translation drift notice', { timeout: 180_000 }, () => {
  it('appears on the lagging page only, after an edit to its counterpart', () => {
    const en = fixtureNote('Probability');
    const zh = fixtureNote('概率');
    // Checked as a pair, then the English note gets a new sentence.
    const zhChecked = withCheckedAgainst(zh, sourceHash(en));
    const enChecked = withCheckedAgainst(en, sourceHash(zh));
    const enEdited = `${enChecked}\nA sentence added after the translation was checked.\n`;
    const build = buildFixture({ 'content/en/probability/index.mdx': enEdited, 'content/zh/probability/index.mdx': zhChecked });
    expect(build.status, build.output).toBe(0);
    const zhPage = build.page('zh/probability/index.html') ?? '';
    const enPage = build.page('en/probability/index.html') ?? '';
    expect(zhPage).toContain('class="translation-drift"');
    expect(zhPage).toContain('英文版在本页上次与它核对之后又有改动');
    expect(zhPage).toMatch(/href="[^"]*\/en\/probability\/"[^>]*>阅读英文版</);
    expect(enPage).not.toContain('translation-drift');
  });
});
