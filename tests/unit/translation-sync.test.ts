/**
 * Translation tracking: the hash ignores the note's own checked_against line and line endings,
 * stamping adds or replaces that line and nothing else, and the state follows the counterpart.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sourceHash, translationState, withCheckedAgainst } from '../../src/build/translation-sync.ts';
import { contentDir, listNotes } from '../helpers/content.ts';

const note = `---
title: Bayes
description: A note.
area: probability
order: 1
---

Body with $p$.
`;

describe('translation tracking', () => {
  it('hashes a source without its checked_against line and with uniform line endings', () => {
    const hash = sourceHash(note);
    expect(hash).toMatch(/^[0-9a-f]{12}$/);
    expect(sourceHash(withCheckedAgainst(note, 'abcdefabcdef'))).toBe(hash);
    expect(sourceHash(note.replace(/\n/g, '\r\n'))).toBe(hash);
    expect(sourceHash(note.replace('Body', 'A body'))).not.toBe(hash);
  });

  it('adds checked_against as the last front-matter line, then replaces it in place', () => {
    const once = withCheckedAgainst(note, '111111111111');
    expect(once).toBe(note.replace('order: 1\n', 'order: 1\nchecked_against: 111111111111\n'));
    expect(withCheckedAgainst(once, '222222222222')).toBe(note.replace('order: 1\n', 'order: 1\nchecked_against: 222222222222\n'));
    expect(() => withCheckedAgainst('no front matter', '111111111111')).toThrow(/front matter/);
  });

  it('is in step until the counterpart changes, and never checked without a record', () => {
    const counterpart = note.replace('Bayes', '贝叶斯');
    const recorded = sourceHash(counterpart);
    expect(translationState(recorded, counterpart)).toBe('in-step');
    expect(translationState(recorded, counterpart.replace('Body', 'Edited body'))).toBe('counterpart-changed');
    expect(translationState(undefined, counterpart)).toBe('never-checked');
  });
});

describe('the notes in this repository', () => {
  it('each record which version of their counterpart they were checked against', () => {
    const unmarked = (['en', 'zh'] as const).flatMap((lang) =>
      listNotes(lang)
        .filter((file) => !/^checked_against: [0-9a-f]{12}$/m.test(readFileSync(join(contentDir, lang, file), 'utf8')))
        .map((file) => `content/${lang}/${file}`),
    );
    // A new note pair is checked against itself once written: npm run translations -- --mark FILE.
    expect(unmarked).toEqual([]);
  });
});
