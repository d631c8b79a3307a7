/**
 * Every learner-facing message, in English and Chinese. Each `invalid` message says what to
 * type instead. Precondition for all helpers: arguments are short, already-safe strings.
 *
 * Size matters here: this module ships to the browser, where every Chinese character costs
 * six bytes (esbuild writes it as \uXXXX). So messages are short, fixed ones are plain
 * constants, and the recurring endings (", for example …", "significant figures") are built
 * by one helper each instead of being repeated. Import as `* as M`: the bundler then shortens
 * every name.
 */
import type { Form, Text } from './types.ts';

const t = (en: string, zh: string): Text => ({ en, zh });

/** "<en>, for example <x>." / "<zh>，例如 <x>。" */
const eg = (en: string, zh: string, x: string, xZh = x): Text => t(`${en}, for example ${x}.`, `${zh}，例如 ${xZh}。`);

/** "<en> Type, for example, <x>." / "<zh>请输入例如 <x>。" (evaluateExpression strips this ending). */
const typeEg = (en: string, zh: string, x: string, xZh = x): Text => t(`${en} Type, for example, ${x}.`, `${zh}请输入例如 ${xZh}。`);

/** n significant figures, with `exactly` when the count is strict. */
const sf = (n: number | string, exactly = ''): Text => t(`${exactly && 'exactly '}${n} significant figures`, `${exactly && '恰好 '}${n} 位有效数字`);

/** English noun, Chinese noun, example, per form (in the order of FORMS). */
const FORM_TEXT: Record<Form, [string, string, string]> = {
  decimal: ['number', '数字', '0.5'],
  fraction: ['fraction', '分数', '1/2'],
  scientific: ['scientific notation', '科学计数法', '6.02e23'],
  percent: ['percentage', '百分数', '50%'],
  expression: ['expression', '表达式', 'sqrt(2)/2'],
};

/** "a, b or c" / "a、b或c"; `or` comes with its spaces. */
function joinOr(items: string[], sep: string, or: string): string {
  return items.length > 1 ? items.slice(0, -1).join(sep) + or + items[items.length - 1] : items.join('');
}

/** "a number, fraction or scientific notation" / "数字、分数或科学计数法". Forms in canonical order. */
export function formsPhrase(forms: readonly Form[]): Text {
  const en = forms.map((f) => FORM_TEXT[f][0]);
  const first = en[0] ?? 'number';
  if (first !== 'scientific notation') en[0] = (first[0] === 'e' ? 'an ' : 'a ') + first; // only `expression` takes "an"
  return t(joinOr(en, ', ', ' or '), joinOr(forms.map((f) => FORM_TEXT[f][1]), '、', '或'));
}

/** Examples of each allowed form: "0.5 or 1/2" / "0.5 或 1/2". */
function formsExample(forms: readonly Form[]): Text {
  const ex = forms.map((f) => FORM_TEXT[f][2]);
  return t(joinOr(ex, ', ', ' or '), joinOr(ex, '、', ' 或 '));
}

export const blank = eg('Type an answer', '请输入答案', '0.5');
export const tooLong = eg('Too long: type just the number', '过长：请只输入数值', '0.5');
export const tooDeep = eg('Too many nested parentheses: simplify', '括号嵌套过深：请化简', '(1+2)/3');

/** For `0。5` and `0,5`: "Use . as the decimal point: type 0.5." */
export const decimalPoint = (fixed: string) => t(`Use . as the decimal point: type ${fixed}.`, `小数点用 .：请输入 ${fixed}。`);
const GROUPS = t('A comma only groups thousands, as in 1,000.', '逗号只用于千位分隔，如 1,000。');
export const decimalComma = (fixed: string) => {
  const m = decimalPoint(fixed);
  return t(`${m.en} ${GROUPS.en}`, m.zh + GROUPS.zh);
};
export const grouping = t(`${GROUPS.en} Or type the number without commas.`, `${GROUPS.zh}或输入不带逗号的数。`);

/** What a number must look like here: "<lead> <forms>. Type, for example, 0.5 or 1/2." */
const formsHint = (forms: readonly Form[], en: string, zh: string) => {
  const p = formsPhrase(forms);
  const x = formsExample(forms);
  return typeEg(en + p.en + '.', zh + p.zh + '。', x.en, x.zh);
};
export const syntax = (forms: readonly Form[]) => formsHint(forms, 'This could not be read as ', '无法识别为');
export const formNotAllowed = (forms: readonly Form[]) => formsHint(forms, 'The answer must be ', '答案须为');

