/**
 * The real progress store (src/progress/store.ts, with record.ts) in several simulated tabs sharing one
 * localStorage: any sequence of attempts, solution looks, reloads, imports (merged), storage
 * events arriving late and a storage that fills up leaves a stored file that reads back as
 * valid progress, in which no stored attempt was lost and attempts only ever grow.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { migrate, type Progress } from '../../../src/progress/model.ts';
import { mergeProgress } from '../../../src/progress/summary.ts';

type Store = typeof import('../../../src/progress/store.ts');
type Recorder = typeof import('../../../src/progress/record.ts');
type Listener = (e: { key: string | null; newValue: string | null }) => void;

/** One localStorage for every tab; a write queues a storage event for the others, as browsers do. */
class SharedStorage {
  map = new Map<string, string>();
  quota = Infinity;
  tabs: Tab[] = [];
  writer?: Tab;
  get length() {
    return this.map.size;
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null;
  }
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    const used = [...this.map].reduce((n, [key, value]) => n + (key === k ? 0 : key.length + value.length), 0);
    if (used + k.length + v.length > this.quota) throw new DOMException('full', 'QuotaExceededError');
    this.map.set(k, v);
    for (const tab of this.tabs) if (tab !== this.writer) tab.pending.push({ key: k, newValue: v });
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
}

type Tab = { store: Store; record: Recorder; listeners: Listener[]; pending: Array<{ key: string; newValue: string }>; win: object };

const shared = () => new SharedStorage();

async function openTab(storage: SharedStorage): Promise<Tab> {
  const tab = { listeners: [], pending: [] } as unknown as Tab;
  tab.win = {
    localStorage: storage,
    addEventListener: (type: string, fn: Listener) => type === 'storage' && tab.listeners.push(fn),
    removeEventListener: (_type: string, fn: Listener) => (tab.listeners = tab.listeners.filter((l) => l !== fn)),
  };
  enter(storage, tab);
  vi.resetModules();
  tab.store = await import('../../../src/progress/store.ts');
  tab.record = await import('../../../src/progress/record.ts');
  // A page that shows progress listens all the time (the progress page does).
  tab.store.$progress.listen(() => {});
  storage.tabs.push(tab);
  return tab;
}

/** Runs what follows as `tab`: its window is the global one, its writes are its own. */
function enter(storage: SharedStorage, tab: Tab) {
  (globalThis as { window?: object }).window = tab.win;
  storage.writer = tab;
}

afterEach(() => {
  delete (globalThis as { window?: object }).window;
});

const KEYS = ['t/a', 't/b', 't/c'];
const op = fc.oneof(
  fc.record({
    kind: fc.constant('attempt' as const),
    tab: fc.nat(2),
    q: fc.nat(2),
    score: fc.constantFrom(0, 0.5, 1),
    hinted: fc.boolean(),
    minutes: fc.nat(3000),
  }),
  fc.record({ kind: fc.constant('seen' as const), tab: fc.nat(2), q: fc.nat(2) }),
  fc.record({ kind: fc.constant('reload' as const), tab: fc.nat(2) }),
  fc.record({ kind: fc.constant('events' as const), tab: fc.nat(2) }),
  fc.record({ kind: fc.constant('import' as const), tab: fc.nat(2), snapshot: fc.nat(20) }),
  fc.record({ kind: fc.constant('fill' as const), full: fc.boolean() }),
);

const read = (storage: SharedStorage): Progress => {
  const text = storage.getItem('afm-progress');
  return text === null ? migrate({ version: 3, questions: {} }) : migrate(JSON.parse(text));
};

