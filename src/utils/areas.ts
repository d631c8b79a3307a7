/** The five areas of the site, in teaching order, with their names in both languages. */
import type { Bilingual } from './lang.ts';

export const areaIds = ['linear-algebra', 'probability', 'calculus', 'information-theory', 'numerical-analysis'] as const;
export type AreaId = (typeof areaIds)[number];

export const areaNames: Record<AreaId, Bilingual> = {
  'linear-algebra': { en: 'Linear algebra', zh: '线性代数' },
  probability: { en: 'Probability and statistics', zh: '概率与统计' },
  calculus: { en: 'Calculus and optimisation', zh: '微积分与优化' },
  'information-theory': { en: 'Information theory', zh: '信息论' },
  'numerical-analysis': { en: 'Numerical analysis', zh: '数值分析' },
};

export function isAreaId(value: string): value is AreaId {
  return (areaIds as readonly string[]).includes(value);
}
