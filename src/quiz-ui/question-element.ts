/**
 * <afm-question>: checks answers with the quiz engine, shows the worked solution (after a
 * correct answer, giving up, or three graded attempts), switches variants, and records every
 * graded attempt in the shared progress store, which schedules the question's next review.
 * Invalid input is explained and costs no attempt. Showing the solution before any try asks
 * first, and is recorded as seen, not as an attempt. The verdict is announced through a polite
 * live region. Hints need no script (see QuizVariant.astro); opening one is noted, since a
 * right answer after a hint rates the review Hard rather than Good.
 *
 * On the review page (inside <afm-review>) the learner starts from a blank question: nothing
 * of the last answer is put back, and a question with variants comes with another one.
 */
import { gradeAnswer, gradeChoice, gradeParts, type Answer, type Grade, type Text } from '../quiz/index.ts';
import { describeGrade } from '../quiz/describe.ts';
import { fill } from './text.ts';
import { pageStrings } from '../i18n/page-strings.ts';
import { pageLang } from '../utils/lang.ts';

/** Feedback is an index into `messages` (HTML in the page's language); see Quiz.astro. */
type StoredAnswer = Omit<Answer, 'wrong'> & { wrong?: Array<{ value: Answer['value']; tolerance?: Answer['tolerance']; message: number }> };
type GradingData = {
  messages: string[];
  variants: Array<{
    answer?: StoredAnswer;
    parts?: StoredAnswer[];
    choices?: Array<{ correct: boolean; feedback?: number }>;
  }>;
};

const lang = pageLang();
const T = pageStrings('quizui');
/** The engine's message templates in this page's language (Quiz.astro puts them in the page). */
const engineTemplates = pageStrings('engine');
type Progress = typeof import('../progress/record.ts');
/**
 * The learner's progress (the store, its validation, the review schedule) is loaded when a
 * question needs it, not with the page: at once if this browser holds progress to show (or
 * storage cannot be read, which the page must say), else on the learner's first move in a
 * question (focus or pointer). A page shows and grades its questions without it.
 */
let progress: Progress | undefined;
let progressLoading: Promise<Progress> | undefined;
function loadProgress(): Promise<Progress> {
  progressLoading ??= import('../progress/record.ts').then(
    (loaded) => {
      progress = loaded;
      loaded.storageHealth.listen(showStorageNotice);
      showStorageNotice();
      return loaded;
    },
    (error: unknown) => {
      // Offline before the site was saved: tried again on the next move.
      progressLoading = undefined;
      throw error;
    },
  );
  return progressLoading;
}

/** The key store.ts keeps progress under (the type makes the check fail if the two differ). */
const PROGRESS_KEY: Progress['PROGRESS_KEY'] = 'afm-progress';

/** Whether to load progress with the page: this browser holds some, or storage cannot be read. */
function holdsProgress(): boolean {
  try {
    return localStorage.getItem(PROGRESS_KEY) !== null;
  } catch {
    return true;
  }
}

/** After this many graded attempts on a variant the solution opens by itself. */
const ATTEMPTS_BEFORE_SOLUTION = 3;

/** A per-learner number that spreads learners over variants; stable across reloads. */
function learnerSeed(): number {
  try {
    // Written once: with storage full, a write on every visit would throw and lose the seed.
    let seed = localStorage.getItem('afm-seed');
    if (!seed) localStorage.setItem('afm-seed', (seed = String(Math.floor(Math.random() * 2 ** 31))));
    return Number(seed) || 0;
  } catch {
    return 0;
  }
}

/**
 * Says why progress is not being kept, in the notice the page holds for it (Quiz.astro,
 * review.astro): at start-up, and at once when a write fails later (storage full).
 */
function showStorageNotice(): void {
  const health = progress?.storageHealth.get() ?? 'ok';
  const notice = document.getElementById('storage-notice');
  if (health === 'ok' || !notice) return;
  notice.textContent = T[health]!;
  notice.hidden = false;
}

