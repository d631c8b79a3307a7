/** Tiny DOM helpers shared by the lazily loaded header tools (search, offline). */

/** The site's base path, ending in "/" (set on <html data-base> by the layout). */
export const siteBase = (): string => document.documentElement.dataset.base ?? '/';

/** Creates an element with attributes and children (strings become text, never HTML). */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  el.append(...children);
  return el;
}

/**
 * Closes a dialog and takes focus out of it. A dialog opened while nothing had focus (search
 * opened with "/") has no element to give focus back to, and Chromium leaves focus on the hidden
 * field until its next focus fix-up: a key pressed in between (Escape, then "/") went to it.
 */
export function closeDialog(dialog: HTMLDialogElement): void {
  dialog.close();
  if (document.activeElement instanceof HTMLElement && dialog.contains(document.activeElement)) document.activeElement.blur();
}

/** A modal dialog with a title and a close button; reuses the one with the same id. */
export function modal(id: string, title: string, closeLabel: string): { dialog: HTMLDialogElement; body: HTMLElement; fresh: boolean } {
  const existing = document.getElementById(id) as HTMLDialogElement | null;
  if (existing) return { dialog: existing, body: existing.querySelector('.dialog-body') as HTMLElement, fresh: false };
  const heading = h('h2', { id: `${id}-title`, class: 'dialog-title' }, title);
  const close = h('button', { type: 'button', class: 'dialog-close', 'aria-label': closeLabel }, '×');
  const body = h('div', { class: 'dialog-body' });
  const dialog = h('dialog', { id, class: 'dialog', 'aria-labelledby': `${id}-title` }, h('div', { class: 'dialog-head' }, heading, close), body);
  close.addEventListener('click', () => closeDialog(dialog));
  // A click on the backdrop (outside the box) closes it, as people expect.
  dialog.addEventListener('click', (e) => e.target === dialog && closeDialog(dialog));
  document.body.append(dialog);
  return { dialog, body, fresh: true };
}
