/**
 * Every calculator by id, with its names. The `<Calculator>` component, the calculators index
 * page and the search index read this list; add a calculator here and nowhere else.
 */
import BayesTest from './BayesTest.astro';
import type { Bilingual } from '../../utils/lang.ts';

export const calculatorComponents = {
  'bayes-test': BayesTest,
} as const;

export type CalculatorId = keyof typeof calculatorComponents;

/** Where each calculator is taught (area and note slug) and what it is called. */
export const calculatorInfo: Record<CalculatorId, { area: string; note: string; title: Bilingual }> = {
  'bayes-test': { area: 'probability', note: 'bayes', title: { en: 'Bayes test calculator', zh: '贝叶斯检测计算器' } },
};
