/**
 * <afm-question>: checks answers with the quiz engine, reveals hints one at a time, shows the
 * worked solution (after a correct answer, giving up, or three graded attempts), switches
 * variants, and records every graded attempt in the shared progress store. Invalid input is
 * explained and costs no attempt. The verdict is announced through a polite live region.
 */
import { gradeAnswer, gradeChoice, gradeParts, type Answer, type Grade } from '../quiz/index.ts';
import { setMessages } from '../quiz/messages.ts';
import { $progress, recordAttempt, setVariant, storageHealth } from '../progress/store.ts';
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
// The engine's messages in this page's language (both slots of its { en, zh } texts).
setMessages(uiStrings('engine'));
/** After this many graded attempts on a variant the solution opens by itself. */
const ATTEMPTS_BEFORE_SOLUTION = 3;

/** A per-learner number that spreads learners over variants; stable across reloads. */
function learnerSeed(): number {
  try {
    let seed = localStorage.getItem('afm-seed');
    if (!seed) {
      seed = String(Math.floor(Math.random() * 2 ** 31));
      localStorage.setItem('afm-seed', seed);
    }
    return Number(seed) || 0;
  } catch {
    return 0;
  }
}


function showStorageNotice(): void {
  const health = storageHealth.get();
  if (health === 'ok' || document.getElementById('storage-notice')) return;
  const notice = document.createElement('p');
  notice.id = 'storage-notice';
  notice.className = 'storage-notice';
  notice.setAttribute('role', 'status');
  notice.textContent = health === 'recovered' ? T.recovered : T.unavailable;
  document.querySelector('.quiz, main')?.prepend(notice);
}

class QuestionElement extends HTMLElement {
  private data: GradingData = { messages: [], variants: [] };
  private variant = 0;
  private hintsShown = 0;
  /** Giving up on this variant was recorded: showing the solution again costs nothing more. */
  private gaveUp = false;

  private get key(): string {
    return this.dataset.key ?? '';
  }

  private get area(): string {
    return this.dataset.area ?? '';
  }

  private $(selector: string): HTMLElement | null {
    return this.querySelector<HTMLElement>(selector);
  }

