/** The float inspector: how a decimal number is stored in FP32, FP16, BF16 and the two FP8 formats. */
import { CalculatorElement } from '../ui/base.ts';
import { FLOAT_FORMATS, binaryExponent, exactDecimal, inspectFloat, type FloatFormatId } from '../math/float-formats.ts';
import { normaliseNumberText } from '../ui/fields.ts';

const OUTS = ['stored', 'error', 'relative', 'ulp', 'previous', 'next', 'max', 'minNormal', 'minSub', 'epsilon'];
const SUPER = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const sup = (k: number) => (k < 0 ? '⁻' : '') + String(Math.abs(k)).replace(/\d/g, (d) => SUPER[Number(d)] ?? d);
/** An exact decimal string for display: the minus sign U+2212, as everywhere on the site. */
const minus = (text: string) => text.replace('-', '−');

class FloatInspector extends CalculatorElement {
  protected compute(): void {
    const x = this.number('value');
    const f = FLOAT_FORMATS[this.value('format') as FloatFormatId] ?? FLOAT_FORMATS.fp16;
    const fp8 = f.id === 'e4m3' || f.id === 'e5m2';
    // Saturation is an FP8 conversion mode; FP32, FP16 and BF16 always overflow to ±∞.
    const saturate = fp8 && this.checked('saturate');
    if (x === null) {
      for (const out of OUTS) this.output(out, '—');
      this.output('status', '');
      this.outputHtml('bits', '');
      return;
    }
    // The error is measured against the numeral as typed (0.1 is exactly 1/10), not its double.
    const r = inspectFloat(x, f, saturate ? 'saturate' : 'ieee', normaliseNumberText(this.value('value')));
    const L = r.limits;
    const v = r.rounded.value;
    /** A format value: its exact decimal when short enough, else 10 significant digits. */
    const exact = (y: number | null) =>
      y === null ? this.t({ en: 'none (E4M3 has no infinity)', zh: '无（E4M3 没有无穷大）' }) : Number.isFinite(y) ? minus(shortExact(exactDecimal(y), () => this.fmt(y, 10))) : this.fmt(y);
    const power = (y: number) => `2${sup(binaryExponent(y))} = ${exact(y)}`;

    const e = r.encoding;
    const group = (bits: string, colour: number, name: string) =>
      `<span style="color:var(--plot-${colour})" title="${name}">${bits}</span>`;
    const sign = e.bits.slice(0, 1);
    const exp = e.bits.slice(1, 1 + f.exponentBits);
    const man = e.bits.slice(1 + f.exponentBits);
    const names = this.pageLang === 'zh' ? ['符号', '指数', '尾数'] : ['sign', 'exponent', 'mantissa'];
    this.outputHtml(
      'bits',
      `<code style="font-size:1.15em;letter-spacing:.08em">${group(sign, 1, names[0]!)} ${group(exp, 0, names[1]!)} ${group(man, 2, names[2]!)}</code>` +
        `<br><small>${names[0]} ${sign} · ${names[1]} ${exp}₂ = ${e.exponent}${this.t({ en: `, bias ${L.bias}`, zh: `，偏置 ${L.bias}` })} · ${names[2]} ${man}₂ · 0x${e.code.toString(16).toUpperCase().padStart(Math.ceil(e.bits.length / 4), '0')}</small>`,
    );

    let status = '';
    if (r.rounded.overflow) {
      const X = this.fmt(x);
      const M = this.fmt(L.maxFinite);
      const S = this.fmt(Math.sign(x) * L.maxFinite);
      status = Number.isNaN(v)
        ? this.t({
            en: `Overflow: ${X} is beyond ±${M}, the largest finite ${f.name} value, and ${f.name} has no infinity. This inspector is using the non-saturating conversion (the box “FP8: saturate on overflow” is off), which turns out-of-range values into NaN (bits S.1111.111). The saturating conversion that FP8 training uses would store ${S}: tick the box to see it.`,
            zh: `上溢：${X} 超出 ${f.name} 的最大有限值 ±${M}，而 ${f.name} 没有无穷大。检查器此时采用非饱和转换（“FP8：上溢时饱和”未勾选），超出范围的值变为 NaN（比特 S.1111.111）。FP8 训练采用的饱和转换会存为 ${S}：勾选该选项即可查看。`,
          })
        : Number.isFinite(v)
          ? this.t({
              en: `Overflow: ${X} is beyond ±${M}. This inspector is using the saturating conversion (the box is ticked), as FP8 training does: the value is clamped to ${this.fmt(v)}, the largest finite value. Without saturation ${f.hasInfinity ? `it would become ${this.fmt(Math.sign(x) * Infinity)}` : `${f.name}, which has no infinity, would give NaN`}.`,
              zh: `上溢：${X} 超出 ±${M}。检查器此时采用饱和转换（已勾选），与 FP8 训练的做法相同：数值被截断为最大有限值 ${this.fmt(v)}。若不饱和，${f.hasInfinity ? `结果会是 ${this.fmt(Math.sign(x) * Infinity)}` : `${f.name} 没有无穷大，结果会是 NaN`}。`,
            })
          : this.t({
              en: `Overflow: ${X} is beyond ±${M}, so it becomes ${this.fmt(v)}${fp8 ? ' (non-saturating conversion; tick “FP8: saturate on overflow” to clamp instead)' : ''}.`,
              zh: `上溢：${X} 超出 ±${M}，结果为 ${this.fmt(v)}${fp8 ? '（非饱和转换；勾选“FP8：上溢时饱和”则改为截断）' : ''}。`,
            });
    } else if (r.rounded.underflowToZero) {
      status = this.t({ en: `Underflow: ${this.fmt(x)} is closer to 0 than to the smallest subnormal, so it is stored as 0.`, zh: `下溢：${this.fmt(x)} 离 0 比离最小次正规数更近，存储为 0。` });
    } else if (r.rounded.subnormal) {
      status = this.t({ en: 'Subnormal: below the smallest normal number, precision is lost.', zh: '次正规数：低于最小正规数，精度有所损失。' });
    }
    this.output('status', status);

    const finite = Number.isFinite(v);
    // NaN is what the format stores (E4M3 past ±448 without saturation): say so, not "—".
    this.output('stored', finite ? minus(exactDecimal(v)) : Number.isNaN(v) ? this.t({ en: 'NaN (not a number; see above)', zh: 'NaN（非数；见上文）' }) : this.fmt(v));
    // A typed fraction such as 1/3 has a non-terminating error: then a rounded one.
    this.output(
      'error',
      r.absoluteErrorDecimal !== null ? minus(shortExact(r.absoluteErrorDecimal, () => this.fmt(r.absoluteError, 10))) : finite ? `≈ ${this.fmt(r.absoluteError, 10)}` : '—',
    );
    this.output('relative', finite ? this.fmt(r.relativeError, 4) : '—');
    this.output('ulp', r.ulp === null ? '—' : power(r.ulp));
    this.output('previous', finite ? exact(r.previous) : '—');
    this.output('next', finite ? exact(r.next) : '—');
    this.output('max', exact(L.maxFinite));
    this.output('minNormal', power(L.minNormal));
    this.output('minSub', power(L.minSubnormal));
    this.output('epsilon', power(L.epsilon));
    this.announce(
      status ||
        this.t({
          en: `${this.fmt(x, 8)} in ${f.name} is stored as ${this.fmt(v, 10)}.`,
          zh: `${this.fmt(x, 8)} 在 ${f.name} 中存储为 ${this.fmt(v, 10)}。`,
        }),
    );
  }
}

/** Exact decimals of FP32 subnormals run to 150 digits; beyond 60 characters show a rounded value. */
function shortExact(text: string, rounded: () => string): string {
  return text.length <= 60 ? text : `≈ ${rounded()}`;
}

customElements.define('afm-float-inspector', FloatInspector);
