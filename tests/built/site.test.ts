/** The built site: pages, head metadata, math rendering, fonts and the JavaScript a note ships. */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { builtPages, distDir, readBuilt, readRoute } from '../helpers/site.ts';
import { listNotes } from '../helpers/content.ts';
import { areaIds } from '../../src/utils/areas.ts';
import { budgets } from '../../scripts/size-report.mjs';

const pages = builtPages();
const notePages = pages.filter((p) => /^(en|zh)\/.+\/index\.html$/.test(p));

describe('pages', () => {
  it('builds every note of both languages', () => {
    for (const lang of ['en', 'zh'] as const) {
      for (const file of listNotes(lang)) {
        const route = file.replace(/\.mdx?$/, '').replace(/(^|\/)index$/, '');
        expect(pages, file).toContain(join(lang, route, 'index.html'));
      }
    }
  });

  it('has an overview for each of the five areas in both languages', () => {
    for (const area of areaIds) {
      for (const lang of ['en', 'zh']) expect(pages).toContain(`${lang}/${area}/index.html`);
    }
  });

  it('sets html lang, description, canonical and hreflang on every language page', () => {
    for (const page of pages.filter((p) => /^(en|zh)\//.test(p))) {
      const html = readBuilt(page);
      // Pages marked noindex (the offline fallback) have no canonical URL on purpose.
      if (html.includes('<meta name="robots" content="noindex">')) continue;
      const lang = page.startsWith('zh/') ? 'zh-CN' : 'en';
      expect(html, page).toContain(`<html lang="${lang}"`);
      expect(html, page).toMatch(/<meta name="description" content="[^"]{20,}">/);
      expect(html, page).toMatch(/<link rel="canonical" href="https?:\/\/[^"]+">/);
      expect(html, page).toContain('hreflang="en"');
      expect(html, page).toContain('hreflang="zh-CN"');
    }
  });

  it('has a sitemap listing pages of both languages', () => {
    const sitemap = readFileSync(join(distDir, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain('/en/information-theory/</loc>');
    expect(sitemap).toContain('/zh/information-theory/</loc>');
    expect(sitemap).not.toContain('404');
  });

  it('has a 404 page in both languages', () => {
    const html = readBuilt('404.html');
    expect(html).toContain('Page not found');
    expect(html).toContain('页面不存在');
  });
});

describe('math', () => {
  it('typesets every formula at build time as MathML, with no errors and no math script', () => {
    let formulas = 0;
    for (const page of notePages) {
      const html = readBuilt(page);
      expect(html, page).not.toContain('temml-error');
      expect(html, page).not.toMatch(/<script[^>]+(temml|variants)/i);
      formulas += (html.match(/<math[ >]/g) ?? []).length;
    }
    expect(formulas).toBeGreaterThan(1000);
  });

  it("uses only class names in formulas that the shipped stylesheets define (Temml's, for what MathML Core lacks)", () => {
    const css = readdirSync(join(distDir, '_astro'))
      .filter((f) => f.endsWith('.css'))
      .map((f) => readFileSync(join(distDir, '_astro', f), 'utf8'))
      .join('\n');
    const classes = new Set<string>();
    for (const page of notePages) {
      for (const math of readBuilt(page).matchAll(/<math[ >][\s\S]*?<\/math>/g)) {
        for (const m of math[0].matchAll(/ class="([^"]+)"/g)) for (const c of m[1]!.split(/\s+/)) classes.add(c);
      }
    }
    expect(classes.size).toBeGreaterThan(5);
    expect([...classes].filter((c) => !css.includes(`.${c}`))).toEqual([]);
  });

  it('ships its fonts as woff2 only, the math font among them', () => {
    const fonts = readdirSync(join(distDir, '_astro')).filter((f) => /\.(woff2?|ttf|otf|eot)$/.test(f));
    expect(fonts.filter((f) => !f.endsWith('.woff2'))).toEqual([]);
    expect(fonts.some((f) => f.startsWith('stix-two-math'))).toBe(true);
  });

  it('has every character of every built formula in the math font subset (else run scripts/subset-math-font.sh)', () => {
    const covered = new Set(readFileSync(join(import.meta.dirname, '..', '..', 'src', 'styles', 'fonts', 'stix-two-math-subset.chars.txt'), 'utf8'));
    const missing = new Map<string, string>();
    for (const page of pages) {
      for (const math of readBuilt(page).matchAll(/<math[ >][\s\S]*?<\/math>/g)) {
        // Text only; Chinese in \text{} is drawn by the text font, as is any character the math font lacks.
        for (const c of math[0].replace(/<[^>]+>/g, '')) {
          if (!covered.has(c) && !/[\s\u3000-\u9fff\uff00-\uffef]/.test(c) && !missing.has(c)) missing.set(c, page);
        }
      }
    }
    expect([...missing].map(([c, page]) => `${c} (U+${c.codePointAt(0)!.toString(16).toUpperCase()}) on ${page}`)).toEqual([]);
  });
});

describe('weight', () => {
  it('ships a plain note page (no quiz, no calculator) with at most 1.375 KiB of JavaScript, gzipped', () => {
    const html = readRoute('/en/about/');
    const inline = [...html.matchAll(/<script(?![^>]*\b(src|type="application\/json")=?)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[2] ?? '');
    const external = [...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map((m) => readFileSync(join(distDir, m[1]!), 'utf8'));
    // Every page's own script must not pull in other chunks before they are needed. The one static
    // import allowed is Vite's preload helper, which vite-no-preload-helper.ts makes a one-line
    // plain call shared by every script with a lazy import(); its bytes count here too.
    const staticImports = external.flatMap((code) => [...code.matchAll(/(?:^|;)\s*import\s*(?:\{[^}]*\}\s*from\s*)?["']([^"']+)["']/g)].map((m) => m[1]!));
    expect(staticImports.filter((from) => !/\/preload-helper\.[\w-]+\.js$/.test(from))).toEqual([]);
    const helpers = [...new Set(staticImports)].map((from) => readFileSync(join(distDir, '_astro', from.replace(/^.*\//, '')), 'utf8'));
    for (const helper of helpers) expect(helper.length, 'the preload helper stays a plain call').toBeLessThan(100);
    const bytes = [...inline, ...external, ...helpers].reduce((sum, code) => sum + gzipSync(code).length, 0);
    console.log(`plain note page JavaScript: ${bytes} B gzipped (${inline.length} inline, ${external.length} external)`);
    expect(bytes).toBeLessThanOrEqual(budgets.notePageJs);
  });

  it('has no request that leaves the site: no absolute URLs in src or stylesheet links', () => {
    for (const page of pages) {
      const html = readBuilt(page);
      expect(html, page).not.toMatch(/<(script|img|iframe|source)[^>]+src="(https?:)?\/\//);
      expect(html, page).not.toMatch(/<link[^>]+rel="(stylesheet|preload|modulepreload)"[^>]+href="(https?:)?\/\//);
    }
    expect(existsSync(join(distDir, 'favicon.svg'))).toBe(true);
  });
});
