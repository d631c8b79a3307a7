/**
 * The quiz loader: a page's questions get their code (question-element.ts) when one comes near
 * the viewport. src/scripts/islands.ts loads it on pages that have a question.
 */
import { defineWhenVisible } from '../calculators/ui/lazy.ts';

defineWhenVisible('afm-question', () => import('./question-element.ts'));