  connectedCallback(): void {
    this.data = JSON.parse(this.$('.q-data')?.textContent ?? '{}') as GradingData;
    const count = this.data.variants.length;
    const record = $progress.get().questions[this.key];
    // data-offset is the question key's hash, computed at build time (Quiz.astro).
    const wanted = record?.variant ?? (count > 1 ? (learnerSeed() + Number(this.dataset.offset ?? 0)) % count : 0);
    // A learner already at work in the question (focus in it, or something typed or chosen
    // before this script arrived) keeps the variant on screen: switching would throw it away.
    const busy = this.contains(document.activeElement) || this.inputs().some((el) => el.value !== '') || !!this.querySelector('.q-body input:checked');
    const stay = busy && wanted !== 0;
    if (wanted !== 0 && wanted < count && !stay) this.showVariant(wanted);
    else this.prepareVariant();
    this.$('.q-check')?.addEventListener('click', () => this.check());
    this.$('.q-hint')?.addEventListener('click', () => this.nextHint());
    this.$('.q-reveal')?.addEventListener('click', () => this.giveUp());
    this.$('.q-another')?.addEventListener('click', () => this.another());
    this.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && (e.target as HTMLElement).matches('.q-input, .q-choice input')) {
        e.preventDefault();
        this.check();
      }
    });
    // The stored answer and tries belong to the stored variant, not to the one kept on screen.
    if (!stay) {
      this.restoreLastAnswer();
      // The solution opened after three tries on this variant stays open across reloads.
      if ((record?.tries ?? 0) >= ATTEMPTS_BEFORE_SOLUTION) this.revealSolution();
    }
    this.showHistory();
    showStorageNotice();
    this.setAttribute('data-ready', '');
  }

  /** Hides the no-script <details> for hints and the solution; resets per-variant state. */
  private prepareVariant(): void {
    const body = this.$('.q-body');
    const hints = body?.querySelector<HTMLDetailsElement>('.q-hints');
    if (hints) hints.hidden = true;
    const solution = body?.querySelector<HTMLDetailsElement>('.q-solution');
    if (solution) solution.hidden = true;
    this.hintsShown = 0;
    this.gaveUp = false;
    const list = this.$('.q-hint-list');
    if (list) {
      list.replaceChildren();
      list.hidden = true;
    }
    this.updateHintButton();
  }

  private showVariant(index: number): void {
    const template = this.querySelector<HTMLTemplateElement>(`template[data-variant="${index}"]`);
    const body = this.$('.q-body');
    if (!body) return;
    if (index !== Number(body.dataset.variant)) {
      // Keep every variant's markup: swap the visible one back into a template.
      const current = document.createElement('template');
      current.dataset.variant = body.dataset.variant ?? '0';
      current.content.append(...Array.from(body.childNodes));
      body.after(current);
      if (template) {
        body.append(template.content.cloneNode(true));
        template.remove();
      }
      body.dataset.variant = String(index);
    }
    this.variant = index;
    this.prepareVariant();
  }

  private hintItems(): string[] {
    return Array.from(this.$('.q-body .q-hints')?.querySelectorAll('li') ?? []).map((li) => li.innerHTML);
  }

  private updateHintButton(): void {
    const button = this.$('.q-hint') as HTMLButtonElement | null;
    if (!button) return;
    const total = this.hintItems().length;
    button.hidden = total === 0;
    button.disabled = this.hintsShown >= total;
    button.textContent = this.hintsShown >= total ? T.noMoreHints : fill(T.hint, { i: this.hintsShown + 1, n: total });
  }

  private nextHint(): void {
    const items = this.hintItems();
    if (this.hintsShown >= items.length) return;
    const list = this.$('.q-hint-list');
    if (!list) return;
    const li = document.createElement('li');
    li.innerHTML = items[this.hintsShown] ?? '';
    li.tabIndex = -1;
    list.append(li);
    list.hidden = false;
    this.hintsShown += 1;
    this.updateHintButton();
    li.focus();
  }

  private revealSolution(): void {
    const solution = this.$('.q-body .q-solution') as HTMLDetailsElement | null;
    if (!solution) return;
    solution.hidden = false;
    solution.open = true;
  }

  private inputs(): HTMLInputElement[] {
    return Array.from(this.querySelectorAll<HTMLInputElement>('.q-body .q-input'));
  }

  /** The stored message index becomes the same HTML in both slots of the engine's {en, zh}. */
  private message(index: number | undefined): { en: string; zh: string } | undefined {
    const html = index === undefined ? undefined : this.data.messages[index];
    return html === undefined ? undefined : { en: html, zh: html };
  }

  private answer(stored: StoredAnswer): Answer {
    if (!stored.wrong) return stored as Answer;
    return { ...stored, wrong: stored.wrong.map((w) => ({ ...w, message: this.message(w.message)! })) };
  }

  private grade(): { grade: Grade; typed: string } {
    const data = this.data.variants[this.variant] ?? {};
    if (data.choices) {
      const picked = Array.from(this.querySelectorAll<HTMLInputElement>('.q-body .q-choice input:checked')).map((el) => Number(el.value));
      if (picked.length === 0) return { grade: { status: 'invalid', score: 0, code: 'blank', message: { en: T.chooseFirst, zh: T.chooseFirst } }, typed: '' };
      const choices = data.choices.map((c) => ({ correct: c.correct, feedback: this.message(c.feedback) }));
      return { grade: gradeChoice(picked, choices, this.hasAttribute('data-multiple')), typed: picked.map((i) => String.fromCharCode(65 + i)).join(', ') };
    }
    const typed = this.inputs().map((el) => el.value);
    if (data.parts) return { grade: gradeParts(typed, data.parts.map((p) => ({ answer: this.answer(p) }))), typed: typed.join(' | ') };
    return { grade: gradeAnswer(typed[0] ?? '', data.answer ? this.answer(data.answer) : { value: Number.NaN }), typed: typed[0] ?? '' };
  }

  private check(): void {
    const { grade, typed } = this.grade();
    const feedback = this.$('.q-feedback');
    if (!feedback) return;
    this.dataset.status = grade.status;
    for (const input of this.inputs()) input.setAttribute('aria-invalid', String(grade.status === 'invalid'));
    if (grade.status === 'invalid') {
      feedback.textContent = `${T.invalid} ${grade.message?.[lang] ?? ''}`;
      return;
    }
    const tries = recordAttempt(this.key, this.area, typed, grade.score).tries ?? 0;
    const verdict = grade.status === 'correct' ? T.correct : grade.score > 0 ? fill(T.partial, { pct: Math.round(grade.score * 100) }) : T.incorrect;
    const detail = document.createElement('span');
    // Targeted feedback (mistakes, choice feedback) is author-written HTML rendered at build
    // time; the engine's own messages may quote the learner's input, so they stay plain text.
    if (grade.message && (grade.code === 'targeted' || grade.html)) detail.innerHTML = ` ${grade.message[lang]}`;
    else if (grade.message) detail.textContent = ` ${grade.message[lang]}`;
    feedback.replaceChildren(verdict, detail);
    if (grade.status === 'correct' || tries >= ATTEMPTS_BEFORE_SOLUTION) {
      this.revealSolution();
      if (grade.status !== 'correct') feedback.append(` ${T.solutionShown}`);
    }
    this.showHistory();
  }

  private giveUp(): void {
    this.revealSolution();
    const record = $progress.get().questions[this.key];
    // Giving up sends the question back to the first review box, like a wrong answer; once
    // per variant, so pressing the button again does not pile up attempts.
    if (!this.gaveUp && (!record?.solvedAt || this.dataset.status !== 'correct')) {
      recordAttempt(this.key, this.area, '', 0);
      this.gaveUp = true;
    }
    const feedback = this.$('.q-feedback');
    if (feedback) feedback.textContent = T.solutionShown;
    this.showHistory();
  }

  private another(): void {
    const count = this.data.variants.length;
    if (count < 2) return;
    const next = (this.variant + 1) % count;
    this.showVariant(next);
    setVariant(this.key, this.area, next);
    delete this.dataset.status;
    const feedback = this.$('.q-feedback');
    if (feedback) feedback.textContent = T.newVariant;
    this.inputs()[0]?.focus();
    this.showHistory();
  }

  private showHistory(): void {
    const history = this.$('.q-history');
    const record = $progress.get().questions[this.key];
    if (!history || !record || record.attempts === 0) return;
    const parts = [fill(T.attempts, { n: record.attempts }), fill(T.best, { pct: Math.round(record.best * 100) })];
    if (record.solvedAt) parts.unshift(T.solved);
    history.textContent = parts.join(' ');
  }

  /**
   * Puts the last graded answer back after a reload: into empty answer boxes (one per part,
   * stored as "a | b | c"), or as the chosen options (stored as "A, C") when none is chosen.
   * The store clears it when the learner moves to another variant, so it fits this one.
   */
  private restoreLastAnswer(): void {
    const last = $progress.get().questions[this.key]?.last;
    if (!last) return;
    const inputs = this.inputs();
    if (inputs.length > 0) {
      const values = inputs.length === 1 ? [last] : last.split(' | ');
      if (values.length === inputs.length && inputs.every((el) => el.value === '')) inputs.forEach((el, i) => (el.value = values[i]!));
      return;
    }
    const options = Array.from(this.querySelectorAll<HTMLInputElement>('.q-body .q-choice input'));
    if (options.some((el) => el.checked)) return;
    for (const letter of last.split(', ')) {
      const option = options[letter.charCodeAt(0) - 65];
      if (option) option.checked = true;
    }
  }
}

customElements.define('afm-question', QuestionElement);
