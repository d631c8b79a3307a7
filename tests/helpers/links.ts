/**
 * Link checker over a built site folder: every internal link, asset reference and
 * `#fragment` on every HTML page (and every URL in the sitemaps, and every `url()` in the
 * built stylesheets) must resolve to a file in the folder, and a fragment to an `id` (or
 * `name`) on the target page. Parameterised by the base path so the same checker runs over
 * dist/ (base "/") and a sub-path build (base "/ai-math/"), where it also reports internal
 * references that do not start with the base.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { withHiddenVariants } from './quiz-data.ts';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

export type LinkProblem = { page: string; attribute: string; url: string; reason: string };

export type LinkReport = {
  pages: number;
  /** Internal URLs checked (page links, asset references, sitemap entries, CSS url()). */
  links: number;
  /** Fragments checked (same-page `#x` and `/page/#x`). */
  fragments: number;
  /** Links checked by where they were found: `en`, `zh`, `sitemap`, `css` or `root` (top-level pages). */
  bySource: Record<string, number>;
  problems: LinkProblem[];
};

export type CheckOptions = {
  /** The built site folder. */
  dir: string;
  /** The base path the site is served under, e.g. "/" or "/ai-math/". */
  base?: string;
  /** The configured `site` origin; absolute URLs on it (canonical, hreflang, sitemap) count as internal. */
  site?: string;
};

/** Attributes that hold a URL, by element (`*` for any element). */
const urlAttributes: Record<string, string[]> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  script: ['src'],
  img: ['src', 'srcset'],
  source: ['src', 'srcset'],
  video: ['src', 'poster'],
  audio: ['src'],
  track: ['src'],
  iframe: ['src'],
  embed: ['src'],
  object: ['data'],
  form: ['action'],
  use: ['href', 'xlink:href'],
  image: ['href', 'xlink:href'],
};

export function listHtml(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .map((f) => f.split(sep).join('/'))
    .sort();
}

function* elements(node: Node): Generator<Element> {
  if ('tagName' in node) yield node;
  // <template> keeps its children in a separate fragment.
  const content = (node as Element & { content?: Node }).content;
  if (node.nodeName === 'template' && content) yield* elements(content);
  if ('childNodes' in node) for (const child of node.childNodes) yield* elements(child);
}

type ParsedPage = { ids: Set<string>; refs: Array<{ attribute: string; url: string }> };

