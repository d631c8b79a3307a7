/**
 * <afm-progress-page>: draws mastery per area, totals and recent activity from the progress
 * store, and handles export, import (validated; a bad file changes nothing) and reset.
 */
import { $progress, forgetUnreadable, replaceProgress, storageHealth, unreadableProgress } from '../progress/store.ts';
import { emptyProgress, ProgressFormatError, type Progress } from '../progress/model.ts';
import { areaTotals, fromExport, toExport } from '../progress/summary.ts';
import { fill, uiStrings } from './text.ts';

type PageData = {
  areas: Array<{ id: string; name: string; total: number }>;
  questions: Array<{ key: string; url: string; noteTitle: string; number: number }>;
};

const lang = document.documentElement.lang.startsWith('zh') ? 'zh' : 'en';
const T = uiStrings('progressui');

class ProgressPage extends HTMLElement {
  private data!: PageData;

  connectedCallback(): void {
    this.data = JSON.parse(this.querySelector('.progress-data')?.textContent ?? '{}') as PageData;
    $progress.subscribe((p) => this.draw(p));
    this.on('.progress-export', () => this.exportFile());
    this.querySelector<HTMLInputElement>('#progress-import')?.addEventListener('change', (e) => this.importFile(e.target as HTMLInputElement));
    this.on('.progress-reset', () => this.toggleConfirm(true));
    this.on('.progress-reset-cancel', () => this.toggleConfirm(false));
    this.on('.progress-reset-confirm', () => {
      replaceProgress(emptyProgress());
      this.toggleConfirm(false);
      this.say(T.reset);
    });
    const health = storageHealth.get();
    if (health !== 'ok') this.say(health === 'unavailable' ? T.storage : T.recovered);
    this.setAttribute('data-ready', '');
  }

  private on(selector: string, handler: () => void): void {
    this.querySelector(selector)?.addEventListener('click', handler);
  }

  private say(text: string): void {
    const el = this.querySelector('.progress-message');
    if (el) el.textContent = text;
  }

  private toggleConfirm(asking: boolean): void {
    const q = (s: string) => this.querySelector<HTMLButtonElement>(s)!;
    q('.progress-reset').hidden = asking;
    q('.progress-reset-confirm').hidden = !asking;
    q('.progress-reset-cancel').hidden = !asking;
    (asking ? q('.progress-reset-cancel') : q('.progress-reset')).focus();
  }

  private draw(progress: Progress): void {
    const known = new Set(this.data.questions.map((q) => q.key));
    let solved = 0;
    let attempts = 0;
    for (const area of this.data.areas) {
      const totals = areaTotals({ ...progress, questions: Object.fromEntries(Object.entries(progress.questions).filter(([k]) => known.has(k))) }, area.id);
      solved += totals.solved;
      attempts += totals.attempts;
      const row = this.querySelector<HTMLElement>(`.mastery li[data-area="${area.id}"]`);
      if (!row) continue;
      const pct = area.total ? Math.round((totals.solved / area.total) * 100) : 0;
      row.querySelector<HTMLElement>('.mastery-fill')!.style.width = `${pct}%`;
      row.querySelector('.mastery-bar')!.setAttribute('aria-label', `${area.name}: ${pct}%`);
      row.querySelector('.mastery-count')!.textContent = `${totals.solved} / ${area.total}`;
    }
    const total = this.data.questions.length;
    this.querySelector('.progress-summary')!.textContent = fill(T.summary, { solved, total, attempts });
    const byKey = new Map(this.data.questions.map((q) => [q.key, q]));
    const recent = Object.entries(progress.questions)
      .filter(([, r]) => r.attempts > 0)
      .sort(([, a], [, b]) => Date.parse(b.lastAt) - Date.parse(a.lastAt))
      .slice(0, 12);
    const list = this.querySelector('.recent')!;
    if (recent.length === 0) {
      list.replaceChildren(Object.assign(document.createElement('li'), { textContent: T.none }));
      return;
    }
    const when = new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
    list.replaceChildren(
      ...recent.map(([key, r]) => {
        const li = document.createElement('li');
        const q = byKey.get(key);
        const label = q ? `${q.noteTitle}, ${fill(T.question, { n: q.number })}` : `${key} (${T.removed})`;
        const link = document.createElement(q ? 'a' : 'span');
        if (q) (link as HTMLAnchorElement).href = q.url;
        link.textContent = label;
        li.append(link, ` — ${r.solvedAt ? T.solved : fill(T.tried, { pct: Math.round(r.best * 100) })} · ${when.format(new Date(r.lastAt))}`);
        return li;
      }),
    );
  }

  private exportFile(): void {
    const now = new Date();
    const file = `ai-math-progress-${now.toISOString().slice(0, 10)}.json`;
    const blob = new Blob([JSON.stringify(toExport($progress.get(), now, unreadableProgress()), null, 2)], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = file;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
    this.say(fill(T.exported, { file }));
  }

  private async importFile(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    if (!file) return;
    try {
      const progress = fromExport(await file.text());
      replaceProgress(progress);
      forgetUnreadable();
      this.say(fill(T.imported, { n: Object.keys(progress.questions).length }));
    } catch (error) {
      const reason = error instanceof ProgressFormatError ? fill(T[`reason.${error.code}`], error.vars) : T.readFailed;
      this.say(fill(T.importFailed, { reason }));
    } finally {
      input.value = '';
    }
  }
}

customElements.define('afm-progress-page', ProgressPage);
