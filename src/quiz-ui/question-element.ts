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
 *
 * Each question's state lives in the closure of `setUp` rather than in methods and fields:
 * a minifier shortens local names but must keep property names, and this file is most of
 * what a quiz page downloads.
 */
import { gradeAnswer, gradeChoice, gradeParts, type Answer, type Grade, type Text } from '../quiz/index.ts';
import { describeGrade } from '../quiz/messages.ts';
import { $progress, setVariant, storageHealth } from '../progress/store.ts';
import { daysBetween } from '../progress/model.ts';
import { fill, uiStrings } from './text.ts';

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

const lang = document.documentElement.lang.startsWith('zh') ? 'zh' : 'en';
const T = uiStrings('quizui');
/** The engine's message templates in this page's language (Quiz.astro puts them in the page). */
const engineTemplates = uiStrings('engine');
/**
 * The code that records answers and schedules reviews, loaded on the learner's first move in
 * a question (focus or pointer), not with the page: a page shows its questions without it.
 */
let recorder: Promise<typeof import('../progress/record.ts')> | undefined;
const loadRecorder = () => (recorder ??= import('../progress/record.ts'));

/**
 * Records through the recorder; `el` carries data-saving until it is done. If the code cannot
 * be loaded (offline, before the site was saved), the learner is told it was not saved.
 */
