/**
 * "A new version is available": shown when a new service worker has cached the next version
 * and waits. Reloading hands control to it at once, so no page mixes files of two versions.
 * Quiz progress lives in localStorage, which a new version never touches.
 *
 * Every open tab shows the notice, but only one click hands control over: the other tabs
 * then have no waiting worker to wake. So each tab watches for the new worker taking control
 * (controllerchange, which clientsClaim sends to every tab): the tab that asked reloads; any
 * other keeps its page (a half-typed answer is not lost) and its "Reload" button now simply
 * reloads, into the version that is already in charge.
 * The texts are `update.*` of src/i18n/{en,zh}.json, handed over by the layout (UiStrings).
 */
import { pageStrings } from '../i18n/page-strings.ts';

export function showUpdateNotice(reg: ServiceWorkerRegistration): void {
  if (document.getElementById('update-notice')) return;
  const t = pageStrings('update');
  const box = document.createElement('div');
  box.id = 'update-notice';
  box.className = 'update-notice';
  box.setAttribute('role', 'status');
  const message = document.createElement('span');
  message.textContent = t.message ?? '';
  const reload = document.createElement('button');
  reload.type = 'button';
  reload.textContent = t.reload ?? '';
  const later = document.createElement('button');
  later.type = 'button';
  later.textContent = t.later ?? '';
  box.append(message, reload, later);
  document.body.append(box);

  let asked = false;
  let taken = false;
  navigator.serviceWorker.addEventListener(
    'controllerchange',
    () => {
      taken = true;
      if (asked) location.reload();
    },
    { once: true },
  );
  later.addEventListener('click', () => box.remove());
  reload.addEventListener('click', () => {
    reload.disabled = true;
    asked = true;
    // Another tab already handed control over (or nothing waits any more): just reload.
    if (taken || !reg.waiting) return location.reload();
    reg.waiting.postMessage({ type: 'SKIP_WAITING' });
  });
}
