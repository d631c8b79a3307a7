/**
 * Every learner-facing message, in English and Chinese. Each `invalid` message says what to
 * type instead. Precondition for all helpers: arguments are short, already-safe strings.
 */
import type { Form, Text } from './types.ts';

const t = (en: string, zh: string): Text => ({ en, zh });

const NOUN_EN: Record<Form, string> = {
  decimal: 'number',
  fraction: 'fraction',
  scientific: 'scientific notation',
  percent: 'percentage',
  expression: 'expression',
};
const NOUN_ZH: Record<Form, string> = {
  decimal: '数字',
  fraction: '分数',
  scientific: '科学计数法',
  percent: '百分数',
  expression: '表达式',
};
const EXAMPLE: Record<Form, string> = {
  decimal: '0.5',
  fraction: '1/2',
  scientific: '6.02e23',
  percent: '50%',
  expression: 'sqrt(2)/2',
};

function joinOr(items: string[], sep: string, or: string): string {
  if (items.length <= 1) return items.join('');
  return items.slice(0, -1).join(sep) + or + items[items.length - 1];
}

/** "a number, fraction or scientific notation" / "数字、分数或科学计数法". Forms in canonical order. */
export function formsPhrase(forms: readonly Form[]): Text {
  const en = forms.map((f) => NOUN_EN[f]);
  const first = en[0] ?? 'number';
  if (first !== 'scientific notation') en[0] = (/^[aeiou]/.test(first) ? 'an ' : 'a ') + first;
  return t(joinOr(en, ', ', ' or '), joinOr(forms.map((f) => NOUN_ZH[f]), '、', '或'));
}

/** Examples of each allowed form: "0.5 or 1/2". */
export function formsExample(forms: readonly Form[]): Text {
  const ex = forms.map((f) => EXAMPLE[f]);
  return t(joinOr(ex, ', ', ' or '), joinOr(ex, '、', ' 或 '));
}

