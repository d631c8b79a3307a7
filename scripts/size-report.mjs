#!/usr/bin/env node
/**
 * What a visitor downloads, per kind of page, read from a built site folder: JavaScript, CSS,
 * HTML and fonts, raw and gzipped.
 *
 * JavaScript of a page:
 *  - initial: its inline scripts (JSON data blocks excluded) plus each `<script src>` file and
 *    every chunk those import statically, followed recursively through the built chunks;
 *  - when visible: the chunks that the quiz and calculator scripts load with `import()` when
 *    the element scrolls into view (with their static imports), by component;
 *  - on demand: chunks loaded with `import()` after a visitor's action (the layout's search,
 *    offline and update-notice dialogs) or nested deeper; listed, not counted as initial.
 * Fonts: the math font a page with formulas fetches (pageFonts).
 * "search opened": the page's initial JS, the search dialog chunk and Pagefind's files for
 * the page's language (pagefind.js, its worker, entry, meta, wasm, filter chunk and the
 * largest index chunk as the estimate of the first one it fetches).
 *
 * Usage: node scripts/size-report.mjs [folder=dist] [base=/]
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, posix, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Budgets in gzipped bytes. */
export const budgets = {
  /**
   * A page with no script of its own: the page script (header hooks, island loaders) and the
   * inline theme script. 1.25 KiB since the theme script is written readably and the header opens
   * the phone menu (BENCHMARKS.md §6); 1.375 KiB since the page script also starts the quiz and
   * calculator loaders, one script a page instead of three (BENCHMARKS.md §7b).
   */
  notePageJs: 1408,
  /** A page with a quiz: initial JavaScript + the quiz's chunks; 12 KiB since issue #18 (was 10, BENCHMARKS.md §6). */
  quizPageJs: 12 * 1024,
  /**
   * A page with a calculator: initial JavaScript + that calculator's chunks; 15.5 KiB since
   * helpers that several widgets use live once in their base class (BENCHMARKS.md §6).
   */
  calculatorPageJs: 15.5 * 1024,
  cssPerPage: 15 * 1024,
};

/** Files sent as they are: woff2 and Pagefind's index, meta and wasm files are compressed already. */
const precompressed = /\.(woff2|pagefind|pf_meta|pf_index|pf_filter|pf_fragment)$/;

const gzCache = new Map();
/** `{ raw, gz }` of one file in the folder (path relative to it, "/"-separated). */
export function fileSize(dir, file) {
  const key = join(dir, file);
  let size = gzCache.get(key);
  if (!size) {
    const bytes = readFileSync(key);
    size = { raw: bytes.length, gz: precompressed.test(file) ? bytes.length : gzipSync(bytes, { level: 9 }).length };
    gzCache.set(key, size);
  }
  return size;
}

/** `{ raw, gz }` of a string (inline scripts and styles are sent inside the HTML). */
export function textSize(text) {
  if (!text) return { raw: 0, gz: 0 };
  const bytes = Buffer.from(text);
  return { raw: bytes.length, gz: gzipSync(bytes, { level: 9 }).length };
}

export function sumSizes(sizes) {
  return sizes.reduce((a, b) => ({ raw: a.raw + b.raw, gz: a.gz + b.gz }), { raw: 0, gz: 0 });
}

