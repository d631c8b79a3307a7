#!/usr/bin/env node
/**
 * Scale benchmark: generates a synthetic corpus of N notes a language (formulas, headings,
 * ~600 words of distinct pseudo-words so search has work), builds it into .builds/scale with
 * its own content store (.builds/scale-cache), and reports pages per second, peak memory,
 * the time of each build phase, Pagefind's index size per language and the bytes a first
 * search fetches. Not a test: results go to BENCHMARKS.md.
 *
 * Usage (run with the project's Node, e.g. `npx node scripts/bench-scale.mjs 100 300 1000`):
 *   node scripts/bench-scale.mjs [notesPerLanguage...] [--timeout-min=25] [--json=file]
 * Each build runs as `flock /tmp/afm-build.lock /usr/bin/time -v node astro build` (lock file:
 * AFM_BUILD_LOCK, when set), so the
 * shared build lock is held only while a build runs.
 */
import { mulberry32 } from '../src/utils/seeded-random.ts';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const repoRoot = resolve(dirname(new URL(import.meta.url).pathname), '..');
const areas = ['linear-algebra', 'probability', 'calculus', 'information-theory', 'numerical-analysis'];

// ---------------------------------------------------------------- corpus generation

/** Deterministic so every run builds the same corpus. */
export const rng = mulberry32;

const onsets = ['b', 'c', 'd', 'f', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z', 'br', 'cl', 'dr', 'gr', 'pl', 'st', 'tr', 'th', 'sh'];
const vowels = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'io', 'ou'];
const codas = ['', '', 'n', 'r', 's', 'l', 'x', 'nd', 'rt'];

/** A vocabulary of distinct pseudo-words (English-like) and of 2-3 character Chinese words. */
export function vocabulary(size, random) {
  const en = new Set();
  while (en.size < size) {
    const syllables = 2 + Math.floor(random() * 3);
    let w = '';
    for (let i = 0; i < syllables; i++) w += onsets[Math.floor(random() * onsets.length)] + vowels[Math.floor(random() * vowels.length)];
    en.add(w + codas[Math.floor(random() * codas.length)]);
  }
  const zh = new Set();
  while (zh.size < size) {
    const len = 2 + Math.floor(random() * 2);
    let w = '';
    // The common block of CJK Unified Ideographs (U+4E00–U+9FA5), as Chinese prose uses.
    for (let i = 0; i < len; i++) w += String.fromCodePoint(0x4e00 + Math.floor(random() * 0x51a5));
    zh.add(w);
  }
  return { en: [...en], zh: [...zh] };
}

/** Zipf-like pick: a few words are everywhere, most are rare (like real prose). */
const zipf = (list, random) => list[Math.min(list.length - 1, Math.floor(Math.pow(random(), 3) * list.length))];

const inlineFormulas = [
  (r) => `x_{${r(9)}}^2 + \\alpha_{${r(9)}}`,
  (r) => `\\frac{a_${r(9)}}{b_${r(9)} + ${r(99)}}`,
  (r) => `\\sum_{k=1}^{${r(99)}} w_k x_k`,
  (r) => `\\mathbb{E}[X_${r(9)}] = ${r(99)}`,
  (r) => `\\sqrt{${r(999)}}`,
  (r) => `\\log p(x_${r(9)} \\mid \\theta)`,
  (r) => `\\lVert \\mathbf{v}_${r(9)} \\rVert_2`,
  (r) => `e^{-${r(9)} t}`,
  () => `\\nabla_{\\theta} L`,
  (r) => `\\sigma(z) = ${r(9)}`,
];
const displayFormulas = [
  (r) => `\\int_0^1 f(x)\\,dx \\approx \\frac{1}{${r(99) + 1}} \\sum_{i=1}^{n} f(x_i)`,
  (r) => `A = \\begin{pmatrix} ${r(9)} & ${r(9)} \\\\ ${r(9)} & ${r(9)} \\end{pmatrix}`,
  (r) => `\\operatorname{softmax}(z)_i = \\frac{e^{z_i}}{\\sum_{j=1}^{${r(99)}} e^{z_j}}`,
  (r) => `H(p, q) = -\\sum_{x} p(x) \\log q(x) + ${r(9)}`,
  (r) => `\\theta_{t+1} = \\theta_t - \\eta_{${r(9)}} \\nabla L(\\theta_t)`,
  () => `P(A \\mid B) = \\frac{P(B \\mid A)\\,P(A)}{P(B)}`,
];