class QuestionElement extends HTMLElement {
  #key = '';
  #area = '';
  #data!: GradingData;
  #body!: HTMLElement;
  #feedback!: HTMLElement;
  /**
   * The variant on screen. Variant 0 is the markup on the page; the others come from the note's
   * quiz data file, typeset (variants.ts, loaded only when a learner needs one, which also keeps
   * variant 0 for the way back).
   */
  #variant = 0;
  /** A hint of the variant on screen was opened. */
  #hinted = false;
  #inReview = false;

  connectedCallback(): void {
    if (this.#body || this.hasAttribute('data-ready')) return;
    this.#setUp();
    const stored = holdsProgress() ? loadProgress().catch(() => undefined) : Promise.resolve(undefined);
    stored.then(() => this.#start());
  }

  #find(selector: string): HTMLElement | null {
    return this.querySelector<HTMLElement>(selector);
  }

  /** The question's stored record, once progress is loaded. */
  #record() {
    return progress?.$progress.get().questions[this.#key];
  }

  #inputs(): HTMLInputElement[] {
    return Array.from(this.#body.querySelectorAll<HTMLInputElement>('.q-input'));
  }

  #options(): HTMLInputElement[] {
    return Array.from(this.#body.querySelectorAll<HTMLInputElement>('.q-choice input'));
  }

  #solution(): HTMLDetailsElement | null {
    return this.#body.querySelector<HTMLDetailsElement>('.q-solution');
  }

