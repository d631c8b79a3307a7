/**
 * The progress store shared by every island: a nanostores atom kept in localStorage by
 * @nanostores/persistent, behind a storage engine that never throws. What can go wrong is
 * reported at once, never silent:
 * - the stored text is corrupt or of an unknown version: the store starts clean and the text
 *   is set aside under its own `afm-progress-unreadable-…` key (every such text, each kept
 *   until the learner downloads or discards it on the progress page);
 * - storage is unavailable (private mode, disabled): everything works in memory and
 *   `storageHealth` says progress will not be kept;
 * - a write fails (storage full, even though the start-up test passed): `storageHealth`
 *   becomes 'failed' on that write, and the pages tell the learner what to do.
 * Each change starts from what is stored, not from this page's copy, so two tabs answering at
 * once lose nothing.
 */
import { atom } from 'nanostores';
import { persistentAtom, setPersistentEngine, windowPersistentEvents } from '@nanostores/persistent';
import { emptyProgress, migrate, withVariant, type Progress, type QuestionRecord } from './model.ts';

export const PROGRESS_KEY = 'afm-progress';
/** Set-aside texts: this key (the single slot of earlier versions) and `${it}-<ms since 1970>` ones. */
export const UNREADABLE_KEY = 'afm-progress-unreadable';

/** 'ok', or why progress is not being kept ('failed': the last write did not go through). */
export const storageHealth = atom<'ok' | 'unavailable' | 'recovered' | 'failed'>('ok');

const memory: Record<string, string> = {};

/** Storage that refuses a write because it is full (Chromium and WebKit name it one way, Firefox another). */
const isQuotaError = (error: unknown) => error instanceof DOMException && (error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED');

/** Storage full at start-up: kept (not treated as disabled), so writes go through once space is freed. */
let startedFull = false;

function realStorage(): Storage | undefined {
  let s: Storage;
  try {
    s = window.localStorage;
  } catch {
    return undefined;
  }
  try {
    const probe = '__afm_probe__';
    s.setItem(probe, probe);
    s.removeItem(probe);
  } catch (error) {
    if (!isQuotaError(error)) return undefined;
    startedFull = true;
  }
  return s;
}

const storage = realStorage();
if (!storage) storageHealth.set('unavailable');

/**
 * Reads fall back to memory. While writes fail, a key written in this page is read from
 * memory, so what was just written is read back rather than the stale stored text.
 */
let writeFailed = startedFull;
if (startedFull) storageHealth.set('failed');
/** An unreadable stored text could not be set aside: it is not overwritten until it is. */
let guardStored = false;
const fromMemory = (key: string) => !storage || (writeFailed && key in memory);
const engine = new Proxy(memory, {
  has: (_, key: string) => (fromMemory(key) ? key in memory : storage!.getItem(key) !== null),
  // A text kept only in memory (its write failed) is still read back after later writes succeed.
  get: (_, key: string) => (fromMemory(key) ? memory[key] : (storage!.getItem(key) ?? memory[key])),
  set: (_, key: string, value: string) => {
    memory[key] = value;
    if (!storage) return true;
    try {
      if (guardStored && key === PROGRESS_KEY) throw new Error('unreadable progress not set aside yet');
      storage.setItem(key, value);
      if (writeFailed) {
        writeFailed = false;
        storageHealth.set('ok');
      }
    } catch {
      writeFailed = true;
      storageHealth.set('failed');
    }
    return true;
  },
});
setPersistentEngine(engine, windowPersistentEvents);

/** Every set-aside text with its key (stored ones, and any only in memory). */
export function setAsideTexts(): Array<{ key: string; text: string }> {
  const keys = new Set(Object.keys(memory));
  if (storage) for (let i = 0; i < storage.length; i++) keys.add(storage.key(i)!);
  return [...keys]
    .filter((k) => k.startsWith(UNREADABLE_KEY))
    .sort()
    .map((key) => ({ key, text: (engine as Record<string, string>)[key]! }));
}

/** Keeps `text` under a key of its own unless it is kept already; false if only in memory. */
export function setAside(text: string): boolean {
  const kept = setAsideTexts().find((s) => s.text === text);
  if (kept) return !!storage?.getItem(kept.key);
  // A key of its own: the time it was set aside, one ms later if two come in the same ms.
  let at = Date.now();
  while (`${UNREADABLE_KEY}-${at}` in engine) at++;
  (engine as Record<string, string>)[`${UNREADABLE_KEY}-${at}`] = text;
  return !writeFailed;
}

/** Discards one set-aside text, once the learner has chosen to. */
export function discardSetAside(key: string): void {
  delete memory[key];
  try {
    storage?.removeItem(key);
  } catch {
    /* nothing stored to remove */
  }
  if (storageHealth.get() === 'recovered' && !setAsideTexts().length) storageHealth.set('ok');
}

function decode(text: string): Progress {
  try {
    return migrate(JSON.parse(text));
  } catch {
    // Set the unreadable text aside before anything can overwrite it, then start clean.
    if (!setAside(text)) guardStored = true;
    if (storageHealth.get() === 'ok') storageHealth.set('recovered');
    return emptyProgress();
  }
}

export const $progress = persistentAtom<Progress>(PROGRESS_KEY, emptyProgress(), { encode: JSON.stringify, decode });

/** Questions changed in this page while writes failed: this page's records of them are newer. */
const unsaved = new Set<string>();

/**
 * What is stored now (another tab may have saved since this page last heard), with this
 * page's unsaved records where they hold at least as many attempts; or this page's copy.
 */
function latest(): Progress {
  const text = storage && !guardStored ? storage.getItem(PROGRESS_KEY) : null;
  if (text) {
    try {
      const stored = migrate(JSON.parse(text));
      const mine = $progress.get().questions;
      for (const key of unsaved) {
        if (mine[key] && mine[key]!.attempts >= (stored.questions[key]?.attempts ?? 0)) stored.questions[key] = mine[key]!;
      }
      return stored;
    } catch {
      /* set aside when it was first read; this page's copy stands */
    }
  }
  return $progress.get();
}

/** Changes one question's record, starting from what is stored (see record.ts for attempts). */
export function update(key: string, change: (record: QuestionRecord | undefined) => QuestionRecord): void {
  const current = latest();
  $progress.set({ ...current, questions: { ...current.questions, [key]: change(current.questions[key]) } });
  if (writeFailed) unsaved.add(key);
  else unsaved.clear();
}

/** Remembers which variant of a question the learner is on. */
export function setVariant(key: string, area: string, variant: number, now = new Date()): void {
  update(key, (previous) => withVariant(previous, area, variant, now));
}

/** Replaces the progress (import, reset); true if it was stored, false if it lives only in this page. */
export function replaceProgress(progress: Progress): boolean {
  $progress.set(progress);
  return !!storage && !writeFailed;
}

/** This device's progress as stored now (for a merge). */
export const currentProgress = latest;
