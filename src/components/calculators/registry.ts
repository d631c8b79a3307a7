/**
 * Every calculator by id, with its names. The `<Calculator>` component, the calculators index
 * page and the search index read this list; add a calculator here and nowhere else.
 */
import BayesTest from './BayesTest.astro';
import FloatInspector from './FloatInspector.astro';
import SoftmaxStability from './SoftmaxStability.astro';
import LrSchedule from './LrSchedule.astro';
import OptimizerRace from './OptimizerRace.astro';
import BackpropStepper from './BackpropStepper.astro';
import MutualInformation from './MutualInformation.astro';
import TransformExplorer from './TransformExplorer.astro';
import Attention from './Attention.astro';
import TransformerParams from './TransformerParams.astro';
import SamplingLab from './SamplingLab.astro';
import EntropyKl from './EntropyKl.astro';
import type { Bilingual } from '../../utils/lang.ts';

export const calculatorComponents = {
  'bayes-test': BayesTest,
  'float-inspector': FloatInspector,
  'softmax-stability': SoftmaxStability,
  'lr-schedule': LrSchedule,
  'optimizer-race': OptimizerRace,
  'backprop-stepper': BackpropStepper,
  'mutual-information': MutualInformation,
  'transform-explorer': TransformExplorer,
  'attention': Attention,
  'transformer-params': TransformerParams,
  'sampling-lab': SamplingLab,
  'entropy-kl': EntropyKl,
} as const;

export type CalculatorId = keyof typeof calculatorComponents;

/** Where each calculator is taught (area and note slug) and what it is called. */
export const calculatorInfo: Record<CalculatorId, { area: string; note: string; title: Bilingual }> = {
  'bayes-test': { area: 'probability', note: 'bayes', title: { en: 'Bayes test calculator', zh: '贝叶斯检测计算器' } },
  'float-inspector': { area: 'numerical-analysis', note: 'floating-point', title: { en: 'Float inspector', zh: '浮点数检查器' } },
  'softmax-stability': { area: 'numerical-analysis', note: 'stable-softmax', title: { en: 'Naive vs stable softmax', zh: '朴素与稳定 softmax 对比' } },
  'lr-schedule': { area: 'numerical-analysis', note: 'mixed-precision-and-schedules', title: { en: 'Learning-rate schedule plotter', zh: '学习率调度绘图器' } },
  'optimizer-race': { area: 'calculus', note: 'gradient-descent', title: { en: 'Optimizer race', zh: '优化器赛跑' } },
  'backprop-stepper': { area: 'calculus', note: 'chain-rule-backprop', title: { en: 'Backprop stepper', zh: '反向传播逐步演示' } },
  'mutual-information': { area: 'information-theory', note: 'mutual-information', title: { en: 'Mutual information from a joint table', zh: '由联合分布表计算互信息' } },
  'transform-explorer': { area: 'linear-algebra', note: 'eigen-svd-pca', title: { en: 'Transform explorer', zh: '线性变换探索器' } },
  'attention': { area: 'linear-algebra', note: 'attention', title: { en: 'Attention calculator', zh: '注意力计算器' } },
  'transformer-params': { area: 'linear-algebra', note: 'matrix-multiplication', title: { en: 'Transformer parameter and memory counter', zh: 'Transformer 参数与内存计数器' } },
  'sampling-lab': { area: 'probability', note: 'sampling', title: { en: 'Next-token sampling lab', zh: '下一个词元采样实验室' } },
  'entropy-kl': { area: 'information-theory', note: 'cross-entropy-kl', title: { en: 'Entropy, cross-entropy and KL calculator', zh: '熵、交叉熵与 KL 散度计算器' } },
};
