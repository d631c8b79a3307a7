/**
 * "Save for offline": tells the size before it starts, registers the service worker (which
 * precaches the whole site), shows a progress bar by counting what is already in the cache,
 * then says "available offline". It also asks the browser to keep the storage.
 */
import { h, modal, pageLang, siteBase } from './dom.ts';

type OfflineInfo = { version: string; files: number; bytes: number };

const text = {
  en: {
    title: 'Use this site offline', close: 'Close',
    intro: 'Saving downloads every page, quiz, calculator and the search index ({size}, {files} files) so the whole site works with no network. Your quiz progress stays on this device either way.',
    save: 'Save for offline', saving: 'Saving… {pct}%', done: 'Available offline. Every page, quiz and search works without a network.',
    persisted: 'The browser agreed to keep this storage.', notPersisted: 'The browser may clear this storage if space runs low; saving again restores it.',
    unsupported: 'This browser cannot save sites for offline use (no service worker support).',
    failed: 'Saving failed: {reason}. Check the connection and try again.', progress: 'Download progress',
    sizeUnknown: 'the size could not be read',
  },
  zh: {
    title: '离线使用本站', close: '关闭',
    intro: '保存后将下载全部页面、练习、计算器和搜索索引（{size}，共 {files} 个文件），没有网络也能使用整个网站。无论是否保存，练习进度都保存在本设备上。',
    save: '保存以供离线使用', saving: '正在保存… {pct}%', done: '已可离线使用。所有页面、练习和搜索都无需网络。',
    persisted: '浏览器已同意长期保留这些数据。', notPersisted: '存储空间不足时浏览器可能清除这些数据；再次保存即可恢复。',
    unsupported: '此浏览器不支持保存网站供离线使用（不支持 Service Worker）。',
    failed: '保存失败：{reason}。请检查网络后重试。', progress: '下载进度',
    sizeUnknown: '无法读取大小',
  },
};

const formatSize = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`);

async function cachedCount(): Promise<number> {
  let count = 0;
  for (const name of await caches.keys()) {
    if (name.startsWith('workbox-precache')) count += (await (await caches.open(name)).keys()).length;
  }
  return count;
}

export async function openOfflinePanel(): Promise<void> {
  const t = text[pageLang()];
  const { dialog, body } = modal('offline-dialog', t.title, t.close);
  dialog.showModal();
  if (body.childElementCount > 0) return;
  const sw = navigator.serviceWorker;
  const status = h('p', { class: 'offline-status', role: 'status', 'aria-live': 'polite' });
  if (!sw || !('caches' in window)) {
    body.append(h('p', {}, t.unsupported));
    return;
  }
  let info: OfflineInfo | undefined;
  try {
    info = (await (await fetch(`${siteBase()}offline.json`, { cache: 'no-cache' })).json()) as OfflineInfo;
  } catch {
    info = undefined;
  }
  const intro = t.intro.replace('{size}', info ? formatSize(info.bytes) : t.sizeUnknown).replace('{files}', String(info?.files ?? '?'));
  const button = h('button', { type: 'button', class: 'button', id: 'offline-save' }, t.save);
  const bar = h('progress', { max: '100', value: '0', id: 'offline-progress', 'aria-label': t.progress, hidden: '' });
  body.append(h('p', {}, intro), button, bar, status);

  const finish = async () => {
    bar.value = 100;
    bar.hidden = true;
    button.hidden = true;
    const persisted = (await navigator.storage?.persisted?.()) ?? false;
    status.textContent = `${t.done} ${persisted ? t.persisted : t.notPersisted}`;
    document.documentElement.dataset.offline = 'saved';
  };

  const existing = await sw.getRegistration();
  if (existing?.active && !existing.installing && info && (await cachedCount()) >= info.files) {
    await finish();
    return;
  }

  button.addEventListener('click', async () => {
    button.disabled = true;
    bar.hidden = false;
    status.textContent = t.saving.replace('{pct}', '0');
    await navigator.storage?.persist?.().catch(() => false);
    const total = info?.files ?? 1;
    const timer = setInterval(async () => {
      const pct = Math.min(99, Math.floor(((await cachedCount()) / total) * 100));
      bar.value = pct;
      status.textContent = t.saving.replace('{pct}', String(pct));
    }, 250);
    try {
      const reg = await sw.register(`${siteBase()}sw.js`, { scope: siteBase() });
      await new Promise<void>((resolve, reject) => {
        const worker = reg.installing ?? reg.waiting ?? reg.active;
        if (!worker) return reject(new Error('no service worker'));
        if (worker.state === 'activated') return resolve();
        worker.addEventListener('statechange', () => {
          if (worker.state === 'activated') resolve();
          if (worker.state === 'redundant') reject(new Error('the download was interrupted'));
        });
      });
      clearInterval(timer);
      await finish();
    } catch (error) {
      clearInterval(timer);
      button.disabled = false;
      bar.hidden = true;
      status.textContent = t.failed.replace('{reason}', error instanceof Error ? error.message : String(error));
    }
  });
}
