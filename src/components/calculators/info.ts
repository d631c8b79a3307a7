/**
 * Every calculator's id, where it is taught (area and note slug) and what it is called. Plain
 * data without components, so the build-time reference check (utils/references.ts) and unit
 * tests can read it; registry.ts pairs each id with its component.
 */
import type { Bilingual } from '../../utils/lang.ts';

export type CalculatorInfo = { area: string; note: string; title: Bilingual };

export const calculatorInfo = {
  'bayes-test': { area: 'probability', note: 'bayes', title: { en: 'Bayes test calculator', zh: '贝叶斯检测计算器' } },
  'float-inspector': { area: 'numerical-analysis', note: 'floating-point', title: { en: 'Float inspector', zh: '浮点数检查器' } },
  'softmax-stability': { area: 'numerical-analysis', note: 'stable-softmax', title: { en: 'Naive vs stable softmax', zh: '朴素与稳定 softmax 对比' } },
  'lr-schedule': { area: 'numerical-analysis', note: 'learning-rate-schedules', title: { en: 'Learning-rate schedule plotter', zh: '学习率调度绘图器' } },
  quantiser: { area: 'numerical-analysis', note: 'quantisation', title: { en: 'Weight quantiser', zh: '权重量化器' } },
  'summation-lab': { area: 'numerical-analysis', note: 'summation-and-stability', title: { en: 'Summation lab', zh: '求和实验室' } },
  'optimizer-race': { area: 'calculus', note: 'gradient-descent', title: { en: 'Optimizer race', zh: '优化器赛跑' } },
  'backprop-stepper': { area: 'calculus', note: 'chain-rule-backprop', title: { en: 'Backprop stepper', zh: '反向传播逐步演示' } },
  'mutual-information': {
    area: 'information-theory',
    note: 'mutual-information',
    title: { en: 'Mutual information from a joint table', zh: '由联合分布表计算互信息' },
  },
  'transform-explorer': { area: 'linear-algebra', note: 'eigen-svd-pca', title: { en: 'Transform explorer', zh: '线性变换探索器' } },
  pca: { area: 'linear-algebra', note: 'eigen-svd-pca', title: { en: 'PCA explorer', zh: '主成分分析（PCA）探索器' } },
  'rope-explorer': { area: 'linear-algebra', note: 'rotations-and-rope', title: { en: 'RoPE explorer', zh: '旋转位置编码（RoPE）探索器' } },
  attention: { area: 'linear-algebra', note: 'attention', title: { en: 'Attention calculator', zh: '注意力计算器' } },
  'transformer-params': {
    area: 'linear-algebra',
    note: 'matrix-multiplication',
    title: { en: 'Transformer parameter and memory counter', zh: 'Transformer 参数与内存计数器' },
  },
  'sampling-lab': { area: 'probability', note: 'sampling', title: { en: 'Next-token sampling lab', zh: '下一个词元采样实验室' } },
  'ppo-clip': { area: 'probability', note: 'importance-sampling-policy-gradients', title: { en: 'PPO clip and KL checker', zh: 'PPO 截断与 KL 估计检查器' } },
  'beta-coin': { area: 'probability', note: 'mle-map', title: { en: 'Coin bias: MLE, MAP and the Beta posterior', zh: '硬币偏差：MLE、MAP 与 Beta 后验' } },
  'entropy-kl': {
    area: 'information-theory',
    note: 'cross-entropy-kl',
    title: { en: 'Entropy, cross-entropy and KL calculator', zh: '熵、交叉熵与 KL 散度计算器' },
  },
  'scaling-planner': { area: 'calculus', note: 'scaling-laws', title: { en: 'Scaling-law planner', zh: '缩放定律规划器' } },
  'speculative-decoding': { area: 'probability', note: 'decoding-strategies', title: { en: 'Speculative decoding calculator', zh: '投机解码计算器' } },
  'grad-clip': { area: 'numerical-analysis', note: 'gradients-and-clipping', title: { en: 'Global-norm clipping calculator', zh: '全局范数裁剪计算器' } },
} as const satisfies Record<string, CalculatorInfo>;

export type CalculatorId = keyof typeof calculatorInfo;
