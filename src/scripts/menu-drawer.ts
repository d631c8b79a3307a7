/**
 * The menu drawer (phones): the header's other tools (offline, language, theme) and the site
 * navigation move into a modal <dialog> while it is open, and back to their places when it
 * closes. A modal dialog keeps focus inside and closes on Escape; the close button and a tap on
 * the backdrop close it too, and focus returns to the menu button. Loaded by header.ts on the
 * first tap of the menu button.
 */
let setUp = false;

export function openMenuDrawer(): void {
  const drawer = document.getElementById('nav-drawer') as HTMLDialogElement | null;
  const menu = document.getElementById('menu-open');
  if (!drawer || !menu || drawer.open) return;
  const moved = [...document.querySelectorAll<HTMLElement>('#header-more, #site-nav')];
  const places = moved.map((el) => {
    const place = document.createComment('');
    el.before(place);
    return place;
  });
  drawer.querySelector('.drawer-body')!.append(...moved);
  if (!setUp) {
    setUp = true;
    document.getElementById('nav-drawer-close')!.addEventListener('click', () => drawer.close());
    // A tap on the backdrop reaches the dialog as a click outside its box.
    drawer.addEventListener('click', (e) => {
      const box = drawer.getBoundingClientRect();
      if (e.target === drawer && (e.clientX < box.left || e.clientX > box.right || e.clientY < box.top || e.clientY > box.bottom)) drawer.close();
    });
    // Turned to a wide screen: the tools belong in the header again.
    matchMedia('(min-width: 48.01rem)').addEventListener('change', (e) => e.matches && drawer.close());
  }
  drawer.addEventListener(
    'close',
    () => {
      moved.forEach((el, i) => places[i]!.replaceWith(el));
      menu.focus();
    },
    { once: true },
  );
  drawer.showModal();
}
