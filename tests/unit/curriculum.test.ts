/**
 * Every concept and every "in large models" application of CURRICULUM.md is taught in its
 * area, in both languages, as a heading or a bold defined term (not just mentioned).
 */
import { describe, expect, it } from 'vitest';
import { listNotes, readNote } from '../helpers/content.ts';

type Topic = [label: string, en: RegExp, zh: RegExp];

const curriculum: Record<string, Topic[]> = {
  'linear-algebra': [
    ['vectors', /vector/i, /向量/],
    ['matrices', /matri(x|ces)/i, /矩阵/],
    ['tensors', /tensor/i, /张量/],
    ['dot product', /dot product/i, /点积/],
    ['matrix multiplication', /matrix multiplication/i, /矩阵乘法/],
    ['eigenvalues and eigenvectors', /eigen(value|vector)/i, /特征值|特征向量/],
    ['SVD', /singular value/i, /奇异值/],
    ['PCA', /PCA|principal component/i, /主成分分析|PCA/],
    ['token embeddings', /embedding/i, /嵌入/],
    ['attention', /attention/i, /注意力/],
    ['linear layers', /linear layer/i, /线性层/],
    ['residual connections', /residual/i, /残差/],
    ['feed-forward networks', /feed-forward/i, /前馈网络/],
    ['parameter counting', /parameter/i, /参数/],
    ['t-SNE', /t-SNE/, /t-SNE/],
    ['UMAP', /UMAP/, /UMAP/],
  ],
  probability: [
    ['random variables', /random variable/i, /随机变量/],
    ['Gaussian', /Gaussian/i, /高斯分布|正态分布/],
    ['Bernoulli', /Bernoulli/i, /伯努利/],
    ['multinomial / categorical', /multinomial|categorical/i, /多项分布|类别分布/],
    ['expectation', /expectation/i, /期望/],
    ['variance', /variance/i, /方差/],
    ['covariance', /covariance/i, /协方差/],
    ['conditional probability', /conditional probability/i, /条件概率/],
    ["Bayes' theorem", /Bayes/i, /贝叶斯/],
    ['MLE', /maximum likelihood|MLE/i, /最大似然/],
    ['MAP', /maximum a posteriori|MAP/, /最大后验/],
    ['next-token probability', /next token|next-token/i, /下一个词元/],
    ['cross-entropy loss', /cross-entropy/i, /交叉熵/],
    ['temperature', /temperature/i, /温度/],
    ['top-k', /top-k/i, /top-k/i],
    ['top-p', /top-p|nucleus/i, /top-p|核采样/i],
    ['uncertainty / confidence', /uncertainty|confidence|calibration/i, /不确定|置信|校准/],
    ['policies in RL', /policy|policies/i, /策略/],
  ],
  calculus: [
    ['derivative', /derivative/i, /导数/],
    ['partial derivative', /partial derivative/i, /偏导数/],
    ['gradient', /gradient/i, /梯度/],
    ['chain rule', /chain rule/i, /链式法则/],
    ['Taylor expansion', /Taylor/i, /泰勒/],
    ['Lagrange multipliers', /Lagrange/i, /拉格朗日/],
    ['convex optimisation', /convex/i, /凸/],
    ['backpropagation', /backprop/i, /反向传播/],
    ['gradient descent', /gradient descent/i, /梯度下降/],
    ['SGD', /SGD|stochastic gradient/i, /随机梯度下降|SGD/],
    ['momentum', /momentum/i, /动量/],
    ['RMSProp', /RMSProp/i, /RMSProp/i],
    ['Adam', /Adam/, /Adam/],
    ['sigmoid', /sigmoid/i, /sigmoid|Sigmoid/],
    ['tanh', /tanh/i, /tanh/],
    ['ReLU', /ReLU/, /ReLU/],
    ['GELU', /GELU/, /GELU/],
    ['convergence', /converge/i, /收敛/],
  ],
  'information-theory': [
    ['surprisal', /surprisal|information content/i, /信息量|自信息/],
    ['entropy', /entropy/i, /熵/],
    ['joint entropy', /joint entropy/i, /联合熵/],
    ['conditional entropy', /conditional entropy/i, /条件熵/],
    ['mutual information', /mutual information/i, /互信息/],
    ['cross-entropy', /cross-entropy/i, /交叉熵/],
    ['KL divergence', /KL/, /KL 散度|KL散度/],
    ['perplexity', /perplexity/i, /困惑度/],
    ['attention entropy', /attention/i, /注意力/],
    ['TRPO', /TRPO/, /TRPO/],
    ['PPO', /PPO/, /PPO/],
    ['entropy bonus', /entropy bonus|entropy regulari/i, /熵奖励|熵正则/],
    ['quantisation', /quanti[sz]ation/i, /量化/],
  ],
  'numerical-analysis': [
    ['FP32', /FP32/, /FP32/],
    ['FP16', /FP16/, /FP16/],
    ['BF16', /BF16|bfloat16/i, /BF16/],
    ['FP8', /FP8|E4M3/, /FP8|E4M3/],
    ['machine epsilon', /machine epsilon/i, /机器精度|机器ε|机器 ε/],
    ['rounding', /round/i, /舍入/],
    ['numerical stability', /numerical(ly)? stab/i, /数值稳定/],
    ['log-sum-exp', /log-sum-exp|logsumexp/i, /log-sum-exp|对数和指数/i],
    ['stable softmax', /stable softmax|softmax/i, /softmax/],
    ['gradient clipping', /gradient clipping|clipping/i, /梯度裁剪/],
    ['learning-rate schedules', /schedule/i, /学习率调度/],
    ['warm-up', /warm-?up/i, /预热/],
    ['cosine', /cosine/i, /余弦/],
    ['step decay', /step decay|step schedule|step/i, /阶梯|分段|步进/],
    ['exploding / vanishing gradients', /exploding|vanishing/i, /梯度爆炸|梯度消失/],
    ['mixed precision', /mixed.precision/i, /混合精度/],
    ['loss scaling', /loss scaling/i, /损失缩放/],
    ['stable optimizers', /optimi[sz]er/i, /优化器/],
  ],
};

/** Headings and bold defined terms: where a concept is actually taught, not merely mentioned. */
function taughtText(text: string): string {
  const headings = [...text.matchAll(/^#{2,4}\s+(.+)$/gm)].map((m) => m[1]);
  const bold = [...text.matchAll(/\*\*([^*]+)\*\*/g)].map((m) => m[1]);
  return [...headings, ...bold].join('\n');
}

describe('curriculum coverage', () => {
  for (const [area, topics] of Object.entries(curriculum)) {
    for (const lang of ['en', 'zh'] as const) {
      const files = listNotes(lang).filter((f) => f.startsWith(`${area}/`));
      const taught = files.map((f) => taughtText(readNote(lang, area, f.endsWith('index.mdx') ? area : f.split('/')[1]!.replace(/\.mdx?$/, '')))).join('\n');
      it(`${area} (${lang}) teaches every listed concept as a heading or defined term`, () => {
        const missing = topics.filter(([, en, zh]) => !(lang === 'en' ? en : zh).test(taught)).map(([label]) => label);
        expect(missing).toEqual([]);
      });
    }
  }
});