export const M = {
  blank: () => t('Type an answer, for example 0.5.', '请输入答案，例如 0.5。'),
  tooLong: (max: number) =>
    t(
      `The answer is too long (over ${max} characters). Type just the number, for example 0.5.`,
      `答案过长（超过 ${max} 个字符）。请只输入数值，例如 0.5。`,
    ),
  tooDeep: () =>
    t(
      'Too many nested parentheses. Simplify the expression, for example (1+2)/3.',
      '括号嵌套过深。请化简表达式，例如 (1+2)/3。',
    ),
  fullStop: (fixed: string) =>
    t(
      `Use a point . as the decimal mark, not 。: type ${fixed}.`,
      `小数点请用英文句点“.”，不要用“。”：请输入 ${fixed}。`,
    ),
  decimalComma: (fixed: string) =>
    t(
      `Use a point as the decimal mark: type ${fixed}. A comma only separates groups of three digits, as in 1,000.`,
      `小数点请用句点：请输入 ${fixed}。逗号只用来分隔三位一组的数字，例如 1,000。`,
    ),
  grouping: () =>
    t(
      'A comma may only separate groups of three digits, as in 1,000,000. Or type the number without commas, for example 100000.',
      '逗号只能用来分隔三位一组的数字，例如 1,000,000；也可以不加逗号，例如 100000。',
    ),
  syntax: (forms: readonly Form[]) => {
    const p = formsPhrase(forms);
    const x = formsExample(forms);
    return t(
      `This could not be read as ${p.en}. Type, for example, ${x.en}.`,
      `无法识别为${p.zh}。请输入例如 ${x.zh}。`,
    );
  },
  syntaxAt: (what: Text) =>
    t(`${what.en} Type, for example, sqrt(2)/2.`, `${what.zh}请输入例如 sqrt(2)/2。`),
  unexpected: (c: string) => t(`Unexpected “${c}”.`, `无法识别的字符“${c}”。`),
  missingParen: () => t('A parenthesis is not closed.', '括号没有配对。'),
  missingOperand: () => t('An operator is missing a number after it.', '运算符后面缺少数字。'),
  adjacentNumbers: () =>
    t('Two numbers stand side by side; put an operator such as * between them.', '两个数字挨在一起了，请在中间加上运算符（如 *）。'),
  danglingExponent: () =>
    t('Finish the exponent after e, for example 1.5e3.', '请写完 e 后面的指数，例如 1.5e3。'),
  bareExponent: () => t('Put a number before e, for example 1e5.', 'e 前面需要有数字，例如 1e5。'),
  formNotAllowed: (forms: readonly Form[]) => {
    const p = formsPhrase(forms);
    const x = formsExample(forms);
    return t(`This answer must be ${p.en}, for example ${x.en}.`, `本题答案须为${p.zh}，例如 ${x.zh}。`);
  },
  percentNotAllowed: (fixed: string) =>
    t(
      `Type the number itself, not a percentage: ${fixed} rather than a value with %.`,
      `请直接输入数值，不要用百分数：例如 ${fixed}，不要带 %。`,
    ),
  strictForm: (n: number, example: string) =>
    t(
      `Write a decimal number with exactly ${n} significant figures, for example ${example}.`,
      `请写成恰好 ${n} 位有效数字的小数，例如 ${example}。`,
    ),
  divisionByZero: () =>
    t('Division by zero: check the denominator, for example 1/2.', '除数为零：请检查分母，例如 1/2。'),
  outOfRange: () =>
    t(
      'The value must be a finite real number, for example 0.5 or 1e-6.',
      '数值必须是有限的实数，例如 0.5 或 1e-6。',
    ),
  underflow: () =>
    t(
      'This number is too small to represent; check the exponent, for example 1e-30.',
      '这个数太小，无法表示；请检查指数，例如 1e-30。',
    ),
  ambiguousLog: () =>
    t(
      'log is ambiguous: write ln (base e), log2 (base 2) or log10 (base 10), for example log2(8).',
      'log 的底数不明确：请写 ln（以 e 为底）、log2（以 2 为底）或 log10（以 10 为底），例如 log2(8)。',
    ),
  unknownName: (name: string) =>
    t(
      `Unknown name “${name}”. You can use numbers with pi, e, sqrt, exp, ln, log2, log10, sin, cos, tan, abs, for example 2*pi.`,
      `无法识别的名称“${name}”。可以使用数字和 pi、e、sqrt、exp、ln、log2、log10、sin、cos、tan、abs，例如 2*pi。`,
    ),
  separator: () =>
    t('Separate the components with commas, for example [1, 2, 3].', '各分量之间请用逗号分隔，例如 [1, 2, 3]。'),
  brackets: () =>
    t('The brackets do not match. Type, for example, [1, 2, 3] or [1, 2; 3, 4].', '括号不配对。请输入例如 [1, 2, 3] 或 [1, 2; 3, 4]。'),
  sigfigsAll: (n: number) =>
    t(
      `The values are right, but write each with exactly ${n} significant figures.`,
      `数值正确，但每个数都请写成恰好 ${n} 位有效数字。`,
    ),
  notAList: () => t('Expected a single number, not a list.', '本题需要一个数，而不是一组数。'),
  vectorShape: (n: number, m: number) =>
    t(`Expected a vector of ${n} numbers; you gave ${m}.`, `需要含 ${n} 个数的向量，你给出了 ${m} 个。`),
  matrixShape: (r: number, c: number) =>
    t(
      `Expected a ${r}×${c} matrix (${r} rows of ${c} numbers), for example [1, 2; 3, 4].`,
      `需要 ${r}×${c} 的矩阵（${r} 行，每行 ${c} 个数），例如 [1, 2; 3, 4]。`,
    ),
  component: (i: number, inner: Text) =>
    t(`Component ${i}: ${inner.en}`, `第 ${i} 个分量：${inner.zh}`),
  cell: (r: number, c: number, inner: Text) =>
    t(`Row ${r}, column ${c}: ${inner.en}`, `第 ${r} 行第 ${c} 列：${inner.zh}`),
  part: (i: number, inner: Text) => t(`Part ${i}: ${inner.en}`, `第 ${i} 小题：${inner.zh}`),
  sigfigs: (n: number, k: string) =>
    t(
      `The value is right, but write it with exactly ${n} significant figures (you wrote ${k}).`,
      `数值正确，但请写成恰好 ${n} 位有效数字（你写了 ${k} 位）。`,
    ),
  precisionSig: (k: number) =>
    t(
      `Close, but not precise enough: give at least ${k} significant figures.`,
      `接近了，但精度不够：请至少给出 ${k} 位有效数字。`,
    ),
  precisionDecimals: (d: number) =>
    t(`Close, but not precise enough: round to ${d} decimal places.`, `接近了，但精度不够：请保留 ${d} 位小数。`),
  partial: (k: number, n: number) =>
    t(`${k} of ${n} components are right.`, `${n} 个分量中有 ${k} 个正确。`),
  partsPartial: (k: number, n: number) =>
    t(`${k} of ${n} parts are right.`, `${n} 个小题中答对了 ${k} 个。`),
  partsCount: (n: number) => t(`Answer all ${n} parts.`, `请回答全部 ${n} 个小题。`),
  chooseOne: () => t('Choose an answer.', '请选择一个答案。'),
  onlyOne: () => t('Choose exactly one answer.', '本题只能选择一个答案。'),
  badChoice: () => t('Choose one of the listed answers.', '请从列出的选项中选择。'),
  choicePartial: (right: number, total: number, wrong: number) =>
    t(
      `You chose ${right} of the ${total} correct answers` + (wrong ? ` and ${wrong} wrong one${wrong > 1 ? 's' : ''}.` : '.'),
      `${total} 个正确选项中你选对了 ${right} 个` + (wrong ? `，另外选错了 ${wrong} 个。` : '。'),
    ),
} as const;
