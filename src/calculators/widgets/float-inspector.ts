/** The float inspector: how a decimal number is stored in FP32, FP16, BF16 and the two FP8 formats. */
import { CalculatorElement } from '../ui/base.ts';
import { FLOAT_FORMATS, binaryExponent, exactDecimal, inspectFloat, type FloatFormatId } from '../math/float-formats.ts';
import { normaliseNumberText } from '../ui/fields.ts';

const OUTS = ['stored', 'error', 'relative', 'ulp', 'previous', 'next', 'max', 'minNormal', 'minSub', 'epsilon'];
const SUPER = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const sup = (k: number) => (k < 0 ? '⁻' : '') + String(Math.abs(k)).replace(/\d/g, (d) => SUPER[Number(d)] ?? d);
/** An exact decimal string for display: the minus sign U+2212, as everywhere on the site. */
const minus = (text: string) => text.replace('-', '−');

/** Defined as `<afm-float-inspector>` by the calculator loader (ui/loader.ts). */
export default class FloatInspector extends CalculatorElement {
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
      y === null ? this.s('noInfinity') : Number.isFinite(y) ? minus(shortExact(exactDecimal(y), () => this.fmt(y, 10))) : this.fmt(y);
    const power = (y: number) => `2${sup(binaryExponent(y))} = ${exact(y)}`;

    const e = r.encoding;
    const group = (bits: string, colour: number, name: string) => `<span style="color:var(--plot-${colour})" title="${name}">${bits}</span>`;
    const sign = e.bits.slice(0, 1);
    const exp = e.bits.slice(1, 1 + f.exponentBits);
    const man = e.bits.slice(1 + f.exponentBits);
    const names = [this.s('sign'), this.s('exponent'), this.s('mantissa')];
    this.outputHtml(
      'bits',
      `<code style="font-size:1.15em;letter-spacing:.08em">${group(sign, 1, names[0]!)} ${group(exp, 0, names[1]!)} ${group(man, 2, names[2]!)}</code>` +
        `<br><small>${names[0]} ${sign} · ${names[1]} ${exp}₂ = ${e.exponent}${this.s('bias', { bias: L.bias })} · ${names[2]} ${man}₂ · 0x${e.code
          .toString(16)
          .toUpperCase()
          .padStart(Math.ceil(e.bits.length / 4), '0')}</small>`,
    );

    let status = '';
    if (r.rounded.overflow) {
      const X = this.fmt(x);
      const M = this.fmt(L.maxFinite);
      const S = this.fmt(Math.sign(x) * L.maxFinite);
      const without = f.hasInfinity
        ? this.s('withoutSaturationInfinity', { inf: this.fmt(Math.sign(x) * Infinity) })
        : this.s('withoutSaturationNaN', { name: f.name });
      status = Number.isNaN(v)
        ? this.s('overflowNaN', { x: X, max: M, name: f.name, saturated: S })
        : Number.isFinite(v)
          ? this.s('overflowSaturated', { x: X, max: M, stored: this.fmt(v), without })
          : this.s('overflowInfinity', { x: X, max: M, stored: this.fmt(v), fp8: fp8 ? this.s('overflowFp8Note') : '' });
    } else if (r.rounded.underflowToZero) {
      status = this.s('underflow', { x: this.fmt(x) });
    } else if (r.rounded.subnormal) {
      status = this.s('subnormal');
    }
    this.output('status', status);

    const finite = Number.isFinite(v);
    // NaN is what the format stores (E4M3 past ±448 without saturation): say so, not "—".
    this.output('stored', finite ? minus(exactDecimal(v)) : Number.isNaN(v) ? this.s('storedNaN') : this.fmt(v));
    // A typed fraction such as 1/3 has a non-terminating error: then a rounded one.
    this.output(
      'error',
      r.absoluteErrorDecimal !== null
        ? minus(shortExact(r.absoluteErrorDecimal, () => this.fmt(r.absoluteError, 10)))
        : finite
          ? `≈ ${this.fmt(r.absoluteError, 10)}`
          : '—',
    );
    this.output('relative', finite ? this.fmt(r.relativeError, 4) : '—');
    this.output('ulp', r.ulp === null ? '—' : power(r.ulp));
    this.output('previous', finite ? exact(r.previous) : '—');
    this.output('next', finite ? exact(r.next) : '—');
    this.output('max', exact(L.maxFinite));
    this.output('minNormal', power(L.minNormal));
    this.output('minSub', power(L.minSubnormal));
    this.output('epsilon', power(L.epsilon));
    this.announce(status || this.s('announce', { x: this.fmt(x, 8), name: f.name, stored: this.fmt(v, 10) }));
  }
}

/** Exact decimals of FP32 subnormals run to 150 digits; beyond 60 characters show a rounded value. */
function shortExact(text: string, rounded: () => string): string {
  return text.length <= 60 ? text : `≈ ${rounded()}`;
}
