/**
 * The progress store shared by every island: a nanostores atom kept in localStorage by
 * @nanostores/persistent, behind a storage engine that never throws. Two things can go wrong
 * and both are reported, never silent:
 * - the stored text is corrupt or of an unknown version: the store starts clean and the text
 *   is kept aside under `afm-progress-unreadable` so the learner can still export it;
 * - storage is unavailable (private mode, quota, disabled): everything works in memory and
 *   `storageHealth` says progress will not be kept.
 */
import { atom } from 'nanostores';
import { persistentAtom, setPersistentEngine, windowPersistentEvents } from '@nanostores/persistent';
import { afterAttempt, afterSolutionSeen, emptyProgress, migrate, withVariant, type Progress, type QuestionRecord } from './model.ts';

export const PROGRESS_KEY = 'afm-progress';
export const UNREADABLE_KEY = 'afm-progress-unreadable';

/** 'ok', or why progress is not being kept. */
export const storageHealth = atom<'ok' | 'unavailable' | 'recovered'>('ok');

const memory: Record<string, string> = {};

function realStorage(): Storage | undefined {
  try {
    const s = window.localStorage;
    const probe = '__afm_probe__';
    s.setItem(probe, probe);
    s.removeItem(probe);
    return s;
  } catch {
    return undefined;
  }
}

const storage = realStorage();
if (!storage) storageHealth.set('unavailable');

/**
 * Reads fall back to memory; a failed write (quota) switches to memory and says so. Once a
 * write has failed, a key written in this page is read from memory, so what was just written
 * is read back rather than the stale stored text.
 */
let writeFailed = false;
const fromMemory = (key: string) => !storage || (writeFailed && key in memory);
const engine = new Proxy(memory, {
  has: (_, key: string) => (fromMemory(key) ? key in memory : storage!.getItem(key) !== null),
  get: (_, key: string) => (fromMemory(key) ? memory[key] : (storage!.getItem(key) ?? undefined)),
  set: (_, key: string, value: string) => {
    memory[key] = value;
    try {
      storage?.setItem(key, value);
    } catch {
      writeFailed = true;
      storageHealth.set('unavailable');
    }
    return true;
  },
});
setPersistentEngine(engine, windowPersistentEvents);

function decode(text: string): Progress {
  try {
    return migrate(JSON.parse(text));
  } catch {
    // Keep the unreadable text (once) so it can be exported, then start clean.
    if (!(UNREADABLE_KEY in engine)) (engine as Record<string, string>)[UNREADABLE_KEY] = text;
    storageHealth.set('recovered');
    return emptyProgress();
  }
}

export const $progress = persistentAtom<Progress>(PROGRESS_KEY, emptyProgress(), { encode: JSON.stringify, decode });

/** The text that could not be read, if any (for export). */
export function unreadableProgress(): string | undefined {
  return (engine as Record<string, string | undefined>)[UNREADABLE_KEY];
}

export function forgetUnreadable(): void {
  // Not through the engine: it has no delete (progress is never deleted, only replaced), and
  // the quiz's copy of this module would carry one for nothing.
  delete memory[UNREADABLE_KEY];
  try {
    storage?.removeItem(UNREADABLE_KEY);
  } catch {
    /* nothing stored to remove */
  }
  if (storageHealth.get() === 'recovered') storageHealth.set('ok');
}

function update(key: string, change: (record: QuestionRecord | undefined) => QuestionRecord): void {
  const current = $progress.get();
  $progress.set({ ...current, questions: { ...current.questions, [key]: change(current.questions[key]) } });
}

/** Records a graded attempt (never call it for invalid input: that costs no attempt). */
export function recordAttempt(key: string, area: string, answer: string, score: number, hinted: boolean, now = new Date()): QuestionRecord {
  update(key, (previous) => afterAttempt(previous, area, answer, score, now, hinted));
  return $progress.get().questions[key]!;
}

/** Records that the learner opened the solution without a right answer (not an attempt). */
export function recordSolutionSeen(key: string, area: string, now = new Date()): void {
  update(key, (previous) => afterSolutionSeen(previous, area, now));
}

/** Remembers which variant of a question the learner is on. */
export function setVariant(key: string, area: string, variant: number, now = new Date()): void {
  update(key, (previous) => withVariant(previous, area, variant, now));
}

export function replaceProgress(progress: Progress): void {
  $progress.set(progress);
}
