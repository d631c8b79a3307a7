/**
 * The one calculator loader. CalcShell.astro renders `<afm-ID data-calc="ID">` (the naming
 * rule is in tag.ts) and includes this script once per page that has a calculator; the script
 * finds the page's `[data-calc]` elements and, when one comes near the viewport, imports its
 * widget src/calculators/widgets/ID.ts (through widgets.ts), so a page pays for the
 * calculators it shows and nothing else. The list of widgets is itself loaded lazily: it
 * names every widget chunk, and a page that never scrolls to its calculator need not fetch it.
 */
import { calcTag } from './tag.ts';
import { defineWhenVisible } from './lazy.ts';

const ids = new Set<string>();
for (const el of document.querySelectorAll('[data-calc]')) ids.add(el.getAttribute('data-calc')!);
for (const id of ids) defineWhenVisible(calcTag(id), () => import('./widgets.ts').then((m) => m.defineCalculator(id)));
