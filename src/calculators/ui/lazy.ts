/**
 * Loads a calculator's code only when one of its elements comes near the viewport, so a note
 * that embeds a calculator below the fold pays nothing for it until the reader gets there.
 */
export function defineWhenVisible(tag: string, load: () => Promise<unknown>): void {
  const elements = Array.from(document.getElementsByTagName(tag));
  if (elements.length === 0 || customElements.get(tag)) return;
  let started = false;
  // Declared before `start` so a shared link can call it before the observer exists.
  let observer: IntersectionObserver | null = null;
  const start = () => {
    if (started) return;
    started = true;
    observer?.disconnect();
    load().catch((error: unknown) => {
      for (const el of elements) el.setAttribute('data-load-failed', String(error));
    });
  };
  // A shared link carries the calculator's state (`?softmax.logits=…`) or its anchor
  // (`#calc-softmax`): load at once so the result is there on arrival. (A value that merely
  // contains the name loads early too: harmless.)
  const calc = elements[0]!.getAttribute('data-calc');
  if (calc && (location.search.includes(`${calc}.`) || location.hash === `#calc-${calc}`)) {
    start();
    return;
  }
  // Every browser the site supports has IntersectionObserver (Chromium 58, Firefox 55, Safari 12.1).
  observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && start(), { rootMargin: '300px 0px' });
  for (const el of elements) observer.observe(el);
  // Keyboard users may focus a field before it scrolls into view.
  for (const el of elements) el.addEventListener('focusin', start, { once: true });
}