/** The built file of a route (`/en/about/` → `en/about/index.html`), base removed. */
export function fileOfRoute(route, base = '/') {
  const prefix = base.replace(/\/?$/, '/');
  let path = route.startsWith(prefix) ? route.slice(prefix.length) : route.replace(/^\//, '');
  if (path === '' || path.endsWith('/')) path += 'index.html';
  return path;
}

/** The folder-relative file a URL in a page or chunk refers to. */
function resolveUrl(url, fromFile, base) {
  const prefix = base.replace(/\/?$/, '/');
  const clean = url.split(/[?#]/)[0];
  if (clean.startsWith(prefix)) return clean.slice(prefix.length);
  if (clean.startsWith('/')) return clean.slice(1);
  return posix.normalize(posix.join(posix.dirname(fromFile), clean));
}

const importCache = new Map();
/**
 * Static and dynamic imports of one built chunk. Static: `import … from "./x.js"`,
 * `import "./x.js"`, `export … from "./x.js"`. Dynamic: `import("./x.js")` with a literal.
 */
export function chunkImports(dir, file) {
  const key = join(dir, file);
  let found = importCache.get(key);
  if (found) return found;
  const code = readFileSync(key, 'utf8');
  const q = '["\'`]';
  const spec = `${q}([^"'\`]+\\.m?js)${q}`;
  const staticRe = new RegExp(`(?:^|[;\\s}])(?:import|export)\\s*(?:[\\w$*{}\\s,]+?\\s*from\\s*)?${spec}`, 'g');
  const dynamicRe = new RegExp(`\\bimport\\(\\s*${spec}\\s*\\)`, 'g');
  const rel = (s) => posix.normalize(posix.join(posix.dirname(file), s));
  found = {
    static: [...new Set([...code.matchAll(staticRe)].map((m) => rel(m[1])))],
    dynamic: [...new Set([...code.matchAll(dynamicRe)].map((m) => rel(m[1])))],
  };
  importCache.set(key, found);
  return found;
}

/** A set of entry chunks and everything they import statically, recursively. */
export function staticClosure(dir, entries) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file) || !existsSync(join(dir, file))) return;
    seen.add(file);
    for (const dep of chunkImports(dir, file).static) visit(dep);
  };
  for (const entry of entries) visit(entry);
  return seen;
}

/** Dynamic imports reachable from a set of chunks (each with its static closure). */
function dynamicTargets(dir, files) {
  const out = new Set();
  for (const file of files) for (const d of chunkImports(dir, file).dynamic) out.add(d);
  return out;
}

