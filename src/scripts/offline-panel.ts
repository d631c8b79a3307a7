/**
 * "Save for offline": saves the reader's language by default, the other one too if they tick
 * it. Before anything starts it tells what a save includes (pages, quizzes, calculators,
 * search) and its size, from offline.json. Saving registers the service worker of that choice
 * (sw-en.js, sw-zh.js, or sw.js for both: see writeServiceWorker in
 * src/integrations/search-and-offline.ts), shows a progress bar by counting what is already
 * in the cache, then says "available offline". It also asks the browser to keep the storage.
 * Its strings come from the page (UiStrings prefix "offlineui").
 */
import { h, modal, siteBase } from './dom.ts';
import { pageStrings } from '../i18n/page-strings.ts';
import { pageLang, type Lang } from '../utils/lang.ts';
import { fillTemplate } from '../i18n/fill.ts';

type LangInfo = { version: string; files: number; bytes: number; pages: number; quizzes: number };
/** offline.json, written by writeServiceWorker (OfflineInfo there). */
type OfflineInfo = { shared: { files: number; bytes: number }; languages: Record<Lang, LangInfo> };

/** The service worker that saves these languages (offlinePacks and swFile in the integration). */
const workerFile = (langs: Lang[]) => (langs.length > 1 ? 'sw.js' : `sw-${langs[0]}.js`);

/** The languages a registered worker saves; /sw.js, also the worker of every earlier visitor, saves both. */
const langsOf = (scriptURL: string): Lang[] => {
  const one = /\/sw-(en|zh)\.js$/.exec(new URL(scriptURL).pathname)?.[1] as Lang | undefined;
  return one ? [one] : ['en', 'zh'];
};

/** Files and bytes of a save of these languages: each language's figure includes the shared files once. */
function sizeOf(info: OfflineInfo, langs: Lang[]): { files: number; bytes: number } {
  const extra = langs.length - 1;
  return {
    files: langs.reduce((sum, l) => sum + info.languages[l].files, 0) - extra * info.shared.files,
    bytes: langs.reduce((sum, l) => sum + info.languages[l].bytes, 0) - extra * info.shared.bytes,
  };
}

