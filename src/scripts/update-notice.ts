/**
 * "A new version is available": shown when a new service worker has cached the next version
 * and waits. Reloading hands control to it at once, so no page mixes files of two versions.
 * Quiz progress lives in localStorage, which a new version never touches.
 */
const text = {
  en: { message: 'A new version of this site is ready.', reload: 'Reload to update', later: 'Later' },
  zh: { message: '本站已有新版本。', reload: '重新加载以更新', later: '稍后' },
};

export function showUpdateNotice(reg: ServiceWorkerRegistration): void {
  if (document.getElementById('update-notice')) return;
  const t = text[document.documentElement.lang.startsWith('zh') ? 'zh' : 'en'];
  const box = document.createElement('div');
  box.id = 'update-notice';
  box.className = 'update-notice';
  box.setAttribute('role', 'status');
  const message = document.createElement('span');
  message.textContent = t.message;
  const reload = document.createElement('button');
  reload.type = 'button';
  reload.textContent = t.reload;
  const later = document.createElement('button');
  later.type = 'button';
  later.textContent = t.later;
  box.append(message, reload, later);
  document.body.append(box);
  later.addEventListener('click', () => box.remove());
  reload.addEventListener('click', () => {
    reload.disabled = true;
    navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
    reg.waiting?.postMessage({ type: 'SKIP_WAITING' });
  });
}
