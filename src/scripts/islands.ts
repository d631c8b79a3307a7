/**
 * Starts the loaders of the islands a page has: its questions' (src/quiz-ui/question-loader.ts)
 * and its calculators' (src/calculators/ui/loader.ts). It is part of the one script every page loads
 * (BaseLayout.astro), rather than a script per component: every script the browser fetches
 * before the first paint delays it on a slow phone (BENCHMARKS.md §7b), and a page with neither
 * fetches neither loader.
 */
function start(selector: string, load: () => Promise<unknown>): void {
  const elements = document.querySelectorAll(selector);
  if (elements.length === 0) return;
  load().catch((error: unknown) => {
    for (const el of elements) el.setAttribute('data-load-failed', String(error));
  });
}

start('afm-question', () => import('../quiz-ui/question-loader.ts'));
start('[data-calc]', () => import('../calculators/ui/loader.ts'));
