/**
 * Every calculator's id, where it is taught (area and note slug) and what it is called (its
 * title, `calc.<id>.title` in src/i18n). Plain data without components, so the build-time
 * reference check (utils/references.ts) and unit tests can read it; registry.ts pairs each id
 * with its component.
 */
import en from '../../i18n/en.json' with { type: 'json' };
import { t, type UiKey } from '../../i18n/index.ts';
import { languages, type Lang } from '../../utils/lang.ts';
import { areaIds, type AreaId } from '../../utils/areas.ts';

/** Where each calculator is taught; its name is `calc.<id>.title` in src/i18n/{en,zh}.json. */
const places = {
  'bayes-test': { area: 'probability', note: 'bayes' },
  'float-inspector': { area: 'numerical-analysis', note: 'floating-point' },
  'softmax-stability': { area: 'numerical-analysis', note: 'stable-softmax' },
  'lr-schedule': { area: 'numerical-analysis', note: 'learning-rate-schedules' },
  quantiser: { area: 'numerical-analysis', note: 'quantisation' },
  'summation-lab': { area: 'numerical-analysis', note: 'summation-and-stability' },
  'optimizer-race': { area: 'calculus', note: 'gradient-descent' },
  'backprop-stepper': { area: 'calculus', note: 'chain-rule-backprop' },
  'mutual-information': { area: 'information-theory', note: 'mutual-information' },
  'transform-explorer': { area: 'linear-algebra', note: 'eigen-svd-pca' },
  pca: { area: 'linear-algebra', note: 'eigen-svd-pca' },
  'rope-explorer': { area: 'linear-algebra', note: 'rotations-and-rope' },
  attention: { area: 'linear-algebra', note: 'attention' },
  'transformer-params': { area: 'linear-algebra', note: 'matrix-multiplication' },
  'sampling-lab': { area: 'probability', note: 'sampling' },
  'ppo-clip': { area: 'probability', note: 'importance-sampling-policy-gradients' },
  'beta-coin': { area: 'probability', note: 'mle-map' },
  'entropy-kl': { area: 'information-theory', note: 'cross-entropy-kl' },
  'scaling-planner': { area: 'calculus', note: 'scaling-laws' },
  'speculative-decoding': { area: 'probability', note: 'decoding-strategies' },
  'grad-clip': { area: 'numerical-analysis', note: 'gradients-and-clipping' },
} as const satisfies Record<string, { area: string; note: string }>;

export type CalculatorId = keyof typeof places;
export type CalculatorInfo = { area: string; note: string; title: Record<Lang, string> };

function titleOf(id: string): Record<Lang, string> {
  const key = `calc.${id}.title`;
  if (!(key in en)) throw new Error(`No UI string "${key}" in src/i18n/en.json (and zh.json): the calculator's name`);
  return Object.fromEntries(languages.map((lang) => [lang, t(lang, key as UiKey)])) as Record<Lang, string>;
}

export const calculatorInfo = Object.fromEntries(Object.entries(places).map(([id, place]) => [id, { ...place, title: titleOf(id) }])) as {
  [K in CalculatorId]: (typeof places)[K] & { title: Record<Lang, string> };
};

const ids = Object.keys(calculatorInfo) as CalculatorId[];
/** The areas that have calculators, in the site's order of areas, each with its calculators' ids: the calculators pages' grouping. */
export const calculatorsByArea: ReadonlyArray<{ area: AreaId; ids: CalculatorId[] }> = areaIds
  .map((area) => ({ area, ids: ids.filter((id) => calculatorInfo[id].area === area) }))
  .filter((g) => g.ids.length > 0);

/** The route (below the language) of an area's calculators page, src/pages/[lang]/calculators/[area].astro. */
export const areaCalculatorsRoute = (area: string): string => `calculators/${area}/`;
