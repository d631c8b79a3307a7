/** The page picker behind the accessibility test's choice of pages (tests/helpers/page-kinds.ts). */
import { describe, expect, it } from 'vitest';
import { coverPages, pageSignature } from '../helpers/page-kinds.ts';

const page = (body: string) => `<!doctype html><html lang="en"><head><title>t</title></head><body>${body}</body></html>`;

describe('pageSignature', () => {
  it('records each element by tag, classes and presentation attributes, alone and under its parent', () => {
    const shapes = pageSignature(page('<main class="note"><table class="wide b"><tr><td tabindex="0">1</td></tr></table></main>'));
    expect(shapes).toContain('main.note');
    expect(shapes).toContain('table.b.wide');
    expect(shapes).toContain('tr > td[tabindex=0]');
    expect(shapes).toContain('body > main.note');
    expect([...shapes].some((s) => s.startsWith('head') || s.startsWith('title'))).toBe(false);
  });

  it('leaves out what assistive technology never meets and the insides of formulas and drawings', () => {
    const shapes = pageSignature(page('<span aria-hidden="true"><b class="glyph">x</b></span><math><mi>x</mi></math><svg><path></path></svg>'));
    expect(shapes).toContain('span');
    expect(shapes).toContain('math');
    expect(shapes).toContain('svg');
    expect([...shapes].some((s) => /glyph|mi|path/.test(s))).toBe(false);
  });

  it('looks inside templates (a quiz question’s other variants)', () => {
    expect(pageSignature(page('<template><p class="hint">h</p></template>'))).toContain('template > p.hint');
  });
});

describe('coverPages', () => {
  const signatures = new Map([
    ['a', new Set(['x', 'y'])],
    ['b', new Set(['y', 'z', 'w'])],
    ['c', new Set(['x'])],
    ['d', new Set(['v'])],
  ]);

  it('keeps the starting pages, then adds the page adding most until every shape is on a chosen page', () => {
    expect(coverPages(signatures)).toEqual(['b', 'a', 'd']);
    expect(coverPages(signatures, ['c'])).toEqual(['c', 'b', 'd']);
  });

  it('adds a page whose shape no other page has', () => {
    const grown = new Map([...signatures, ['e', new Set(['x', 'new'])]]);
    expect(coverPages(grown, ['a', 'b', 'd'])).toEqual(['a', 'b', 'd', 'e']);
  });
});
