/** The layout in a real browser: math, language switch, theme persistence, keyboard access. */
import { describe, expect, it } from 'vitest';
import { useSite } from './harness.ts';

const site = useSite();

describe('layout', () => {
  for (const lang of ['en', 'zh'] as const) {
    it(`renders math as MathML with the math font in a ${lang} note`, async () => {
      const { page } = await site.page();
      await page.goto(`${site.url}${lang}/information-theory/`);
      await page.evaluate(() => document.fonts.ready);
      const boxes = await page.$$eval('math', (els) =>
        els.slice(0, 20).map((el) => {
          const r = el.getBoundingClientRect();
          return { w: r.width, h: r.height };
        }),
      );
      expect(boxes.length).toBeGreaterThan(0);
      for (const box of boxes) {
        expect(box.w).toBeGreaterThan(4);
        expect(box.h).toBeGreaterThan(8);
      }
      // The browser lays MathML out itself (MathML Core): a fraction is taller than a line of text.
      const fraction = await page.$eval('mfrac', (el) => el.getBoundingClientRect().height);
      const line = await page.$eval('article.note p', (el) => parseFloat(getComputedStyle(el).fontSize));
      expect(fraction).toBeGreaterThan(line * 1.3);
      // The site's math font is in use, not a fallback.
      const family = await page.$eval('math', (el) => getComputedStyle(el).fontFamily);
      expect(family).toContain('STIX Two Math');
      expect(await page.evaluate(() => document.fonts.check('16px "STIX Two Math"'))).toBe(true);
      site.assertNoErrors();
    });
  }

  it('lays out the first screen of a long note first; the rest comes in on a scroll or a link, its focus rings whole', async () => {
    const { page } = await site.page({ viewport: { width: 1280, height: 800 } });
    // A note with a paragraph that starts with a link, below the fold.
    await page.goto(`${site.url}en/linear-algebra/norms-and-conditioning/`);
    // The practice questions, far below, are not laid out yet (global.css: content-visibility).
    const questionsLaidOut = () => page.$eval('#practice-questions', (el) => el.checkVisibility({ contentVisibilityAuto: true }));
    expect(await questionsLaidOut()).toBe(false);

    // A link at the very start of a paragraph, reached by keyboard: its ring is drawn whole, not
    // clipped at the paragraph's edge.
    const edge = await page.evaluate(() => {
      const link = [...document.querySelectorAll('.note > h2 ~ p > a:first-child')].find(
        (a) => Math.abs(a.getClientRects()[0]!.left - a.parentElement!.getBoundingClientRect().left) < 1,
      );
      link?.scrollIntoView({ block: 'center' });
      return link ? (link.setAttribute('data-edge-link', ''), true) : false;
    });
    expect(edge, 'a paragraph that starts with a link').toBe(true);
    await page.focus('[data-edge-link]');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-edge-link'))).toBe(true);
    const box = (await page.locator('[data-edge-link]').boundingBox())!;
    // 4 px left of the link: inside its focus ring (3 px wide, 2 px out), outside the paragraph.
    // Where the ring is clipped, that pixel is the same with and without focus.
    const clip = { x: box.x - 4, y: box.y + box.height / 2, width: 1, height: 1 };
    const focusedShot = await page.screenshot({ clip });
    await page.evaluate(() => (document.activeElement as HTMLElement).blur());
    const blurredShot = await page.screenshot({ clip });
    expect(focusedShot.equals(blurredShot), 'the pixel left of the focused link is its ring').toBe(false);

    // Following a link to the questions lands on their heading, laid out.
    await page.evaluate(() => (location.hash = '#practice-questions'));
    await expect.poll(questionsLaidOut).toBe(true);
    const top = await page.$eval('#practice-questions', (el) => el.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(-1);
    expect(top).toBeLessThan(200);
    site.assertNoErrors();
  });

  it('switches language to the same page in the other language and back', async () => {
    const { page } = await site.page();
    await page.goto(`${site.url}en/information-theory/`);
    await page.click('a.lang-switch');
    await page.waitForURL(`${site.url}zh/information-theory/`);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    await page.click('a.lang-switch');
    await page.waitForURL(`${site.url}en/information-theory/`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    site.assertNoErrors();
  });

  it('keeps the chosen theme across a reload, and follows the system by default', async () => {
    const { page } = await site.page({ colorScheme: 'light' });
    await page.goto(`${site.url}zh/`);
    expect(await page.getAttribute('html', 'data-theme')).toBe('light');
    await page.selectOption('#theme-select', 'dark');
    expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(21, 23, 26)');
    await page.reload();
    expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
    expect(await page.inputValue('#theme-select')).toBe('dark');
    await page.selectOption('#theme-select', 'system');
    await page.reload();
    expect(await page.getAttribute('html', 'data-theme')).toBe('light');
    site.assertNoErrors();
  });

  it('lets a keyboard user skip to the content and reach the sidebar', async () => {
    const { page } = await site.page();
    await page.goto(`${site.url}en/information-theory/`);
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => ({ cls: document.activeElement?.className, text: document.activeElement?.textContent }));
    expect(first.cls).toBe('skip-link');
    expect(first.text).toBe('Skip to content');
    expect(await page.isVisible('.skip-link')).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    // Tabbing on from the content reaches the sidebar's links.
    let reached = false;
    for (let i = 0; i < 400 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => Boolean(document.activeElement?.closest('#site-nav')));
    }
    expect(reached).toBe(true);
    site.assertNoErrors();
  });

  it('sends / to the visitor’s language and offers plain links without scripts', async () => {
    const { page } = await site.page({ locale: 'zh-CN' });
    await page.goto(site.url);
    await page.waitForURL(`${site.url}zh/`);
    const noScript = await site.browser.newContext({ javaScriptEnabled: false });
    const plain = await noScript.newPage();
    await plain.goto(site.url);
    expect(await plain.$$eval('.root-links a', (as) => as.map((a) => a.getAttribute('href')))).toEqual(['/en/', '/zh/']);
    await noScript.close();
    site.assertNoErrors();
  });
});