  #setUp(): void {
    this.#key = this.dataset.key ?? '';
    this.#area = this.dataset.area ?? '';
    this.#data = JSON.parse(this.#find('.q-data')?.textContent ?? '{}') as GradingData;
    this.#body = this.#find('.q-body')!;
    this.#feedback = this.#find('.q-feedback')!;
    this.#inReview = !!this.closest('afm-review');
    const load = () => void loadProgress().catch(() => undefined);
    this.addEventListener('focusin', load, { once: true });
    this.addEventListener('pointerdown', load, { once: true });
    this.addEventListener(
      'toggle',
      (e) => {
        if ((e.target as HTMLDetailsElement).matches('.q-hint[open]')) this.#hinted = true;
      },
      true,
    );
    this.addEventListener('click', (e) => {
      switch ((e.target as Element).closest('button')?.className) {
        case 'q-check':
          return this.#check();
        case 'q-reveal':
          return this.#giveUp();
        case 'q-another':
          return this.#another();
        case 'q-reveal-confirm':
          return this.#seeSolution();
        case 'q-keep-trying':
          return this.#askFirst(false);
      }
    });
    this.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && (e.target as Element).matches('.q-input, .q-choice input')) {
        e.preventDefault();
        this.#check();
      }
    });
  }

  /**
   * Puts the learner's variant on screen (progress, if any, is loaded by now) with the last
   * answer and the history, then marks the question ready.
   */
  async #start(): Promise<void> {
    const count = this.#data.variants.length;
    const stored = this.#record();
    // data-offset is the question key's hash, computed at build time (Quiz.astro).
    let wanted = stored?.variant ?? (count > 1 ? (learnerSeed() + Number(this.dataset.offset ?? 0)) % count : 0);
    // Review asks with other numbers than the learner saw last time.
    if (this.#inReview && count > 1 && stored) progress!.setVariant(this.#key, this.#area, (wanted = (wanted + 1) % count));
    // The stored answer and tries belong to the stored variant, not to the one kept on screen.
    const shown = await this.#show(wanted < count ? wanted : 0, true);
    if (shown && stored && !this.#inReview) {
      this.#restoreLastAnswer(stored.last);
      // The solution opened after three tries on this variant stays open across reloads.
      if ((stored.tries ?? 0) >= ATTEMPTS_BEFORE_SOLUTION) this.#revealSolution();
    }
    this.#showHistory();
    this.setAttribute('data-ready', '');
  }

  /**
   * Stores something in the learner's progress; the element carries data-saving until it is
   * done. If the code cannot be loaded (offline, before the site was saved), the learner is
   * told it was not saved.
   */
  async #saving<R>(store: (p: Progress) => R): Promise<R | undefined> {
    this.dataset.saving = '';
    try {
      return store(await loadProgress());
    } catch {
      this.#feedback.append(` ${T.notSaved}`);
      return undefined;
    } finally {
      delete this.dataset.saving;
    }
  }

  /**
   * Puts variant `index` on screen (if it is not already) with its solution out of sight; false
   * if it did not: another variant was still loading, this one could not be loaded, or
   * (`unlessBusy`) the learner started work in the question meanwhile. The body is aria-busy
   * while a variant loads.
   */
  async #show(index: number, unlessBusy?: boolean): Promise<boolean> {
    const body = this.#body;
    if (body.ariaBusy) return false;
    if (index !== this.#variant) {
      body.ariaBusy = 'true';
      const html = await import('./variants.ts')
        .then((m) => m.variantHtml(this, index))
        .catch(() => {
          this.#feedback.textContent = T.variantFailed!;
        });
      body.ariaBusy = null;
      if (!html) return false;
      // A learner already at work in the question (focus in it, or something typed or chosen
      // before the script or the variant arrived) keeps the variant on screen: switching would
      // throw it away.
      if (unlessBusy && (this.contains(document.activeElement) || this.#inputs().some((i) => i.value) || this.#options().some((o) => o.checked))) return false;
      body.innerHTML = html;
    }
    this.#variant = index;
    body.dataset.variant = String(index);
    this.#hinted = false;
    const s = this.#solution();
    if (s) s.hidden = true;
    return true;
  }

  #revealSolution(): void {
    const s = this.#solution();
    if (s) {
      s.hidden = false;
      s.open = true;
    }
  }

  #showHistory(): void {
    const r = this.#record();
    const history = this.#find('.q-history');
    if (!progress || !history || !(r?.attempts || r?.seenAt)) return;
    history.textContent = [
      r.solvedAt ? T.solved : '',
      r.attempts ? `${fill(T.attempts, { n: r.attempts })} ${fill(T.best, { pct: Math.round(r.best * 100) })}` : T.seen,
      r.reviews ? fill(T.next, { when: new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }).format(progress.daysBetween(new Date(), r.due), 'day') }) : '',
    ]
      .filter(Boolean)
      .join(' ');
  }

  /** The stored message index becomes the same HTML in both slots of the engine's {en, zh}. */
  #message(index: number | undefined): Text | undefined {
    const html = this.#data.messages[index ?? -1];
    return html === undefined ? undefined : { en: html, zh: html };
  }

  #answer(stored: StoredAnswer): Answer {
    return { ...stored, wrong: stored.wrong?.map((w) => ({ ...w, message: this.#message(w.message)! })) };
  }

  /** The grade and what to store as the learner's answer ("a | b" for parts, "A, C" for choices). */
  #grade(): [Grade, string] {
    const v = this.#data.variants[this.#variant] ?? {};
    if (v.choices) {
      // Nothing picked is the engine's `invalid` (blank): it asks for a choice and costs no attempt.
      const picked = this.#options().flatMap((o) => (o.checked ? [Number(o.value)] : []));
      const choices = v.choices.map((c) => ({ correct: c.correct, feedback: this.#message(c.feedback) }));
      return [gradeChoice(picked, choices, this.hasAttribute('data-multiple')), picked.map((i) => String.fromCharCode(65 + i)).join(', ')];
    }
    const typed = this.#inputs().map((i) => i.value);
    if (v.parts)
      return [
        gradeParts(
          typed,
          v.parts.map((p) => ({ answer: this.#answer(p) })),
        ),
        typed.join(' | '),
      ];
    return [gradeAnswer(typed[0] ?? '', v.answer ? this.#answer(v.answer) : { value: NaN }), typed[0] ?? ''];
  }

  async #check(): Promise<void> {
    const [g, typed] = this.#grade();
    const feedback = this.#feedback;
    this.dataset.status = g.status;
    for (const input of this.#inputs()) input.setAttribute('aria-invalid', String(g.status === 'invalid'));
    // HTML: author feedback rendered at build time; describe() escapes what the learner typed.
    const said = describeGrade(g, engineTemplates, lang);
    const detail = document.createElement('span');
    detail.innerHTML = said && ` ${said}`;
    if (g.status === 'invalid') {
      feedback.replaceChildren(T.invalid!, detail);
      return;
    }
    feedback.replaceChildren(g.status === 'correct' ? T.correct! : g.score > 0 ? fill(T.partial, { pct: Math.round(g.score * 100) }) : T.incorrect!, detail);
    if (g.status === 'correct') this.#revealSolution();
    const hinted = this.#hinted;
    const tries = (await this.#saving((r) => r.recordAttempt(this.#key, this.#area, typed, g.score, hinted)))?.tries ?? 0;
    if (g.status !== 'correct' && tries >= ATTEMPTS_BEFORE_SOLUTION) {
      this.#revealSolution();
      feedback.append(` ${T.solutionShown}`);
    }
    // Said with the verdict too, so a learner who hears only that knows.
    if (progress?.storageHealth.get() === 'failed') feedback.append(` ${T.notSaved}`);
    this.#showHistory();
  }

  /** Shows or hides the question's "see the solution before trying?" box, focus on its safe choice. */
  #askFirst(asking: boolean): void {
    const box = this.#find('.q-confirm');
    if (!box || box.hidden !== asking) return;
    box.hidden = !asking;
    this.#find(asking ? '.q-keep-trying' : '.q-reveal')?.focus();
  }

  /** Shows the solution; unless the answer on screen is right, the next review is an Again. */
  async #seeSolution(): Promise<void> {
    this.#find('.q-confirm')!.hidden = true;
    this.#revealSolution();
    const right = this.dataset.status === 'correct';
    this.#feedback.textContent = right ? T.solutionShown! : T.solutionSeen!;
    // Focus moves now, not after the save: saving may first load the progress code, and by then
    // the learner may have gone on to another question.
    this.#solution()?.querySelector('summary')?.focus();
    if (!right) await this.#saving((r) => r.recordSolutionSeen(this.#key, this.#area));
    if (progress?.storageHealth.get() === 'failed') this.#feedback.append(` ${T.notSaved}`);
    this.#showHistory();
  }

  /** Before a graded try on screen, asks first (in the question, focus on "try first"). */
  #giveUp(): void {
    if ((this.dataset.status ?? 'invalid') !== 'invalid') this.#seeSolution();
    else this.#askFirst(true);
  }

  async #another(): Promise<void> {
    const next = (this.#variant + 1) % this.#data.variants.length;
    this.#find('.q-confirm')!.hidden = true;
    if (!(await this.#show(next))) return;
    delete this.dataset.status;
    this.#feedback.textContent = T.newVariant!;
    await this.#saving((p) => p.setVariant(this.#key, this.#area, next));
    this.#inputs()[0]?.focus();
    this.#showHistory();
  }

  /**
   * Puts the last graded answer back after a reload: into empty answer boxes (one per part,
   * stored as "a | b | c"), or as the chosen options (stored as "A, C") when none is chosen.
   * The store clears it when the learner moves to another variant, so it fits this one.
   */
  #restoreLastAnswer(last: string): void {
    const boxes = this.#inputs();
    if (boxes.length) {
      const values = boxes.length === 1 ? [last] : last.split(' | ');
      if (values.length === boxes.length && boxes.every((b) => !b.value)) boxes.forEach((b, i) => (b.value = values[i]!));
    } else if (!this.#options().some((o) => o.checked)) {
      for (const letter of last.split(', ')) {
        const option = this.#options()[letter.charCodeAt(0) - 65];
        if (option) option.checked = true;
      }
    }
  }
}

customElements.define('afm-question', QuestionElement);
