/**
 * The quiz loader: a page's questions get their code (question-element.ts) when one comes near
 * the viewport. src/scripts/islands.ts loads it on pages that have a question.
 */
import { defineWhenVisible } from '../calculators/ui/lazy.ts';

defineWhenVisible('afm-question', () => import('./question-element.ts'));

/** The question's button a learner pressed (or Enter in an answer) before its code had arrived. */
const early = new WeakMap<Element, string>();

/**
 * On a slow connection a learner can press Check before the question's code has arrived, and the
 * press would do nothing. It is remembered and pressed again once the question is ready, if the
 * question still shows the variant it was pressed on (it keeps it when the learner is at work in
 * it): a press never acts on numbers the learner did not see.
 */
function pressWhenReady(question: Element, button: string): void {
  // A second press before then replaces the first; one observer per question.
  const observing = early.has(question);
  early.set(question, button);
  if (observing) return;
  const variant = question.querySelector('.q-body')?.getAttribute('data-variant');
  new MutationObserver((_, observer) => {
    if (!question.hasAttribute('data-ready')) return;
    observer.disconnect();
    const pressed = early.get(question)!;
    early.delete(question);
    if (question.querySelector('.q-body')?.getAttribute('data-variant') !== variant) return;
    question.querySelector<HTMLButtonElement>(`button.${pressed}`)?.click();
  }).observe(question, { attributes: true, attributeFilter: ['data-ready'] });
}

document.addEventListener('click', (event) => {
  const button = (event.target as Element).closest('afm-question:not([data-ready]) button');
  if (button?.className) pressWhenReady(button.closest('afm-question')!, button.className);
});
document.addEventListener('keydown', (event) => {
  const input = event.key === 'Enter' ? (event.target as Element).closest('afm-question:not([data-ready]) :is(.q-input, .q-choice input)') : null;
  if (input) pressWhenReady(input.closest('afm-question')!, 'q-check');
});