function paragraph(words, count, random, lang) {
  const out = [];
  for (let i = 0; i < count; i++) out.push(zipf(words, random));
  if (lang === 'zh') {
    // Chinese prose has no spaces; punctuation every dozen words keeps sentences short.
    return out.map((w, i) => (i % 12 === 11 ? `${w}，` : w)).join('') + '。';
  }
  return out.map((w, i) => (i % 14 === 0 ? w[0].toUpperCase() + w.slice(1) : w) + (i % 14 === 13 ? '.' : '')).join(' ') + '.';
}

/** One note: front matter, 4 sections, ~600 words, 20–30 inline and 5 display formulas. */
function note({ lang, area, order, index, vocab, seed }) {
  const random = rng(seed);
  const r = (n) => Math.floor(random() * (n + 1));
  const words = vocab[lang];
  const title = lang === 'zh' ? `合成笔记 ${index}：${zipf(words, random)}` : `Synthetic note ${index}: ${zipf(words, random)}`;
  const description =
    lang === 'zh'
      ? `一篇用于规模测试的合成笔记，编号 ${index}，包含公式、标题和大约六百个词，用来衡量构建与搜索的开销。`
      : `A synthetic note (number ${index}) for the scale benchmark, with formulas, headings and about six hundred words of text.`;
  const inlineCount = 20 + r(10);
  const headings = lang === 'zh' ? ['定义', '性质', '例子', '小结'] : ['Definition', 'Properties', 'Example', 'Summary'];
  const sections = [];
  let inlineLeft = inlineCount;
  let displayLeft = 5;
  for (let s = 0; s < 4; s++) {
    const parts = [`## ${headings[s]} ${zipf(words, random)}`];
    for (let p = 0; p < 3; p++) {
      let text = paragraph(words, 50, random, lang);
      // Splice inline formulas between words.
      const here = s === 3 && p === 2 ? inlineLeft : Math.min(inlineLeft, 2 + r(1));
      for (let f = 0; f < here; f++) {
        const formula = inlineFormulas[r(inlineFormulas.length - 1)](r);
        text += lang === 'zh' ? `公式 $${formula}$ 成立。` : ` Here $${formula}$ holds.`;
      }
      inlineLeft -= here;
      parts.push(text);
      if (displayLeft > 0 && (p === 1 || (s === 3 && p === 2 && displayLeft > 0))) {
        parts.push(`$$\n${displayFormulas[r(displayFormulas.length - 1)](r)}\n$$`);
        displayLeft--;
      }
    }
    sections.push(parts.join('\n\n'));
  }
  while (displayLeft-- > 0) sections.push(`$$\n${displayFormulas[r(displayFormulas.length - 1)](r)}\n$$`);
  return `---\ntitle: "${title}"\ndescription: "${description}"\narea: ${area}\norder: ${order}\n---\n\n${paragraph(words, 30, random, lang)}\n\n${sections.join('\n\n')}\n`;
}

/** Writes content/{en,zh}/<area>/*.mdx (an overview per area), content/glossary and quizzes/. */
export function generateCorpus(dir, notesPerLanguage) {
  const vocab = vocabulary(40_000, rng(1));
  const perArea = Math.ceil(notesPerLanguage / areas.length);
  let written = 0;
  for (let a = 0; a < areas.length && written < notesPerLanguage; a++) {
    const area = areas[a];
    for (let i = 0; i < perArea && written < notesPerLanguage; i++, written++) {
      const file =
        i === 0
          ? 'index.mdx'
          : `${area
              .split('-')
              .map((p) => p[0])
              .join('')}-${String(i).padStart(4, '0')}.mdx`;
      for (const lang of ['en', 'zh']) {
        const path = join(dir, 'content', lang, area, file);
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, note({ lang, area, order: i, index: written + 1, vocab, seed: written * 2 + (lang === 'zh' ? 1 : 0) + 7 }));
      }
    }
  }
  mkdirSync(join(dir, 'content', 'glossary'), { recursive: true });
  for (const area of areas) writeFileSync(join(dir, 'content', 'glossary', `${area}.yaml`), '[]\n');
  mkdirSync(join(dir, 'quizzes'), { recursive: true });
  return { vocab };
}