function parsePage(html: string): ParsedPage {
  const ids = new Set<string>();
  const refs: ParsedPage['refs'] = [];
  for (const el of elements(parse(html))) {
    const attrs = new Map(el.attrs.map((a) => [a.prefix ? `${a.prefix}:${a.name}` : a.name, a.value]));
    const id = attrs.get('id');
    if (id) ids.add(id);
    const name = attrs.get('name');
    if (name && (el.tagName === 'a' || el.tagName === 'iframe' || el.tagName === 'img' || el.tagName === 'object' || el.tagName === 'map')) ids.add(name);
    for (const attribute of urlAttributes[el.tagName] ?? []) {
      const value = attrs.get(attribute);
      if (value === undefined) continue;
      const urls = attribute === 'srcset' ? value.split(',').map((s) => s.trim().split(/\s+/)[0] ?? '') : [value.trim()];
      for (const url of urls) if (url) refs.push({ attribute: `<${el.tagName} ${attribute}>`, url });
    }
    if (el.tagName === 'meta' && /^refresh$/i.test(attrs.get('http-equiv') ?? '')) {
      const m = /url\s*=\s*['"]?([^'"]+)/i.exec(attrs.get('content') ?? '');
      if (m?.[1]) refs.push({ attribute: '<meta refresh>', url: m[1] });
    }
    if (el.tagName === 'meta' && /^(og:(image|url)|twitter:image)$/.test(attrs.get('property') ?? attrs.get('name') ?? '')) {
      const content = attrs.get('content');
      if (content) refs.push({ attribute: '<meta content>', url: content });
    }
  }
  return { ids, refs };
}

/** The URL path a built file is served at: `en/about/index.html` → `${base}en/about/`. */
export function routeOf(file: string, base: string): string {
  return base + file.replace(/(^|\/)index\.html$/, '$1');
}

export function checkLinks({ dir, base = '/', site }: CheckOptions): LinkReport {
  const prefix = base.replace(/\/?$/, '/');
  const origin = 'http://site.invalid';
  const siteUrl = site ? new URL(site) : undefined;
  const pages = listHtml(dir);
  const parsed = new Map<string, ParsedPage>();
  const pageOf = (file: string) => {
    let page = parsed.get(file);
    if (!page) {
      // A quiz note's other variants (its quiz data file) are checked as part of the page.
      page = parsePage(withHiddenVariants(readFileSync(join(dir, file), 'utf8'), dir, base));
      parsed.set(file, page);
    }
    return page;
  };
  const problems: LinkProblem[] = [];
  let links = 0;
  let fragments = 0;
  const bySource: Record<string, number> = {};
  const sourceOf = (file: string) =>
    file.startsWith('sitemap') ? 'sitemap' : file.endsWith('.css') ? 'css' : file.includes('/') ? file.split('/')[0]! : 'root';

  /** The file inside `dir` a URL path (already checked to start with the base) is served from. */
  const fileFor = (pathname: string): string | undefined => {
    let path: string;
    try {
      path = decodeURIComponent(pathname.slice(prefix.length));
    } catch {
      return undefined;
    }
    if (path.split('/').includes('..')) return undefined;
    const candidates = path === '' || path.endsWith('/') ? [`${path}index.html`] : [path, `${path}/index.html`];
    return candidates.find((c) => existsSync(join(dir, c)) && statSync(join(dir, c)).isFile());
  };

  /** Checks one reference found in `from` (a file relative to dir) served at `fromUrl`. */
  const check = (from: string, fromUrl: string, attribute: string, raw: string, sameDocIds?: Set<string>) => {
    const problem = (reason: string) => problems.push({ page: from, attribute, url: raw, reason });
    if (/^(mailto|tel|javascript|data|blob):/i.test(raw)) return;
    let url: URL;
    try {
      url = new URL(raw, origin + fromUrl);
    } catch {
      return problem('not a valid URL');
    }
    let internal = url.origin === origin;
    if (!internal && siteUrl && url.origin === siteUrl.origin) {
      // An absolute URL on the site's own origin (canonical, hreflang, sitemap): check its path.
      internal = true;
    }
    if (!internal) return;
    // Root-relative references must carry the base: "/en/" under base "/ai-math/" escapes the site.
    if (/^\/(?!\/)/.test(raw) && !raw.startsWith(prefix)) return problem(`root-relative URL does not start with the base ${prefix}`);
    if (!url.pathname.startsWith(prefix)) return problem(`resolves outside the base ${prefix}`);
    const samePage = url.pathname === new URL(origin + fromUrl).pathname && raw.startsWith('#');
    let target: string | undefined;
    if (samePage) target = from;
    else {
      links++;
      bySource[sourceOf(from)] = (bySource[sourceOf(from)] ?? 0) + 1;
      target = fileFor(url.pathname);
      if (!target) return problem(`no file in the build for ${url.pathname}`);
    }
    if (url.hash.length > 1) {
      fragments++;
      if (!target.endsWith('.html')) return;
      let fragment: string;
      try {
        fragment = decodeURIComponent(url.hash.slice(1));
      } catch {
        return problem('fragment is not valid percent-encoding');
      }
      const ids = samePage && sameDocIds ? sameDocIds : pageOf(target).ids;
      if (!ids.has(fragment)) problem(`no id="${fragment}" on ${target}`);
    }
  };

  for (const file of pages) {
    const page = pageOf(file);
    const fromUrl = routeOf(file, prefix);
    for (const ref of page.refs) check(file, fromUrl, ref.attribute, ref.url, page.ids);
  }

  // Sitemaps: every <loc> (and xhtml:link href) is an absolute URL on the site's origin.
  for (const name of readdirSync(dir).filter((f) => /^sitemap.*\.xml$/.test(f))) {
    const xml = readFileSync(join(dir, name), 'utf8');
    for (const m of xml.matchAll(/<loc>([^<]+)<\/loc>|<xhtml:link[^>]*\bhref="([^"]+)"/g)) {
      const raw = (m[1] ?? m[2] ?? '').replace(/&amp;/g, '&');
      if (!siteUrl) continue;
      const url = new URL(raw);
      if (url.origin !== siteUrl.origin) {
        problems.push({ page: name, attribute: '<loc>', url: raw, reason: `not on the site's origin ${siteUrl.origin}` });
        continue;
      }
      check(name, prefix + name, '<loc>', raw);
    }
  }

  // Stylesheets: url() references (fonts) resolve relative to the CSS file.
  const assets = join(dir, '_astro');
  if (existsSync(assets)) {
    for (const name of readdirSync(assets).filter((f) => f.endsWith('.css'))) {
      // A quoted data: URL may hold url(#id) of its own (Temml's stylesheet draws arrows with SVG).
      const css = readFileSync(join(assets, name), 'utf8').replace(/url\(\s*(['"])data:[\s\S]*?\1\s*\)/g, '');
      for (const m of css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)) {
        const raw = m[2]!;
        if (raw.startsWith('#') || raw.startsWith('data:')) continue;
        check(`_astro/${name}`, `${prefix}_astro/${name}`, 'url()', raw);
      }
    }
  }

  return { pages: pages.length, links, fragments, bySource, problems };
}

/** One line a problem, for assertion messages. */
export function formatProblems(problems: LinkProblem[], limit = 50): string {
  const lines = problems.slice(0, limit).map((p) => `${p.page}: ${p.attribute} ${p.url} — ${p.reason}`);
  if (problems.length > limit) lines.push(`… and ${problems.length - limit} more`);
  return lines.join('\n');
}
