/** The global-norm clipping calculator: per-tensor norms, the global norm, PyTorch's clip coefficient, the clipped gradients and per-tensor clipping for contrast. */
import { CalculatorElement } from '../ui/base.ts';
import { clipByGlobalNorm, l2, splitGradientLines } from '../math/grad-clip.ts';
import { parseNumberList } from '../ui/fields.ts';
import { barChart } from '../ui/svg.ts';
import { dataTable, pair } from '../ui/table.ts';

const OUTS = ['total', 'coef', 'totalAfter', 'perTensorTotal', 'angle', 'angleByValue'];
const MAX_TENSORS = 50;
/** Long names are cut for the table and the bars; the reader typed them and knows the rest. */
const NAME_CHARS = 24;

type Tensor = { name: string; values: number[] };

/** Defined as `<afm-grad-clip>` by the calculator loader (ui/loader.ts). */
export default class GradClip extends CalculatorElement {
  /** The typed tensors, or null after saying which line is wrong and why. */
  private tensors(): Tensor[] | null {
    const lines = splitGradientLines(this.value('grads'));
    if (lines.length === 0) return this.fail(this.s('empty'));
    if (lines.length > MAX_TENSORS) return this.fail(this.s('tooMany', { max: MAX_TENSORS }));
    const tensors: Tensor[] = [];
    for (const [k, line] of lines.entries()) {
      if (line.name !== null && line.numbers.trim() === '') return this.fail(this.s('noNumbers', { line: line.line }));
      const read = parseNumberList(line.numbers, { minLength: 1, maxLength: 1000 });
      if (!read.ok) return this.fail(this.s('lineError', { line: line.line, message: this.t(read.message) }));
      const name = line.name ?? `g${k + 1}`;
      tensors.push({ name: name.length > NAME_CHARS ? `${name.slice(0, NAME_CHARS - 1)}…` : name, values: read.value });
    }
    this.setFieldError('grads', null);
    return tensors;
  }

  private fail(message: string): null {
    this.setFieldError('grads', message);
    return null;
  }

  private clear(): void {
    for (const name of OUTS) this.output(name, '—');
    this.output('status', '');
    this.outputHtml('table', '');
    this.outputHtml('plot', '');
  }

  protected compute(): void {
    const tensors = this.tensors();
    const maxNorm = this.number('maxNorm', { min: 0, minExclusive: true, max: 1e300 });
    if (tensors === null || maxNorm === null) return this.clear();
    const r = clipByGlobalNorm(
      tensors.map((t) => t.values),
      maxNorm,
    );
    if (r === null) {
      this.setFieldError('grads', this.s('overflow'));
      return this.clear();
    }
    // Eight digits, so that a coefficient just under 1 (max_norm = total: 13/(13 + 1e-6)) is not shown as 1.
    const coef = this.fmt(r.coef, 8);
    this.output('total', this.fmt(r.total, 6));
    this.output('coef', coef);
    this.output('totalAfter', this.fmt(r.totalAfter, 6));
    this.output('perTensorTotal', this.fmt(r.perTensor.total, 6));
    const degrees = (angle: number | null) => (angle === null ? this.s('noDirection') : `${this.fmt((angle * 180) / Math.PI, 4)}°`);
    this.output('angle', degrees(r.angle));
    this.output('angleByValue', degrees(r.angleByValue));
    this.output(
      'status',
      r.coef < 1
        ? this.s('clipped', { coef, after: this.fmt(r.totalAfter, 6) })
        : this.s('unchanged', { total: this.fmt(r.total, 6), max: this.fmt(maxNorm, 6) }),
    );

    const list = (xs: number[]) => `(${xs.map((x) => this.fmt(x, 4)).join(', ')})`;
    this.outputHtml(
      'table',
      dataTable(
        this.s('tableCaption'),
        ['g', '‖g‖', this.s('colGlobal'), this.s('colGlobalNorm'), this.s('colPer'), this.s('colPerNorm'), this.s('colValue')],
        tensors.map((t, k) => ({
          head: t.name,
          cells: [
            list(t.values),
            this.fmt(r.norms[k] ?? 0, 6),
            list(r.clipped[k] ?? []),
            this.fmt(l2(r.clipped[k] ?? []), 6),
            list(r.perTensor.clipped[k] ?? []),
            this.fmt(l2(r.perTensor.clipped[k] ?? []), 6),
            list(r.byValue.clipped[k] ?? []),
          ],
        })),
        this.s('corner'),
      ),
    );

    // Each chart on its own scale, so the proportions between tensors show (kept by global
    // clipping, flattened by per-tensor clipping); the caption gives each chart's global norm.
    const names = tensors.map((t) => t.name);
    const chart = (key: string, values: number[]): [string, string] => {
      const when = this.s(key, { norm: this.fmt(l2(values), 6) });
      return [when, barChart(values, names, this.s('chartTitle', { when }), Math.max(...values, 1e-300))];
    };
    this.outputHtml('plot', pair([chart('chartBefore', r.norms), chart('chartGlobal', r.clipped.map(l2)), chart('chartPer', r.perTensor.clipped.map(l2))]));
    this.announce(this.s('announce', { total: this.fmt(r.total, 6), coef }));
  }
}