// ---------------------------------------------------------------- build and measure

/** Sums the sizes of the files below `dir` whose names pass `filter`. */
function folderBytes(dir, filter = () => true) {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && filter(entry.name)) total += statSync(join(entry.parentPath ?? entry.path, entry.name)).size;
  }
  return total;
}

/**
 * Runs the build under the lock and /usr/bin/time -v; resolves with timestamps of each log line.
 * AFM_BUILD_LOCK names another lock file for a run from a separate copy of the repository
 * (its own .astro/ folder), which need not wait for builds in this one.
 */
function build(env, timeoutMs) {
  return new Promise((resolvePromise) => {
    const args = [
      process.env.AFM_BUILD_LOCK || '/tmp/afm-build.lock',
      '/usr/bin/time',
      '-v',
      process.execPath,
      join(repoRoot, 'node_modules', 'astro', 'bin', 'astro.mjs'),
      'build',
    ];
    const child = spawn('flock', args, { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const lines = [];
    let stderr = '';
    let buffer = '';
    const started = Date.now();
    child.stdout.on('data', (chunk) => {
      buffer += chunk;
      const parts = buffer.split('\n');
      buffer = parts.pop();
      const now = Date.now();
      for (const line of parts) lines.push({ t: now, line });
    });
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => {
      process.stderr.write(`build exceeded ${timeoutMs / 60000} min; stopping it\n`);
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {}
    }, timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (buffer) lines.push({ t: Date.now(), line: buffer });
      resolvePromise({ code, signal, lines, stderr, started });
    });
  });
}

