/**
 * The header part of the one script every page loads (with islands.ts). It opens search (button,
 * "/" or Ctrl/Cmd+K) and the offline panel, loading their code on first use, and, once the site
 * has been saved for offline use, watches for a new version so the page can offer to reload. For a
 * learner with stored progress it loads progress-marks.ts: "N due today" and mastery marks.
 */
const byId = (id: string) => document.getElementById(id);

const typingIn = (el: HTMLElement) => el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName);

const openSearch = () => {
  // Already open (Ctrl+K again): select the query now. Going through the import would act a
  // moment later, and an Escape pressed in between would see the dialog open again.
  const open = document.querySelector<HTMLDialogElement>('dialog#search-dialog[open]');
  if (open) return open.querySelector('input')?.select();
  import('./search-dialog.ts').then((m) => m.openSearch());
};
byId('search-open')?.addEventListener('click', openSearch);
addEventListener('keydown', (e) => {
  const k = e.key.toLowerCase();
  if ((k === '/' && !typingIn(e.target as HTMLElement) && !e.ctrlKey && !e.metaKey && !e.altKey) || ((e.ctrlKey || e.metaKey) && k === 'k')) {
    e.preventDefault();
    openSearch();
  }
});

byId('offline-open')?.addEventListener('click', () => import('./offline-panel.ts').then((m) => m.openOfflinePanel()));

// The menu drawer on phones: its code loads on the first tap.
byId('menu-open')?.addEventListener('click', () => import('./menu-drawer.ts').then((m) => m.openMenuDrawer()));

// Due count and mastery marks, read from stored progress: only a learner who has some loads them.
let progress: string | null = null;
try {
  progress = localStorage.getItem('afm-progress');
} catch {
  /* storage denied: nothing to show */
}
const stored = progress;
if (stored) import('./progress-marks.ts').then((m) => m.showProgressMarks(stored));

const sw = navigator.serviceWorker;
// Only a visitor who saved the site has a service worker; everyone else pays nothing here.
if (sw?.controller) {
  sw.getRegistration().then((reg) => {
    if (!reg) return;
    const check = () => {
      // While the offline panel saves (a language added or dropped), the new worker is its
      // business: it takes over at once, or the panel shows this notice itself.
      if (reg.waiting && sw.controller && document.documentElement.dataset.offline !== 'saving')
        import('./update-notice.ts').then((m) => m.showUpdateNotice(reg));
    };
    const watch = (worker: ServiceWorker | null) => worker?.addEventListener('statechange', check);
    reg.addEventListener('updatefound', () => watch(reg.installing));
    // The browser checks for a new version on navigation itself, so one may already be installing.
    watch(reg.installing);
    check();
    reg.update().catch(() => {});
  });
}