async function saving<T>(el: HTMLElement, feedback: HTMLElement, record: (r: Awaited<ReturnType<typeof loadRecorder>>) => T): Promise<T | undefined> {
  el.dataset.saving = '';
  try {
    return record(await loadRecorder());
  } catch {
    recorder = undefined;
    feedback.append(` ${T.notSaved}`);
    return undefined;
  } finally {
    delete el.dataset.saving;
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
  const health = storageHealth.get();
  const notice = document.getElementById('storage-notice');
  if (health === 'ok' || !notice) return;
  notice.textContent = T[health]!;
  notice.hidden = false;
}
storageHealth.listen(showStorageNotice);

function setUp(el: HTMLElement): void {
  const { key = '', area = '' } = el.dataset;
  const find = (selector: string) => el.querySelector<HTMLElement>(selector);
  const data = JSON.parse(find('.q-data')?.textContent ?? '{}') as GradingData;
  const count = data.variants.length;
  const body = find('.q-body')!;
  const feedback = find('.q-feedback')!;
  // Variant 0 is the markup on the page; the others come from the note's quiz data file,
  // typeset by KaTeX (variants.ts, loaded only when a learner needs one, which also keeps
  // variant 0 for the way back).
  let variant = 0;
  /** A hint of the variant on screen was opened. */
  let hinted = false;
  const inReview = !!el.closest('afm-review');

  const record = () => $progress.get().questions[key];
  const inputs = () => Array.from(body.querySelectorAll<HTMLInputElement>('.q-input'));
  const options = () => Array.from(body.querySelectorAll<HTMLInputElement>('.q-choice input'));
  const solution = () => body.querySelector<HTMLDetailsElement>('.q-solution');

  /**
   * Puts variant `index` on screen (if it is not already) with its solution out of sight; falsy
   * if it did not: another variant was still loading, this one could not be loaded, or
   * (`unlessBusy`) the learner started work in the question meanwhile. The body is aria-busy
   * while a variant loads.
   */
  const show = async (index: number, unlessBusy?: boolean) => {
    if (body.ariaBusy) return;
    if (index !== variant) {
      body.ariaBusy = 'true';
      const html = await import('./variants.ts')
        .then((m) => m.variantHtml(el, index))
        .catch(() => {
          feedback.textContent = T.variantFailed!;
        });
      body.ariaBusy = null;
      if (!html) return;
      // A learner already at work in the question (focus in it, or something typed or chosen
      // before the script or the variant arrived) keeps the variant on screen: switching would
      // throw it away.
      if (unlessBusy && (el.contains(document.activeElement) || inputs().some((i) => i.value) || options().some((o) => o.checked))) return;
      body.innerHTML = html;
    }
    variant = index;
    body.dataset.variant = String(index);
    hinted = false;
    const s = solution();
    if (s) s.hidden = true;
    return 1;
  };

  const revealSolution = () => {
    const s = solution();
    if (s) {
      s.hidden = false;
      s.open = true;
    }
  };

  const showHistory = () => {
    const r = record();
    const history = find('.q-history');
    if (!history || !(r?.attempts || r?.seenAt)) return;
    history.textContent = [
      r.solvedAt ? T.solved : '',
      r.attempts ? `${fill(T.attempts, { n: r.attempts })} ${fill(T.best, { pct: Math.round(r.best * 100) })}` : T.seen,
      r.reviews ? fill(T.next, { when: new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }).format(daysBetween(new Date(), r.due), 'day') }) : '',
    ]
      .filter(Boolean)
      .join(' ');
  };

  /** The stored message index becomes the same HTML in both slots of the engine's {en, zh}. */
  const message = (index: number | undefined): Text | undefined => {
    const html = data.messages[index ?? -1];
    return html === undefined ? undefined : { en: html, zh: html };
  };
  const answer = (stored: StoredAnswer): Answer => ({ ...stored, wrong: stored.wrong?.map((w) => ({ ...w, message: message(w.message)! })) });

  /** The grade and what to store as the learner's answer ("a | b" for parts, "A, C" for choices). */
  const grade = (): [Grade, string] => {
    const v = data.variants[variant] ?? {};
    if (v.choices) {
      // Nothing picked is the engine's `invalid` (blank): it asks for a choice and costs no attempt.
      const picked = options().flatMap((o) => (o.checked ? [Number(o.value)] : []));
      const choices = v.choices.map((c) => ({ correct: c.correct, feedback: message(c.feedback) }));
      return [gradeChoice(picked, choices, el.hasAttribute('data-multiple')), picked.map((i) => String.fromCharCode(65 + i)).join(', ')];
    }
    const typed = inputs().map((i) => i.value);
    if (v.parts)
      return [
        gradeParts(
          typed,
          v.parts.map((p) => ({ answer: answer(p) })),
        ),
        typed.join(' | '),
      ];
    return [gradeAnswer(typed[0] ?? '', v.answer ? answer(v.answer) : { value: NaN }), typed[0] ?? ''];
  };

  const check = async () => {
    const [g, typed] = grade();
    el.dataset.status = g.status;
    for (const input of inputs()) input.setAttribute('aria-invalid', String(g.status === 'invalid'));
    // HTML: author feedback rendered at build time; describe() escapes what the learner typed.
    const said = describeGrade(g, engineTemplates, lang);
    const detail = document.createElement('span');
    detail.innerHTML = said && ` ${said}`;
    if (g.status === 'invalid') {
      feedback.replaceChildren(T.invalid!, detail);
      return;
    }
    feedback.replaceChildren(g.status === 'correct' ? T.correct! : g.score > 0 ? fill(T.partial, { pct: Math.round(g.score * 100) }) : T.incorrect!, detail);
    if (g.status === 'correct') revealSolution();
    const tries = (await saving(el, feedback, (r) => r.recordAttempt(key, area, typed, g.score, hinted)))?.tries ?? 0;
    if (g.status !== 'correct' && tries >= ATTEMPTS_BEFORE_SOLUTION) {
      revealSolution();
      feedback.append(` ${T.solutionShown}`);
    }
    // Said with the verdict too, so a learner who hears only that knows.
    if (storageHealth.get() === 'failed') feedback.append(` ${T.notSaved}`);
    showHistory();
  };

  /** Shows or hides the question's "see the solution before trying?" box, focus on its safe choice. */
  const askFirst = (asking: boolean) => {
    const box = find('.q-confirm');
    if (!box || box.hidden !== asking) return;
    box.hidden = !asking;
    find(asking ? '.q-keep-trying' : '.q-reveal')?.focus();
  };

  /** Shows the solution; unless the answer on screen is right, the next review is an Again. */
  const seeSolution = async () => {
    find('.q-confirm')!.hidden = true;
    revealSolution();
    feedback.textContent = el.dataset.status === 'correct' ? T.solutionShown : T.solutionSeen;
    if (el.dataset.status !== 'correct') await saving(el, feedback, (r) => r.recordSolutionSeen(key, area));
    if (storageHealth.get() === 'failed') feedback.append(` ${T.notSaved}`);
    solution()?.querySelector('summary')?.focus();
    showHistory();
  };

  /** Before a graded try on screen, asks first (in the question, focus on "try first"). */
  const giveUp = () => {
    if ((el.dataset.status ?? 'invalid') !== 'invalid') seeSolution();
    else askFirst(true);
  };

  const another = async () => {
    const next = (variant + 1) % count;
    find('.q-confirm')!.hidden = true;
    if (!(await show(next))) return;
    setVariant(key, area, next);
    delete el.dataset.status;
    feedback.textContent = T.newVariant;
    inputs()[0]?.focus();
    showHistory();
  };

  /**
   * Puts the last graded answer back after a reload: into empty answer boxes (one per part,
   * stored as "a | b | c"), or as the chosen options (stored as "A, C") when none is chosen.
   * The store clears it when the learner moves to another variant, so it fits this one.
   */
  const restoreLastAnswer = (last: string) => {
    const boxes = inputs();
    if (boxes.length) {
      const values = boxes.length === 1 ? [last] : last.split(' | ');
      if (values.length === boxes.length && boxes.every((b) => !b.value)) boxes.forEach((b, i) => (b.value = values[i]!));
    } else if (!options().some((o) => o.checked)) {
      for (const letter of last.split(', ')) {
        const option = options()[letter.charCodeAt(0) - 65];
        if (option) option.checked = true;
      }
    }
  };

  const stored = record();
  // data-offset is the question key's hash, computed at build time (Quiz.astro).
  let wanted = stored?.variant ?? (count > 1 ? (learnerSeed() + Number(el.dataset.offset ?? 0)) % count : 0);
  // Review asks with other numbers than the learner saw last time.
  if (inReview && count > 1 && stored) setVariant(key, area, (wanted = (wanted + 1) % count));
  // The stored answer and tries belong to the stored variant, not to the one kept on screen.
  show(wanted < count ? wanted : 0, true).then((shown) => {
    if (shown && stored && !inReview) {
      restoreLastAnswer(stored.last);
      // The solution opened after three tries on this variant stays open across reloads.
      if ((stored.tries ?? 0) >= ATTEMPTS_BEFORE_SOLUTION) revealSolution();
    }
    el.setAttribute('data-ready', '');
  });
  el.addEventListener('focusin', loadRecorder, { once: true });
  el.addEventListener('pointerdown', loadRecorder, { once: true });
  const actions: Record<string, () => void> = {
    'q-check': check,
    'q-reveal': giveUp,
    'q-another': another,
    'q-reveal-confirm': seeSolution,
    'q-keep-trying': () => askFirst(false),
  };
  el.addEventListener(
    'toggle',
    (e) => {
      if ((e.target as HTMLDetailsElement).matches('.q-hint[open]')) hinted = true;
    },
    true,
  );
  el.addEventListener('click', (e) => actions[(e.target as Element).closest('button')?.className ?? '']?.());
  el.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.target as Element).matches('.q-input, .q-choice input')) {
      e.preventDefault();
      check();
    }
  });
  showHistory();
  showStorageNotice();
}

/** For the review page, which must use this store rather than a copy of its own. */
export { $progress };

customElements.define(
  'afm-question',
  class extends HTMLElement {
    connectedCallback(): void {
      if (!this.hasAttribute('data-ready')) setUp(this);
    }
  },
);