describe('the progress store across tabs', () => {
  it('loses no attempt and keeps a valid file whatever the tabs do', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 30 }), async (ops) => {
        const storage = shared();
        const tabs = [await openTab(storage), await openTab(storage), await openTab(storage)];
        let clock = Date.parse('2026-11-24T10:00:00Z');
        /** Attempts each question should have, counting only the ones that were stored. */
        const expected: Record<string, number> = {};
        const snapshots: Progress[] = [];
        let before = read(storage);
        for (const o of ops) {
          if (o.kind === 'fill') {
            storage.quota = o.full ? 0 : Infinity;
            continue;
          }
          const tab = tabs[o.tab]!;
          enter(storage, tab);
          if (o.kind === 'attempt') {
            clock += o.minutes * 60_000;
            const stored = read(storage).questions[KEYS[o.q]!]?.attempts ?? 0;
            tab.record.recordAttempt(KEYS[o.q]!, 'x', String(o.score), o.score, o.hinted, new Date(clock));
            if (storage.quota === Infinity) expected[KEYS[o.q]!] = stored + 1;
          } else if (o.kind === 'seen') {
            tab.record.recordSolutionSeen(KEYS[o.q]!, 'x', new Date(clock));
          } else if (o.kind === 'reload') {
            const index = storage.tabs.indexOf(tab);
            storage.tabs.splice(index, 1);
            tabs[o.tab] = await openTab(storage);
          } else if (o.kind === 'events') {
            for (const e of tab.pending.splice(0)) for (const l of tab.listeners) l(e);
          } else if (o.kind === 'import' && snapshots.length) {
            const file = snapshots[o.snapshot % snapshots.length]!;
            tab.store.replaceProgress(mergeProgress(tab.store.currentProgress(), file).progress);
          }
          const after = read(storage); // throws if the stored file is not valid progress
          for (const [key, record] of Object.entries(before.questions)) {
            expect(after.questions[key]?.attempts ?? 0, key).toBeGreaterThanOrEqual(record.attempts);
          }
          if (storage.quota === Infinity) {
            for (const [key, n] of Object.entries(expected)) expect(after.questions[key]?.attempts ?? 0, key).toBeGreaterThanOrEqual(n);
          }
          snapshots.push(after);
          before = after;
        }
      }),
      { numRuns: 60 },
    );
  }, 60_000);

  it('says at once when a write fails, though the start-up test passed', async () => {
    const storage = shared();
    const tab = await openTab(storage);
    expect(tab.store.storageHealth.get()).toBe('ok');
    storage.quota = 10;
    tab.record.recordAttempt('t/a', 'x', '1', 1, false);
    expect(tab.store.storageHealth.get()).toBe('failed');
    // The page goes on with what was answered; the next write that fits says it is fine again.
    expect(tab.store.$progress.get().questions['t/a']!.attempts).toBe(1);
    expect(tab.store.replaceProgress(tab.store.$progress.get())).toBe(false);
    storage.quota = Infinity;
    expect(tab.store.replaceProgress(tab.store.$progress.get())).toBe(true);
    expect(tab.store.storageHealth.get()).toBe('ok');
    expect(read(storage).questions['t/a']!.attempts).toBe(1);
  });

  it('keeps every unreadable text aside, each under its own key, until discarded', async () => {
    const storage = shared();
    storage.setItem('afm-progress-unreadable', '{first');
    storage.setItem('afm-progress', '{second');
    let tab = await openTab(storage);
    expect(tab.store.storageHealth.get()).toBe('recovered');
    tab.record.recordAttempt('t/a', 'x', '1', 1, false);
    storage.setItem('afm-progress', 'third}');
    tab = await openTab(storage);
    tab.record.recordAttempt('t/a', 'x', '1', 1, false);
    // Reading the same text again does not keep it twice.
    storage.setItem('afm-progress', 'third}');
    tab = await openTab(storage);
    expect(tab.store.setAsideTexts().map((s) => s.text)).toEqual(['{first', '{second', 'third}']);
    tab.store.discardSetAside(tab.store.setAsideTexts()[1]!.key);
    expect(tab.store.setAsideTexts().map((s) => s.text)).toEqual(['{first', 'third}']);
  });

  it('does not overwrite an unreadable text it could not set aside', async () => {
    const storage = shared();
    storage.setItem('afm-progress', '{unreadable');
    storage.quota = 'afm-progress{unreadable'.length + 2 * '__afm_probe__'.length; // room for the start-up test, nothing more
    const tab = await openTab(storage);
    tab.record.recordAttempt('t/a', 'x', '1', 1, false);
    expect(storage.getItem('afm-progress')).toBe('{unreadable');
    expect(tab.store.storageHealth.get()).toBe('failed');
    // It is still offered for export from this page.
    expect(tab.store.setAsideTexts().map((s) => s.text)).toEqual(['{unreadable']);
  });
});
