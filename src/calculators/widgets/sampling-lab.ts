/** The next-token sampling lab: logits, temperature, top-k, top-p and a seed → the distribution before and after filtering and one draw. */
import { CalculatorElement } from '../ui/base.ts';
import { sampleNextToken } from '../math/sampling.ts';
import { barChart } from '../ui/svg.ts';
import { dataTable, pair } from '../ui/table.ts';
import { UNITS, withUnit } from '../ui/units.ts';

class SamplingLab extends CalculatorElement {
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
    const L = (en: string, zh: string) => this.t({ en, zh });
    const names = logits.map((_, i) => `#${i}`);
    const keptNames = names.filter((_, i) => r.kept[i]);
    const bits = (x: number) => withUnit(this.fmt(x), UNITS.bit, this.pageLang);
    this.output('hBefore', bits(r.entropyBefore));
    this.output('hAfter', bits(r.entropyAfter));
    this.output('kept', `${keptNames.join(', ')} (${keptNames.length} / ${logits.length})`);
    this.output('sample', `#${r.sample} (p = ${this.fmt(r.after[r.sample] ?? 0)})`);
    const pct = (x: number) => `${this.fmt(100 * x, 4)}%`;
    this.outputHtml(
      'table',
      dataTable(
        L('Each token through the pipeline', '每个词元在各步骤中的情况'),
        [L('Logit', 'logit'), L('p after temperature', '温度后概率'), L('Kept?', '保留？'), L('Renormalised p', '重新归一化后概率')],
        logits.map((z, i) => ({
          head: names[i] ?? '',
          cells: [
            this.fmt(z),
            pct(r.before[i] ?? 0),
            r.kept[i] ? L('yes', '是') : r.keptByTopK[i] ? L('no (top-p)', '否（top-p）') : L('no (top-k)', '否（top-k）'),
            pct(r.after[i] ?? 0),
          ],
          shade: [0, r.before[i] ?? 0, 0, r.after[i] ?? 0],
        })),
        L('Token', '词元'),
      ),
    );
    const max = Math.max(...r.before, ...r.after);
    this.outputHtml(
      'chart',
      pair([
        [L('Before filtering', '过滤前'), barChart(r.before, names, L('Probabilities before filtering', '过滤前的概率'), max)],
        [L('After top-k / top-p, renormalised', '过滤并重新归一化后'), barChart(r.after, names, L('Probabilities after top-k / top-p, renormalised', 'top-k / top-p 过滤并重新归一化后的概率'), max)],
      ]),
    );
    this.announce(
      L(
        `Kept ${keptNames.length} of ${logits.length} tokens; entropy ${this.fmt(r.entropyBefore)} → ${bits(r.entropyAfter)}; sampled #${r.sample}.`,
        `保留 ${logits.length} 个词元中的 ${keptNames.length} 个；熵 ${this.fmt(r.entropyBefore)} → ${this.fmt(r.entropyAfter)} 比特；采样结果 #${r.sample}。`,
      ),
    );
  }
}

customElements.define('afm-sampling-lab', SamplingLab);