function attrs(tag) {
  const out = {};
  for (const m of tag.matchAll(/([^\s"'>\/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)) {
    out[m[1].toLowerCase()] = m[2] ?? m[3] ?? m[4] ?? '';
  }
  return out;
}

/** The scripts and stylesheets a page names. */
export function pageResources(html, pageFile, base = '/') {
  const scripts = [];
  const inline = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const a = attrs(m[1]);
    if (a.src !== undefined) scripts.push(resolveUrl(a.src, pageFile, base));
    else if (!a.type || /^(module|text\/javascript|application\/javascript)$/i.test(a.type)) inline.push(m[2]);
  }
  const css = [];
  for (const m of html.matchAll(/<link\b([^>]*)>/gi)) {
    const a = attrs(m[1]);
    if (/\bstylesheet\b/i.test(a.rel ?? '') && a.href) css.push(resolveUrl(a.href, pageFile, base));
  }
  const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map((m) => m[1]);
  return { scripts, inline, css, styles };
}

/** A component's name from its entry chunk: `Quiz.astro_astro_type_script_…js` → `Quiz`. */
export function componentOf(file) {
  return posix
    .basename(file)
    .replace(/\.astro_astro_type_script.*$/, '')
    .replace(/\.[^.]+\.js$/, '');
}

/**
 * The island loaders the page script (src/scripts/islands.ts) imports when a page has questions
 * or calculators, by chunk name: `question-loader.HASH.js` is the quiz's (reported as `Quiz`),
 * `loader.HASH.js` the calculators'. Every other import() of the page script runs on a visitor's
 * action (search, offline and update-notice dialogs, the phone menu).
 */
const quizLoader = /^question-loader\.[\w-]+\.js$/;
const calculatorLoader = /^loader\.[\w-]+\.js$/;

/** The island loaders among the page script's import() targets: `{ quiz, calculators }` chunk files. */
function islandLoaders(dir, entries) {
  const targets = [...dynamicTargets(dir, staticClosure(dir, entries))];
  return {
    quiz: targets.find((t) => quizLoader.test(posix.basename(t))),
    calculators: targets.find((t) => calculatorLoader.test(posix.basename(t))),
  };
}

/** The calculator ids on a page, from its `data-calc` attributes. */
export function pageCalculators(html) {
  return [...new Set([...html.matchAll(/\sdata-calc="([a-z0-9-]+)"/g)].map((m) => m[1]))];
}

/**
 * The math font a page with formulas fetches: the STIX Two Math face of the page's stylesheets
 * (src/styles/math.css). Temml's own small font is drawn only for script letters, which few
 * pages have, so it is left out.
 */
export function pageFonts(dir, html, cssFiles) {
  if (!/<math\b/.test(html)) return [];
  const css = cssFiles.map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
  const files = [];
  for (const m of css.matchAll(/@font-face\s*{([^}]*)}/g)) {
    const url = /STIX Two Math/.test(m[1]) && /url\(\s*["']?([^"')]+\.woff2)/.exec(m[1])?.[1];
    if (url) files.push(url);
  }
  return files;
}

/**
 * Everything one page costs. Returns sizes and the file lists:
 * `{ route, file, html, css, fonts, js: { inline, initial, initialFiles, visible, onDemand, total } }`
 * where `visible` maps each component (Quiz) or calculator id (float-inspector…) to `{ files, size }`.
 */
export function pageReport(dir, route, base = '/') {
  const file = fileOfRoute(route, base);
  const html = readFileSync(join(dir, file), 'utf8');
  const res = pageResources(html, file, base);
  const initialFiles = staticClosure(dir, res.scripts);
  const inline = textSize(res.inline.join('\n'));
  const initial = sumSizes([inline, ...[...initialFiles].map((f) => fileSize(dir, f))]);

  /** @type {Record<string, { files: string[], size: { raw: number, gz: number } }>} */
  const visible = {};
  const visibleFiles = new Set();
  const onDemandRoots = new Set();
  const loaders = islandLoaders(dir, res.scripts);
  const islands = new Set([loaders.quiz, loaders.calculators].filter(Boolean));
  for (const t of dynamicTargets(dir, initialFiles)) if (!islands.has(t)) onDemandRoots.add(t);
  const onPage = pageCalculators(html);
  if (loaders.calculators && onPage.length > 0) {
    // The loader imports the widget list (ui/widgets.ts) when a calculator comes into view,
    // and the list imports that calculator's widget chunk.
    const own = staticClosure(dir, [loaders.calculators]);
    const targets = dynamicTargets(dir, own);
    const widgetChunks = [...dynamicTargets(dir, staticClosure(dir, [...targets]))];
    for (const id of onPage) {
      const widget = widgetChunks.filter((t) => new RegExp(`^${id}\\.[\\w-]+\\.js$`).test(posix.basename(t)));
      const files = [...staticClosure(dir, [loaders.calculators, ...targets, ...widget])].filter((f) => !initialFiles.has(f));
      for (const f of files) visibleFiles.add(f);
      visible[id] = { files, size: sumSizes(files.map((f) => fileSize(dir, f))) };
      // The other widgets the list could import are not loaded on this page.
      for (const t of dynamicTargets(dir, files)) if (!widgetChunks.includes(t)) onDemandRoots.add(t);
    }
  }
  if (loaders.quiz && /<afm-question\b/.test(html)) {
    const own = staticClosure(dir, [loaders.quiz]);
    const files = [...staticClosure(dir, [loaders.quiz, ...dynamicTargets(dir, own)])].filter((f) => !initialFiles.has(f));
    for (const f of files) visibleFiles.add(f);
    visible.Quiz = { files, size: sumSizes(files.map((f) => fileSize(dir, f))) };
    for (const t of dynamicTargets(dir, files)) onDemandRoots.add(t);
  }
  const onDemandFiles = [...staticClosure(dir, [...onDemandRoots])].filter((f) => !initialFiles.has(f) && !visibleFiles.has(f));
  const onDemand = { files: onDemandFiles, size: sumSizes(onDemandFiles.map((f) => fileSize(dir, f))) };
  const whenVisible = sumSizes([...visibleFiles].map((f) => fileSize(dir, f)));

  const css = sumSizes([...res.css.map((f) => fileSize(dir, f)), textSize(res.styles.join('\n'))]);
  const fontFiles = pageFonts(dir, html, res.css).map((u) => resolveUrl(u, res.css[0] ?? file, base));
  const fonts = sumSizes(fontFiles.map((f) => fileSize(dir, f)));
  return {
    route,
    file,
    html: fileSize(dir, file),
    css: { files: res.css, size: css },
    fonts: { files: fontFiles, size: fonts },
    js: {
      inline,
      initialFiles: [...initialFiles],
      initial,
      visible,
      whenVisible,
      onDemand,
      total: sumSizes([initial, whenVisible]),
    },
  };
}

/** Initial JS plus what one component loads when it scrolls into view (`Quiz`, `float-inspector`…). */
export function jsWith(report, component) {
  const v = report.js.visible[component];
  return sumSizes([report.js.initial, v ? v.size : { raw: 0, gz: 0 }]);
}

/** The files Pagefind fetches for a first search on a page of `lang` (`en` or `zh`). */
export function pagefindFiles(dir, lang) {
  const folder = join(dir, 'pagefind');
  const entry = JSON.parse(readFileSync(join(folder, 'pagefind-entry.json'), 'utf8'));
  const key = Object.keys(entry.languages).find((k) => k === lang || k.startsWith(`${lang}-`)) ?? Object.keys(entry.languages)[0];
  const info = entry.languages[key];
  const files = ['pagefind/pagefind.js', 'pagefind/pagefind-entry.json', `pagefind/pagefind.${info.hash}.pf_meta`];
  if (existsSync(join(folder, 'pagefind-worker.js'))) files.push('pagefind/pagefind-worker.js');
  files.push(`pagefind/wasm.${info.wasm ?? 'unknown'}.pagefind`);
  const largest = (sub) =>
    readdirSync(join(folder, sub))
      .filter((f) => f.startsWith(`${key}_`))
      .sort((a, b) => statSync(join(folder, sub, b)).size - statSync(join(folder, sub, a)).size)[0];
  const filter = existsSync(join(folder, 'filter')) ? largest('filter') : undefined;
  if (filter) files.push(`pagefind/filter/${filter}`);
  const index = largest('index');
  if (index) files.push(`pagefind/index/${index}`);
  return files.filter((f) => existsSync(join(dir, f)));
}

/** The page's JS plus what opening search loads: the dialog chunk(s) and Pagefind's files. */
export function searchReport(dir, route, base = '/') {
  const page = pageReport(dir, route, base);
  const lang = page.file.startsWith('zh/') ? 'zh' : 'en';
  const dialog = page.js.onDemand.files.filter((f) => /search-dialog/.test(f));
  const dialogFiles = [...staticClosure(dir, dialog)].filter((f) => !page.js.initialFiles.includes(f));
  const pagefind = pagefindFiles(dir, lang);
  const extra = [...dialogFiles, ...pagefind];
  return { page, files: extra, total: sumSizes([page.js.initial, ...extra.map((f) => fileSize(dir, f))]) };
}

/** Finds example pages: a note with a quiz and no calculator, one with a calculator. */
export function findPages(dir, base = '/', lang = 'en') {
  const routes = [];
  const walk = (sub) => {
    for (const name of readdirSync(join(dir, sub))) {
      const path = posix.join(sub, name);
      if (statSync(join(dir, path)).isDirectory()) walk(path);
      else if (name === 'index.html') routes.push(`${base.replace(/\/?$/, '/')}${sub}/`);
    }
  };
  walk(lang);
  routes.sort();
  const kinds = routes.map((route) => {
    const html = readFileSync(join(dir, fileOfRoute(route, base)), 'utf8');
    // Scripts of the page's own beyond the one every page has (the glossary's filter…).
    const { scripts } = pageResources(html, fileOfRoute(route, base), base);
    const others = scripts.map(componentOf).filter((n) => n !== 'BaseLayout');
    return { route, quiz: /<afm-question\b/.test(html), calculators: pageCalculators(html), others };
  });
  return kinds;
}

/** The standard set of page kinds for the table and the budget test. */
export function sizeReport(dir = 'dist', base = '/') {
  const prefix = base.replace(/\/?$/, '/');
  const kinds = findPages(dir, base);
  // A note with a quiz and no calculator; when every quiz note also has a calculator, the first
  // quiz note stands in and its row counts the quiz's chunks only (see `jsWith`).
  const leaf = (k) => /^[^/]+\/[^/]+\/[^/]+\/$/.test(k.route.slice(prefix.length));
  const quizOnly = kinds.find((k) => k.quiz && k.calculators.length === 0) ?? kinds.find((k) => k.quiz && k.calculators.length === 1 && leaf(k));
  const calcRoute = `${prefix}en/numerical-analysis/floating-point/`;
  const calc = kinds.find((k) => k.route === calcRoute) ?? kinds.find((k) => k.calculators.length > 0 && leaf(k));
  const rows = [
    { kind: 'home', route: `${prefix}en/` },
    { kind: 'plain note', route: `${prefix}en/about/` },
    quizOnly && { kind: quizOnly.calculators.length ? 'note + quiz*' : 'note + quiz', route: quizOnly.route, only: 'Quiz' },
    calc && { kind: 'note + calculator', route: calc.route, only: calc.calculators[0] },
    { kind: 'calculators index', route: `${prefix}en/calculators/` },
    { kind: 'calculators of an area', route: `${prefix}en/calculators/numerical-analysis/` },
  ]
    .filter(Boolean)
    .filter((r) => existsSync(join(dir, fileOfRoute(r.route, base))))
    .map((r) => ({ ...r, report: pageReport(dir, r.route, base) }));
  const search = searchReport(dir, `${prefix}en/about/`, base);
  return { rows, search, kinds };
}

const kb = (n) => (n / 1024).toFixed(1);
const pair = (s) => `${kb(s.raw)} / ${kb(s.gz)}`;

/** The table, as text (KiB raw / KiB gzipped). */
export function formatTable({ rows, search }) {
  const head = ['page', 'route', 'JS initial', 'JS + its quiz/calc', 'JS when visible (all)', 'JS on demand', 'CSS', 'HTML', 'fonts'];
  const body = rows.map(({ kind, route, only, report: r }) => [
    kind,
    route,
    pair(r.js.initial),
    only ? pair(jsWith(r, only)) : '',
    pair(r.js.whenVisible),
    pair(r.js.onDemand.size),
    pair(r.css.size),
    pair(r.html),
    pair(r.fonts.size),
  ]);
  body.push(['search opened', search.page.route, pair(search.total), '', '', '', '', '', '']);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  const line = (cells) => cells.map((c, i) => c.padEnd(widths[i])).join(' │ ');
  const out = ['Sizes in KiB, raw / gzipped', line(head), widths.map((w) => '─'.repeat(w)).join('─┼─'), ...body.map(line), ''];
  if (rows.some((r) => r.kind.endsWith('*')))
    out.push('* every note with a quiz also has a calculator: this row counts the quiz chunks, not the calculator chunks', '');
  for (const { kind, report: r } of rows) {
    const visible = Object.entries(r.js.visible).filter(([, v]) => v.files.length);
    out.push(`${kind}: initial JS ${r.js.initialFiles.map((f) => posix.basename(f)).join(', ') || '(inline only)'} + ${kb(r.js.inline.gz)} KiB gz inline`);
    for (const [name, v] of visible) out.push(`  when ${name} is visible: ${v.files.map((f) => posix.basename(f)).join(', ')} (${pair(v.size)})`);
    if (r.js.onDemand.files.length) out.push(`  on demand: ${r.js.onDemand.files.map((f) => posix.basename(f)).join(', ')}`);
    if (r.fonts.files.length) out.push(`  fonts: ${r.fonts.files.map((f) => posix.basename(f)).join(', ')}`);
  }
  out.push(`search opened: + ${search.files.map((f) => f.replace(/^_astro\//, '')).join(', ')}`);
  return out.join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [dir = 'dist', base = process.env.AFM_BASE ?? '/'] = process.argv.slice(2);
  console.log(formatTable(sizeReport(dir, base)));
}
