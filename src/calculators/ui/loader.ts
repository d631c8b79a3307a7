/**
 * The one calculator loader. CalcShell.astro renders `<afm-ID data-calc="ID">` (the naming rule is
 * in tag.ts), and the page's script (src/scripts/islands.ts) loads this module when the page has
 * one; it finds the page's `[data-calc]` elements and, when one comes near the viewport, imports
 * its widget src/calculators/widgets/ID.ts (through widgets.ts), so a page pays for the
 * calculators it shows and nothing else. The list of widgets is itself loaded lazily: it names
 * every widget chunk, and a page that never scrolls to its calculator need not fetch it.
 */
import { calcTag } from './tag.ts';
import { defineWhenVisible } from './lazy.ts';

const ids = new Set<string>();
for (const el of document.querySelectorAll('[data-calc]')) ids.add(el.getAttribute('data-calc')!);
for (const id of ids) defineWhenVisible(calcTag(id), () => import('./widgets.ts').then((m) => m.defineCalculator(id)));

/**
 * The header's language link keeps the calculators' state and the anchor: `/en/calculators/?bayes-test.prevalence=30#calc-bayes-test`
 * switches to the same state and place in the other language. Updated on load, when a
 * calculator changes the query string (base.ts sends STATE_EVENT), and when the hash changes.
 */
const carryStateToLanguageLink = () => {
  for (const link of document.querySelectorAll<HTMLAnchorElement>('a.lang-switch')) {
    const target = new URL(link.href);
    target.search = location.search;
    target.hash = location.hash;
    link.setAttribute('href', target.pathname + target.search + target.hash);
  }
};
carryStateToLanguageLink();
document.addEventListener('afm:calc-state', carryStateToLanguageLink);
addEventListener('hashchange', carryStateToLanguageLink);
