/** The next-token sampling lab: logits, temperature, top-k, top-p and a seed → the distribution before and after filtering and one draw. */
import { CalculatorElement } from '../ui/base.ts';
import { sampleNextToken } from '../math/sampling.ts';
import { barChart } from '../ui/svg.ts';
import { dataTable, pair } from '../ui/table.ts';

/** Defined as `<afm-sampling-lab>` by the calculator loader (ui/loader.ts). */
export default class SamplingLab extends CalculatorElement {
  connectedCallback(): void {
    super.connectedCallback();
    this.querySelector('[data-action="draw"]')?.addEventListener('click', () => {
      const seed = this.control('seed');
      const current = Number(seed.value);
      seed.value = String(Number.isInteger(current) && current >= 0 && current < 2 ** 32 - 1 ? current + 1 : 1);
      seed.dispatchEvent(new Event('input', { bubbles: true }));
    });
  }

  protected compute(): void {
    const logits = this.numberList('logits', { minLength: 2, maxLength: 50 });
    const temperature = this.number('temperature', { min: 0, minExclusive: true });
    const topK = this.number('topK', { integer: true, min: 0 });
    const topP = this.number('topP', { min: 0, minExclusive: true, max: 1 });
    const seed = this.number('seed', { integer: true, min: 0, max: 2 ** 32 - 1 });
    if (!logits || temperature === null || topK === null || topP === null || seed === null) {
      for (const out of ['hBefore', 'hAfter', 'kept', 'sample']) this.output(out, '—');
      for (const out of ['table', 'chart']) this.outputHtml(out, '');
      return;
    }
    const r = sampleNextToken(logits, { temperature, topK, topP, seed });
    const names = logits.map((_, i) => `#${i}`);
    const keptNames = names.filter((_, i) => r.kept[i]);
    const bits = (x: number) => this.withUnit(this.fmt(x), 'bit');
    this.output('hBefore', bits(r.entropyBefore));
    this.output('hAfter', bits(r.entropyAfter));
    this.output('kept', `${keptNames.join(', ')} (${keptNames.length} / ${logits.length})`);
    this.output('sample', `#${r.sample} (p = ${this.fmt(r.after[r.sample] ?? 0)})`);
    const pct = (x: number) => `${this.fmt(100 * x, 4)}%`;
    this.outputHtml(
      'table',
      dataTable(
        this.s('tableCaption'),
        [this.s('colLogit'), this.s('colTemperature'), this.s('colKept'), this.s('colRenormalised')],
        logits.map((z, i) => ({
          head: names[i] ?? '',
          cells: [this.fmt(z), pct(r.before[i] ?? 0), this.s(r.kept[i] ? 'kept' : r.keptByTopK[i] ? 'droppedTopP' : 'droppedTopK'), pct(r.after[i] ?? 0)],
          shade: [0, r.before[i] ?? 0, 0, r.after[i] ?? 0],
        })),
        this.s('colToken'),
      ),
    );
    const max = Math.max(...r.before, ...r.after);
    this.outputHtml(
      'chart',
      pair([
        [this.s('before'), barChart(r.before, names, this.s('beforeTitle'), max)],
        [this.s('after'), barChart(r.after, names, this.s('afterTitle'), max)],
      ]),
    );
    this.announce(
      this.s('announce', { kept: keptNames.length, total: logits.length, before: this.fmt(r.entropyBefore), after: bits(r.entropyAfter), sample: r.sample }),
    );
  }
}