/** Syntax errors inside an expression: the reason, then an example expression. */
const exprSyntax = (en: string, zh: string) => typeEg(en, zh, 'sqrt(2)/2');
export const unexpected = (c: string) => exprSyntax(`Unexpected “${c}”.`, `无法识别“${c}”。`);
export const missingParen = exprSyntax('A parenthesis is not closed.', '括号未配对。');
export const missingOperand = exprSyntax('An operator lacks a number.', '运算符缺少数字。');
export const adjacentNumbers = exprSyntax('Put an operator such as * between numbers.', '数之间要有运算符，如 *。');

/** `1.5e`, `2e+`, `e5`. */
export const exponent = eg('Put digits on both sides of e', 'e 两边都要有数字', '1.5e3');
export const percentNotAllowed = (fixed: string) => t(`Type the number, not a percentage: ${fixed}.`, `请输入数值，不用百分数：${fixed}。`);
export const strictForm = (n: number, example: string) => {
  const s = sf(n, 'exactly');
  return eg(`Write a decimal with ${s.en}`, `请写成${s.zh}的小数`, example);
};
export const divisionByZero = eg('Division by zero: check the denominator', '除数为零：请检查分母', '1/2');
/** Infinite, not a number, or too large or too small (but not 0) to represent. */
export const outOfRange = eg('Type a finite number within range', '请输入范围内的有限数', '0.5 or 1e-6', '0.5 或 1e-6');
export const ambiguousLog = eg('log is ambiguous: write ln, log2 or log10', 'log 有歧义：请写 ln、log2 或 log10', 'log2(8)');
const NAMES = 'pi, e, sqrt, exp, ln, log2, log10, sin, cos, tan, abs';
export const unknownName = (name: string) => eg(`Unknown name “${name}”. Use numbers, ${NAMES}`, `无法识别“${name}”。可用数字、${NAMES}`, '2*pi');
export const separator = eg('Separate the components with commas', '请用逗号分隔分量', '[1, 2, 3]');
export const brackets = typeEg('The brackets do not match.', '括号不配对。', '[1, 2, 3] or [1, 2; 3, 4]', '[1, 2, 3] 或 [1, 2; 3, 4]');

/** Right value(s), wrong count of figures under strict sig figs; `typed` is the count for a scalar. */
export const sigfigs = (n: number, typed?: string) => {
  const s = sf(n, 'exactly');
  return t(
    `The value${typed ? ' is' : 's are'} right, but use ${s.en}${typed ? ` (you wrote ${typed})` : ''}.`,
    `数值正确，但请用${s.zh}${typed ? `（你写了 ${typed} 位）` : ''}。`,
  );
};
export const notAList = t('Type one number, not a list.', '请只输入一个数。');
export const vectorShape = (n: number, m: number) => t(`Expected ${n} numbers; you gave ${m}.`, `需要 ${n} 个数，你给了 ${m} 个。`);
export const matrixShape = (r: number, c: number) => eg(`Expected a ${r}×${c} matrix`, `需要 ${r}×${c} 矩阵`, '[1, 2; 3, 4]');
export const component = (i: number, inner: Text) => t(`Component ${i}: ${inner.en}`, `第 ${i} 个分量：${inner.zh}`);
export const cell = (r: number, c: number, inner: Text) => t(`Row ${r}, column ${c}: ${inner.en}`, `第 ${r} 行第 ${c} 列：${inner.zh}`);
export const part = (i: number, inner: Text) => t(`Part ${i}: ${inner.en}`, `第 ${i} 小题：${inner.zh}`);

const notPrecise = (en: string, zh: string) => t(`Close, but not precise enough: ${en}.`, `接近，但精度不够：${zh}。`);
export const precisionSig = (k: number) => {
  const s = sf(k);
  return notPrecise(`give at least ${s.en}`, `至少给出 ${s.zh}`);
};
export const precisionDecimals = (d: number) => notPrecise(`round to ${d} decimal places`, `保留 ${d} 位小数`);

/** "k of n <things> are right." */
const someRight = (k: number, n: number, en: string, zh: string) => t(`${k} of ${n} ${en} are right.`, `${n} 个${zh}中有 ${k} 个正确。`);
export const partial = (k: number, n: number) => someRight(k, n, 'components', '分量');
export const partsPartial = (k: number, n: number) => someRight(k, n, 'parts', '小题');
export const partsCount = (n: number) => t(`Answer all ${n} parts.`, `请回答全部 ${n} 个小题。`);
export const chooseOne = t('Choose an answer.', '请选择答案。');
export const onlyOne = t('Choose exactly one answer.', '只能选择一个答案。');
export const badChoice = t('Choose one of the listed answers.', '请从选项中选择。');
export const choicePartial = (right: number, total: number, wrong: number) =>
  t(
    `You chose ${right} of the ${total} correct answers${wrong ? ` and ${wrong} wrong` : ''}.`,
    `${total} 个正确选项中选对了 ${right} 个${wrong ? `，选错了 ${wrong} 个` : ''}。`,
  );