const formatSize = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`);

async function cachedCount(): Promise<number> {
  let count = 0;
  for (const name of await caches.keys()) {
    if (name.startsWith('workbox-precache')) count += (await (await caches.open(name)).keys()).length;
  }
  return count;
}

/** Resolves once the worker is in one of `states`; rejects if it is thrown away (a failed download). */
function reached(worker: ServiceWorker, states: ServiceWorkerState[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (states.includes(worker.state)) resolve();
      else if (worker.state === 'redundant') reject(new Error('the download was interrupted'));
    };
    worker.addEventListener('statechange', check);
    check();
  });
}

/**
 * Whether a worker that has finished installing takes over at once (it serves the same version
 * of every language the current one serves: only a language was added or dropped) or waits for
 * the reader to reload (a new version of the site came with it). The worker's pack script answers.
 */
function takesOver(worker: ServiceWorker): Promise<boolean> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (e) => resolve(e.data === true);
    // A worker from before pack scripts never answers; it waits like any new version.
    setTimeout(() => resolve(false), 5000);
    worker.postMessage({ type: 'AFM_TAKES_OVER' }, [channel.port2]);
  });
}

export async function openOfflinePanel(): Promise<void> {
  const t = pageStrings('offlineui');
  const { dialog, body } = modal('offline-dialog', t.title ?? '', t.close ?? '');
  dialog.showModal();
  if (body.childElementCount > 0) return;
  const sw = navigator.serviceWorker;
  if (!sw || !('caches' in window)) {
    body.append(h('p', {}, t.unsupported ?? ''));
    return;
  }
  const lang = pageLang();
  const other: Lang = lang === 'en' ? 'zh' : 'en';
  let info: OfflineInfo | undefined;
  try {
    // Always from the network (it is in no service worker's cache): what a save downloads now.
    info = (await (await fetch(`${siteBase()}offline.json`, { cache: 'no-cache' })).json()) as OfflineInfo;
  } catch {
    info = undefined;
  }
  const fill = (key: string, vars: Record<string, string | number> = {}) => fillTemplate(t[key] ?? '', vars);
  const mine = info?.languages[lang];
  const intro =
    info && mine ? fill('intro', { pages: mine.pages, quizzes: mine.quizzes, size: formatSize(mine.bytes), files: mine.files }) : fill('introUnknown');

  const otherBox = h('input', { type: 'checkbox', id: 'offline-other' });
  const theirs = info?.languages[other];
  const extra = info && theirs ? sizeOf(info, [lang, other]) : undefined;
  const otherLabel = h('label', { class: 'offline-other', for: 'offline-other' }, otherBox, ` ${t.other ?? ''}`);
  if (info && theirs && mine && extra) {
    otherLabel.append(
      ` (${fill('otherSize', { pages: theirs.pages, quizzes: theirs.quizzes, size: formatSize(extra.bytes - mine.bytes), files: extra.files - mine.files })})`,
    );
  }
  const total = h('p', { id: 'offline-total', hidden: '' }, extra ? fill('total', { size: formatSize(extra.bytes), files: extra.files }) : '');
  const willRemove = h('p', { id: 'offline-remove', hidden: '' }, fill('willRemove'));
  const button = h('button', { type: 'button', class: 'button', id: 'offline-save' }, t.save ?? '');
  const bar = h('progress', { max: '100', value: '0', id: 'offline-progress', 'aria-label': t.progress ?? '', hidden: '' });
  const status = h('p', { class: 'offline-status', role: 'status', 'aria-live': 'polite' });
  body.append(h('p', { id: 'offline-intro' }, intro), otherLabel, total, willRemove, button, bar, status);

  const existing = await sw.getRegistration();
  // What is saved now: the active worker finished downloading everything it lists.
  let saved: Lang[] = existing?.active ? langsOf(existing.active.scriptURL) : [];
  otherBox.checked = saved.includes(other);
  const wanted = (): Lang[] => (otherBox.checked ? [lang, other] : [lang]);
  const showChoice = () => {
    total.hidden = !otherBox.checked || !extra;
    willRemove.hidden = otherBox.checked || !saved.includes(other);
    const same = saved.length === wanted().length && wanted().every((l) => saved.includes(l));
    button.hidden = same;
  };
  otherBox.addEventListener('change', showChoice);

  const finish = async (langs: Lang[], reloadFirst: boolean) => {
    bar.value = 100;
    bar.hidden = true;
    const persisted = (await navigator.storage?.persisted?.()) ?? false;
    const done = langs.includes(lang) ? (langs.length > 1 ? t.doneBoth : t.done) : '';
    status.textContent = [done, persisted ? t.persisted : t.notPersisted, reloadFirst ? t.reloadToFinish : ''].filter(Boolean).join(' ');
    document.documentElement.dataset.offline = 'saved';
    saved = langs;
    showChoice();
  };
  showChoice();
  if (saved.includes(lang)) await finish(saved, false);

  button.addEventListener('click', async () => {
    const langs = wanted();
    button.disabled = true;
    otherBox.disabled = true;
    bar.hidden = false;
    status.textContent = fill('saving', { pct: 0 });
    // The page's own update check (header.ts) leaves this new worker to the panel.
    document.documentElement.dataset.offline = 'saving';
    await navigator.storage?.persist?.().catch(() => false);
    const files = info ? sizeOf(info, langs).files : 1;
    let counting = true;
    const timer = setInterval(async () => {
      const count = await cachedCount();
      // Counting a large cache takes a while: a tick still counting when the save ended must not
      // overwrite the result with "Saving… 99%".
      if (!counting) return;
      const pct = Math.min(99, Math.floor((count / files) * 100));
      bar.value = pct;
      status.textContent = fill('saving', { pct });
    }, 250);
    const stopCounting = () => {
      counting = false;
      clearInterval(timer);
    };
    try {
      const reg = await sw.register(`${siteBase()}${workerFile(langs)}`, { scope: siteBase() });
      const worker = reg.installing ?? reg.waiting ?? reg.active;
      if (!worker) throw new Error('no service worker');
      await reached(worker, ['installed', 'activating', 'activated']);
      // With no worker before it, a new one takes over by itself.
      const waits = worker.state === 'installed' && Boolean(reg.active) && reg.active !== worker && !(await takesOver(worker));
      if (!waits) await reached(worker, ['activated']);
      stopCounting();
      button.disabled = false;
      otherBox.disabled = false;
      await finish(langs, waits);
      // A new version came with the choice: the same notice as any update offers the reload.
      if (waits) import('./update-notice.ts').then((m) => m.showUpdateNotice(reg));
    } catch (error) {
      stopCounting();
      delete document.documentElement.dataset.offline;
      button.disabled = false;
      otherBox.disabled = false;
      bar.hidden = true;
      status.textContent = fill('failed', { reason: error instanceof Error ? error.message : String(error) });
    }
  });
}
