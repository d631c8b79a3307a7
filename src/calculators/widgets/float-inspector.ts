/** The float inspector: how a decimal number is stored in FP32, FP16, BF16 and the two FP8 formats. */
import { CalculatorElement } from '../ui/base.ts';
import { FLOAT_FORMATS, binaryExponent, exactDecimal, inspectFloat, type FloatFormatId } from '../math/float-formats.ts';

const OUTS = ['stored', 'error', 'relative', 'ulp', 'previous', 'next', 'max', 'minNormal', 'minSub', 'epsilon'];
const SUPER = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const sup = (k: number) => (k < 0 ? '⁻' : '') + String(Math.abs(k)).replace(/\d/g, (d) => SUPER[Number(d)] ?? d);

class FloatInspector extends CalculatorElement {
  protected compute(): void {
    const x = this.number('value');
    const f = FLOAT_FORMATS[this.value('format') as FloatFormatId] ?? FLOAT_FORMATS.fp16;
    const saturate = this.checked('saturate');
    if (x === null) {
      for (const out of OUTS) this.output(out, '—');
      this.output('status', '');
      this.outputHtml('bits', '');
      return;
    }
    const r = inspectFloat(x, f, saturate ? 'saturate' : 'ieee');
    const L = r.limits;
    const v = r.rounded.value;
    /** A format value: its exact decimal when short enough, else 10 significant digits. */
    const exact = (y: number | null) =>
      y === null ? this.t({ en: 'none (E4M3 has no infinity)', zh: '无（E4M3 没有无穷大）' }) : Number.isFinite(y) ? shortExact(exactDecimal(y), () => this.fmt(y, 10)) : this.fmt(y);
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
      status = Number.isNaN(v)
        ? this.t({ en: `Overflow: ${this.fmt(x)} is beyond ±${this.fmt(L.maxFinite)} and ${f.name} has no infinity, so it becomes NaN.`, zh: `上溢：${this.fmt(x)} 超出 ±${this.fmt(L.maxFinite)}，而 ${f.name} 没有无穷大，结果为 NaN。` })
        : Number.isFinite(v)
          ? this.t({ en: `Overflow: saturated to ${this.fmt(v)}, the largest finite value.`, zh: `上溢：饱和到最大有限值 ${this.fmt(v)}。` })
          : this.t({ en: `Overflow: ${this.fmt(x)} is beyond ±${this.fmt(L.maxFinite)}, so it becomes ${this.fmt(v)}.`, zh: `上溢：${this.fmt(x)} 超出 ±${this.fmt(L.maxFinite)}，结果为 ${this.fmt(v)}。` });
    } else if (r.rounded.underflowToZero) {
      status = this.t({ en: `Underflow: ${this.fmt(x)} is closer to 0 than to the smallest subnormal, so it is stored as 0.`, zh: `下溢：${this.fmt(x)} 离 0 比离最小次正规数更近，存储为 0。` });
    } else if (r.rounded.subnormal) {
      status = this.t({ en: 'Subnormal: below the smallest normal number, precision is lost.', zh: '次正规数：低于最小正规数，精度有所损失。' });
    }
    this.output('status', status);

    const finite = Number.isFinite(v);
    this.output('stored', finite ? exactDecimal(v) : this.fmt(v));
    this.output('error', r.absoluteErrorDecimal === null ? '—' : shortExact(r.absoluteErrorDecimal, () => this.fmt(r.absoluteError, 10)));
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