const strip = (s) => s.replace(/\x1b\[[0-9;]*m/g, '');

/** Phase times from Astro's log, using the moment each line arrived. */
function phases(lines) {
  const clean = lines.map(({ t, line }) => ({ t, line: strip(line) }));
  const at = (re, from = 0) => {
    const i = clean.findIndex((l, k) => k >= from && re.test(l.line));
    return i < 0 ? undefined : { i, t: clean[i].t, line: clean[i].line };
  };
  const first = clean[0];
  const synced = at(/Synced content|content\] .*synced/i);
  const viteStart = at(/Building static entrypoints/i);
  // Astro 7 prints "Rearranging server assets..." once Vite is done, then one line per page.
  const routes = at(/Rearranging server assets|generating static routes/i);
  const routesDone = routes && at(/^\S+ ✓ Completed in/, routes.i + 1);
  const pagefindStart = at(/Waiting for integration "afm:search-and-offline"|sitemap-index\.xml` created/);
  const pagefind = at(/Pagefind indexed/);
  const workbox = at(/Service worker precaches/);
  const done = at(/page\(s\) built in|Complete!/);
  const last = clean.at(-1);
  const span = (a, b) => (a && b ? (b.t - a.t) / 1000 : undefined);
  const pages = Number(clean.map((l) => /(\d+) page\(s\) built/.exec(l.line)?.[1]).find(Boolean) ?? NaN);
  return {
    pages,
    'start → content synced': span(first, synced),
    'content synced → vite build start': span(synced, viteStart),
    'vite build (server + client bundles)': span(viteStart, routes),
    'page generation': span(routes, routesDone),
    sitemap: span(routesDone, pagefindStart),
    pagefind: Number(/indexed \d+ pages in (\d+) ms/.exec(pagefind?.line ?? '')?.[1]) / 1000,
    workbox: span(pagefind, workbox),
    finish: span(workbox, done ?? last),
    pagefindLine: pagefind?.line,
    workboxLine: workbox?.line,
  };
}

/** Bytes the site's first search fetches: init, filters, one query, data() of the first 12 hits. */
export async function firstSearchBytes(outDir, htmlLang, query) {
  const fetched = [];
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (input) => {
    const url = new URL(input instanceof Request ? input.url : String(input), 'http://127.0.0.1/');
    try {
      const body = readFileSync(join(outDir, decodeURIComponent(url.pathname)));
      fetched.push({ path: url.pathname, bytes: body.length });
      return new Response(body, { status: 200 });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  };
  globalThis.document = {
    currentScript: null,
    querySelector: (s) => (s === 'html' ? { getAttribute: (n) => (n === 'lang' ? htmlLang : null) } : null),
  };
  try {
    const jsPath = join(outDir, 'pagefind', 'pagefind.js');
    fetched.push({ path: '/pagefind/pagefind.js', bytes: statSync(jsPath).size, gzip: gzipSync(readFileSync(jsPath)).length });
    // A fresh module instance for every build measured in this process: the file's mtime is in
    // the URL, or Node's module cache would hand back a Pagefind set up on an earlier index.
    const build = statSync(jsPath).mtimeMs;
    const pagefind = await import(`${pathToFileURL(jsPath).href}?lang=${htmlLang}&q=${encodeURIComponent(query)}&build=${build}`);
    // As src/scripts/search-dialog.ts does.
    await pagefind.options({ basePath: '/pagefind/', baseUrl: '/', excerptLength: 22 });
    await pagefind.init();
    await pagefind.filters();
    const found = await pagefind.search(query);
    await Promise.all(found.results.slice(0, 12).map((r) => r.data()));
    const kind = (p) =>
      p.endsWith('.js')
        ? 'pagefind.js'
        : p.includes('wasm')
          ? 'wasm'
          : p.includes('entry')
            ? 'entry'
            : p.endsWith('pf_meta')
              ? 'meta'
              : p.includes('/index/')
                ? 'index chunks'
                : p.includes('/fragment/')
                  ? 'fragments'
                  : p.includes('/filter/')
                    ? 'filters'
                    : 'other';
    const byKind = {};
    for (const f of fetched) byKind[kind(f.path)] = (byKind[kind(f.path)] ?? 0) + f.bytes;
    const total = fetched.reduce((s, f) => s + f.bytes, 0);
    // In a browser Pagefind runs in a Web Worker, which adds pagefind-worker.js to the first search.
    const worker = statSync(join(outDir, 'pagefind', 'pagefind-worker.js')).size;
    return {
      query,
      results: found.results.length,
      total,
      browserTotal: total + worker,
      worker,
      byKind,
      files: fetched.length,
      pagefindJsGzip: fetched[0].gzip,
    };
  } finally {
    globalThis.fetch = realFetch;
  }
}

/** Pagefind's files of one language (meta, index chunks, fragments, filters). */
export function pagefindLanguageBytes(outDir) {
  const entry = JSON.parse(readFileSync(join(outDir, 'pagefind', 'pagefind-entry.json'), 'utf8'));
  const result = {};
  for (const [lang, info] of Object.entries(entry.languages)) {
    const prefix = `${lang}_`;
    const mine = (name) => name.startsWith(prefix) || name === `pagefind.${info.hash}.pf_meta`;
    const idx = folderBytes(join(outDir, 'pagefind', 'index'), mine);
    const frag = folderBytes(join(outDir, 'pagefind', 'fragment'), mine);
    const filt = folderBytes(join(outDir, 'pagefind', 'filter'), mine);
    const meta = statSync(join(outDir, 'pagefind', `pagefind.${info.hash}.pf_meta`)).size;
    const wasm = info.wasm ? statSync(join(outDir, 'pagefind', `wasm.${info.wasm}.pagefind`)).size : 0;
    result[lang] = { pages: info.page_count, index: idx, fragments: frag, filters: filt, meta, wasm, total: idx + frag + filt + meta };
  }
  return result;
}

async function runOne(n, timeoutMs) {
  const corpus = mkdtempSync(join(tmpdir(), `afm-scale-${n}-`));
  const outDir = join(repoRoot, '.builds', 'scale');
  const cacheDir = join(repoRoot, '.builds', 'scale-cache');
  try {
    const g0 = Date.now();
    const { vocab } = generateCorpus(corpus, n);
    const sourceBytes = folderBytes(join(corpus, 'content'));
    console.error(`[${n}] corpus generated in ${Date.now() - g0} ms (${(sourceBytes / 1e6).toFixed(1)} MB) at ${corpus}; building…`);
    // A cold build each time: the content store would otherwise remember the last corpus.
    rmSync(cacheDir, { recursive: true, force: true });
    rmSync(outDir, { recursive: true, force: true });
    const result = await build(
      {
        ASTRO_TELEMETRY_DISABLED: '1',
        AFM_CONTENT_DIR: join(corpus, 'content'),
        AFM_QUIZ_DIR: join(corpus, 'quizzes'),
        AFM_OUT_DIR: outDir,
        AFM_CACHE_DIR: cacheDir,
      },
      timeoutMs,
    );
    const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)/.exec(result.stderr)?.[1];
    const wallSeconds = wall
      ? wall
          .split(':')
          .map(Number)
          .reduce((s, v) => s * 60 + v, 0)
      : NaN;
    const maxRssKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr)?.[1]);
    const userS = Number(/User time \(seconds\): ([\d.]+)/.exec(result.stderr)?.[1]);
    const sysS = Number(/System time \(seconds\): ([\d.]+)/.exec(result.stderr)?.[1]);
    const log = result.lines.map((l) => `+${((l.t - result.started) / 1000).toFixed(2)}s ${strip(l.line)}`).join('\n');
    writeFileSync(join(repoRoot, '.builds', `scale-${n}.log`), `${log}\n--- stderr ---\n${result.stderr}`);
    if (result.code !== 0) {
      return { n, ok: false, code: result.code, signal: result.signal, wallSeconds, maxRssKb, tail: result.stderr.split('\n').slice(-30).join('\n') };
    }
    const p = phases(result.lines);
    const htmlFiles = readdirSync(outDir, { recursive: true }).filter((f) => String(f).endsWith('.html'));
    const htmlBytes = folderBytes(outDir, (name) => name.endsWith('.html'));
    const sampleNote = join(outDir, 'en', 'probability', 'p-0001', 'index.html');
    const pagefind = pagefindLanguageBytes(outDir);
    // A common word (in most notes) and a rare one, per language.
    const searches = [
      await firstSearchBytes(outDir, 'en', vocab.en[0]),
      await firstSearchBytes(outDir, 'en', vocab.en[30_000]),
      await firstSearchBytes(outDir, 'zh-CN', vocab.zh[0]),
    ];
    return {
      n,
      ok: true,
      wallSeconds,
      maxRssKb,
      userS,
      sysS,
      pages: p.pages,
      pagesPerSecond: p.pages / wallSeconds,
      phases: p,
      htmlFiles: htmlFiles.length,
      htmlBytes,
      sampleNoteBytes: statSync(sampleNote).size,
      pagefind,
      searches,
      sourceBytes,
    };
  } finally {
    rmSync(corpus, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const args = process.argv.slice(2);
  const sizes = args.filter((a) => /^\d+$/.test(a)).map(Number);
  const timeoutMin = Number(args.find((a) => a.startsWith('--timeout-min='))?.split('=')[1] ?? 25);
  const jsonOut = args.find((a) => a.startsWith('--json='))?.split('=')[1];
  mkdirSync(join(repoRoot, '.builds'), { recursive: true });
  const results = [];
  for (const n of sizes.length ? sizes : [100, 300, 1000]) {
    const r = await runOne(n, timeoutMin * 60_000);
    results.push(r);
    console.log(JSON.stringify(r, null, 2));
    if (jsonOut) writeFileSync(jsonOut, JSON.stringify(results, null, 2));
  }
  const kb = (b) => (b / 1024).toFixed(0);
  console.log(
    '\n| notes/lang | pages | wall s | pages/s | peak RSS MB | sync s | vite s | pages s | pagefind s | workbox s | HTML MB | en index KB | zh index KB |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of results) {
    if (!r.ok) {
      console.log(`| ${r.n} | failed (code ${r.code}, ${r.signal ?? ''}) after ${r.wallSeconds} s | | | ${(r.maxRssKb / 1024).toFixed(0)} | | | | | | | | |`);
      continue;
    }
    const ph = r.phases;
    const f = (v) => (v === undefined ? '?' : v.toFixed(1));
    console.log(
      `| ${r.n} | ${r.pages} | ${r.wallSeconds.toFixed(1)} | ${r.pagesPerSecond.toFixed(1)} | ${(r.maxRssKb / 1024).toFixed(0)} | ${f(ph['start → content synced'])} | ${f(ph['vite build (server + client bundles)'])} | ${f(ph['page generation'])} | ${f(ph.pagefind)} | ${f(ph.workbox)} | ${(r.htmlBytes / 1e6).toFixed(1)} | ${kb(r.pagefind.en.total)} | ${kb(r.pagefind['zh-cn'].total)} |`,
    );
  }
}
