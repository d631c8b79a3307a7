/**
 * <afm-progress-page>: draws mastery per area, totals and recent activity from the progress
 * store, and handles export, import (validated; a bad file changes nothing; merged with this
 * device's progress unless the learner asks to replace it; says what was actually stored),
 * reset, and the set-aside data (unreadable texts found in storage), which it lists on every
 * visit until the learner downloads or discards each.
 */
import { $progress, currentProgress, discardSetAside, replaceProgress, setAside, setAsideTexts, storageHealth, UNREADABLE_KEY } from '../progress/store.ts';
import { emptyProgress, ProgressFormatError, type Progress } from '../progress/model.ts';
import { areaTotals, fromExport, mergeProgress, toExport } from '../progress/summary.ts';
import { fill } from './text.ts';
import { pageStrings } from '../i18n/page-strings.ts';
import { pageLang } from '../utils/lang.ts';

type PageData = {
  areas: Array<{ id: string; name: string; total: number }>;
  questions: Array<{ key: string; url: string; noteTitle: string; number: number }>;
};

const lang = pageLang();
const T = pageStrings('progressui');

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
      const saved = replaceProgress(emptyProgress());
      this.toggleConfirm(false);
      this.say(saved ? T.reset : T.resetNotSaved);
    });
    const health = storageHealth.get();
    if (health !== 'ok') this.say(T[health === 'unavailable' ? 'storage' : health]!);
    storageHealth.listen((h) => h === 'failed' && this.say(T.failed!));
    this.drawSetAside();
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
    download(
      file,
      JSON.stringify(
        toExport(
          $progress.get(),
          now,
          setAsideTexts().map((s) => s.text),
        ),
        null,
        2,
      ),
    );
    this.say(fill(T.exported, { file }));
  }

  /** The set-aside texts, each with Download and Discard (which asks once more). */
  private drawSetAside(): void {
    const section = this.querySelector<HTMLElement>('.set-aside')!;
    const texts = setAsideTexts();
    section.hidden = texts.length === 0;
    const when = new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
    const button = (label: string, onClick: () => void) => {
      const b = Object.assign(document.createElement('button'), { type: 'button', textContent: label });
      b.addEventListener('click', onClick);
      return b;
    };
    this.querySelector('.set-aside-list')!.replaceChildren(
      ...texts.map(({ key, text }, i) => {
        const li = document.createElement('li');
        // Keys of this version end in the time it was set aside; the earlier single slot has none.
        const at = Number(key.slice(UNREADABLE_KEY.length + 1)) || NaN;
        const size = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-GB').format(text.length);
        li.append(fill(T.setAsideItem, { when: Number.isNaN(at) ? T.setAsideEarlier! : when.format(at), size }), ' ');
        const discard = button(T.discard!, () => {
          if (discard.dataset.asked === undefined) {
            discard.dataset.asked = '';
            discard.textContent = T.discardConfirm!;
            return;
          }
          discardSetAside(key);
          this.drawSetAside();
          this.say(T.discarded!);
        });
        li.append(
          button(T.download!, () => download(`ai-math-set-aside-${i + 1}.txt`, text)),
          ' ',
          discard,
        );
        return li;
      }),
    );
  }

  private async importFile(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    if (!file) return;
    try {
      const { progress, setAside: carried } = fromExport(await file.text());
      const replace = this.querySelector<HTMLInputElement>('#progress-import-replace')?.checked;
      const merged = replace ? undefined : mergeProgress(currentProgress(), progress);
      // Set-aside texts the file carries are kept too; none here is ever dropped by an import.
      const keptAside = carried.map((text) => setAside(text)).every(Boolean);
      const saved = replaceProgress(merged ? merged.progress : progress) && keptAside;
      const done = merged
        ? fill(T.merged, { file: file.name, ...merged.report })
        : fill(T.replaced, { file: file.name, n: Object.keys(progress.questions).length });
      this.say(saved ? done : fill(T.importNotSaved, { file: file.name }));
      this.drawSetAside();
    } catch (error) {
      const reason = error instanceof ProgressFormatError ? fill(T[`reason.${error.code}`], error.vars) : T.readFailed;
      this.say(fill(T.importFailed, { reason }));
    } finally {
      input.value = '';
    }
  }
}

/** Offers `text` as a file download. */
function download(file: string, text: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type: file.endsWith('.json') ? 'application/json' : 'text/plain' }));
  a.download = file;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

customElements.define('afm-progress-page', ProgressPage);
