/**
 * <afm-review>: builds the learner's review queue (Leitner boxes: due questions first, then
 * new ones) and brings each question in from its note page, where its HTML already lives.
 * The note pages are precached with the site, so review works offline too.
 */
import { reviewQueue } from '../progress/summary.ts';
import { fill, uiStrings } from './text.ts';

type Ref = { key: string; area: string; noteUrl: string; noteTitle: string; number: number; id: string };

const T = uiStrings('reviewui');

class ReviewPage extends HTMLElement {
  async connectedCallback(): Promise<void> {
    // The quiz code, imported as quiz notes import it, brings the progress store: one store on
    // the page, and the quiz stays a single chunk (see src/integrations/vite-own-copy.ts).
    const { $progress } = await import('./question-element.ts');
    const refs = JSON.parse(this.querySelector('.review-data')?.textContent ?? '[]') as Ref[];
    const progress = $progress.get();
    const now = new Date();
    // The whole queue is counted, so the summary says how many are due, not how many fit.
    const everything = reviewQueue(progress, refs.map((r) => r.key), now, refs.length);
    const queue = everything.slice(0, 8);
    const due = everything.filter((k) => (progress.questions[k]?.attempts ?? 0) > 0).length;
    const fresh = refs.filter((r) => !progress.questions[r.key] || progress.questions[r.key]!.attempts === 0).length;
    const summary = this.querySelector('.review-summary')!;
    summary.textContent = queue.length ? fill(T.summary, { due, fresh, shown: queue.length }) : T.empty;
    const container = this.querySelector('.review-queue')!;
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
    for (const key of queue) {
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
        slot.append(Object.assign(document.createElement('p'), { textContent: fill(T.failed, { reason: error instanceof Error ? error.message : String(error) }) }));
      }
    }
    this.setAttribute('data-ready', '');
  }
}

customElements.define('afm-review', ReviewPage);
