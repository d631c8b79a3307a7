/**
 * The glossary's filter box: keeps the entries whose English or Chinese name (or an alias)
 * contains what was typed, hides the areas left empty and says how many terms are shown.
 * Works offline: everything it needs is in the page.
 */
import { fillTemplate } from '../i18n/fill.ts';

const input = document.getElementById('glossary-filter') as HTMLInputElement | null;
const status = document.getElementById('glossary-filter-status');
const entries = [...document.querySelectorAll<HTMLElement>('.glossary-entry[data-names]')];

function apply(): void {
  const query = input?.value.trim().toLowerCase() ?? '';
  let shown = 0;
  for (const entry of entries) {
    const match = !query || (entry.dataset.names ?? '').includes(query);
    entry.hidden = !match;
    if (match) shown++;
  }
  for (const area of document.querySelectorAll<HTMLElement>('.glossary-area')) {
    area.hidden = !area.querySelector('.glossary-entry:not([hidden])');
  }
  if (!status) return;
  status.textContent = !query
    ? ''
    : shown
      ? fillTemplate(status.dataset.count ?? '', { n: shown, total: entries.length })
      : fillTemplate(status.dataset.none ?? '', { q: input?.value.trim() ?? '' });
}

input?.addEventListener('input', apply);
// A value the browser restored (back navigation) filters at once.
if (input?.value) apply();
