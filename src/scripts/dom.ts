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

/** A modal dialog with a title and a close button; reuses the one with the same id. */
export function modal(id: string, title: string, closeLabel: string): { dialog: HTMLDialogElement; body: HTMLElement; fresh: boolean } {
  const existing = document.getElementById(id) as HTMLDialogElement | null;
  if (existing) return { dialog: existing, body: existing.querySelector('.dialog-body') as HTMLElement, fresh: false };
  const heading = h('h2', { id: `${id}-title`, class: 'dialog-title' }, title);
  const close = h('button', { type: 'button', class: 'dialog-close', 'aria-label': closeLabel }, '×');
  const body = h('div', { class: 'dialog-body' });
  const dialog = h('dialog', { id, class: 'dialog', 'aria-labelledby': `${id}-title` }, h('div', { class: 'dialog-head' }, heading, close), body);
  close.addEventListener('click', () => dialog.close());
  // A click on the backdrop (outside the box) closes it, as people expect.
  dialog.addEventListener('click', (e) => e.target === dialog && dialog.close());
  document.body.append(dialog);
  return { dialog, body, fresh: true };
}
