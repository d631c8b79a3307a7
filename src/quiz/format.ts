/** Short human descriptions of what an answer box accepts and how exact it must be. */
import { formsOf } from './grade.ts';
import { formsPhrase } from './messages.ts';
import { DEFAULT_TOLERANCE, type Answer, type Text, type Tolerance } from './types.ts';

/** Shortest text for x without float noise: 12 significant digits, trailing zeros trimmed. */
export function formatNumber(x: number): string {
  return String(Number(x.toPrecision(12)));
}

function tolerancePhrase(tol: Tolerance): Text {
  if ('sigfigs' in tol) {
    const n = tol.sigfigs;
    return tol.strict
      ? { en: `exactly ${n} significant figure${n === 1 ? '' : 's'}`, zh: `恰好 ${n} 位有效数字` }
      : { en: `${n} significant figure${n === 1 ? '' : 's'}`, zh: `${n} 位有效数字` };
  }
  if ('decimals' in tol) {
    const d = tol.decimals;
    return { en: `${d} decimal place${d === 1 ? '' : 's'}`, zh: `保留 ${d} 位小数` };
  }
  const rel = tol.rel ?? 0;
  const abs = tol.abs ?? 0;
  const pct = `${formatNumber(rel * 100)}%`;
  const s = rel > 0 && abs > 0 ? `±(${formatNumber(abs)} + ${pct})` : rel > 0 ? `±${pct}` : abs > 0 ? `±${formatNumber(abs)}` : '';
  return s ? { en: s, zh: `误差 ${s}` } : { en: 'exact', zh: '须精确' };
}

/**
 * e.g. "a number or fraction, ±1%" / "数字或分数，误差 ±1%";
 * "a vector of 2 numbers, any order; each a number, ±0.001" / "含 2 个数的向量，顺序不限；每个分量为数字，误差 ±0.001".
 */
export function formatAcceptance(answer: Answer): Text {
  const forms = formsPhrase(formsOf(answer));
  const tol = tolerancePhrase(answer.tolerance ?? DEFAULT_TOLERANCE);
  const scalar = { en: `${forms.en}, ${tol.en}`, zh: `${forms.zh}，${tol.zh}` };
  const v = answer.value;
  if (typeof v === 'number') return scalar;
  const credit = answer.partial ? { en: ', partial credit', zh: '，按分量给分' } : { en: '', zh: '' };
  let shape: Text;
  if (Array.isArray(v[0])) {
    const r = v.length;
    const c = (v[0] as number[]).length;
    shape = { en: `a ${r}×${c} matrix`, zh: `${r}×${c} 矩阵` };
  } else {
    const n = v.length;
    const any = answer.ordered === false;
    shape = {
      en: `a vector of ${n} number${n === 1 ? '' : 's'}${any ? ', any order' : ''}`,
      zh: `含 ${n} 个数的向量${any ? '，顺序不限' : ''}`,
    };
  }
  return {
    en: `${shape.en}${credit.en}; each ${scalar.en}`,
    zh: `${shape.zh}${credit.zh}；每个分量为${scalar.zh}`,
  };
}
