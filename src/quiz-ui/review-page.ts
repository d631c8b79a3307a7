/**
 * <afm-review>: builds the learner's review queue (FSRS schedule: the questions due now, then,
 * apart and labelled, a few never tried) and brings each question in from its note page, where
 * its HTML already lives. The note pages are precached with the site, so review works offline
 * too. With nothing due, it says when the next question comes due.
 */
import { $progress } from '../progress/store.ts';
import { reviewQueue } from '../progress/summary.ts';
import { daysBetween } from '../progress/model.ts';
import { fill } from './text.ts';
import { pageStrings } from '../i18n/page-strings.ts';
import { pageLang } from '../utils/lang.ts';

type Ref = { key: string; area: string; noteUrl: string; noteTitle: string; number: number; id: string };

const T = pageStrings('reviewui');
const lang = pageLang();
/** How many due questions, and how many new ones, one visit shows. */
const SHOWN_DUE = 8;
const SHOWN_NEW = 3;

class ReviewPage extends HTMLElement {
  async connectedCallback(): Promise<void> {
    // The questions brought in below are <afm-question> elements, defined by the quiz code.
    await import('./question-element.ts');
    const refs = JSON.parse(this.querySelector('.review-data')?.textContent ?? '[]') as Ref[];
    const now = new Date();
    const { due, fresh, next } = reviewQueue(
      $progress.get(),
      refs.map((r) => r.key),
      now,
    );
    const when =
      next &&
      `${new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }).format(daysBetween(now, next), 'day')} (${new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium' }).format(new Date(next))})`;
    const summary = this.querySelector('.review-summary')!;
    summary.textContent = [
      due.length ? fill(T.summary, { due: due.length, shown: Math.min(due.length, SHOWN_DUE) }) : when ? fill(T.nextDue, { when }) : T.empty,
      fresh.length ? fill(T.freshCount, { fresh: fresh.length }) : '',
    ]
      .filter(Boolean)
      .join(' ');
    const root = this.querySelector('.review-queue')!;
    const section = (heading: string, className: string) => {
      const h = Object.assign(document.createElement('h2'), { textContent: heading });
      const list = Object.assign(document.createElement('div'), { className });
      root.append(h, list);
      return list;
    };
    const queue: Array<[string, Element]> = [];
    if (due.length) {
      const list = section(T.dueHeading!, 'review-due');
      for (const key of due.slice(0, SHOWN_DUE)) queue.push([key, list]);
    }
    if (fresh.length) {
      const list = section(T.newHeading!, 'review-new');
      for (const key of fresh.slice(0, SHOWN_NEW)) queue.push([key, list]);
    }
    const byKey = new Map(refs.map((r) => [r.key, r]));
    const pages = new Map<string, Promise<Document>>();
    const page = (url: string) => {
      let doc = pages.get(url);
      if (!doc) {
        doc = fetch(url).then(async (res) => {
          if (!res.ok) throw new Error(`HTTP ${res.status}`);
          return new DOMParser().parseFromString(await res.text(), 'text/html');
        });
        pages.set(url, doc);
      }
      return doc;
    };
    for (const [key, container] of queue) {
      const ref = byKey.get(key)!;
      const slot = document.createElement('div');
      slot.className = 'review-item';
      const source = document.createElement('p');
      source.className = 'review-source';
      const link = document.createElement('a');
      link.href = `${ref.noteUrl}#q-${ref.id}`;
      link.textContent = fill(T.source, { title: ref.noteTitle, n: ref.number });
      source.append(link);
      slot.append(source);
      container.append(slot);
      try {
        const question = (await page(ref.noteUrl)).getElementById(`q-${ref.id}`);
        if (!question) throw new Error('not found');
        slot.append(document.importNode(question, true));
      } catch (error) {
        slot.append(
          Object.assign(document.createElement('p'), { textContent: fill(T.failed, { reason: error instanceof Error ? error.message : String(error) }) }),
        );
      }
    }
    this.setAttribute('data-ready', '');
  }
}

customElements.define('afm-review', ReviewPage);
