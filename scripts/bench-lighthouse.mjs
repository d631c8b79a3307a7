#!/usr/bin/env node
/**
 * Lighthouse benchmark: serves a built site with scripts/serve.mjs on a free port, runs
 * Lighthouse (default config = mobile: Moto G Power emulation, simulated slow 4G and 4x CPU
 * slowdown) in Debian's Chromium on a few kinds of page, and prints the four category scores,
 * the audits that did not pass, DOM size and transfer sizes as markdown. Not a test: the
 * results go to BENCHMARKS.md.
 *
 * Usage: node scripts/bench-lighthouse.mjs [folder=dist] [--gzip] [--runs=N] [--json=file] [path...]
 * --gzip serves text gzip-compressed, as GitHub Pages does; without it, files go uncompressed.
 * (Run it with the project's Node: `npx node scripts/bench-lighthouse.mjs`.) dist/ is shared:
 * copy it under the build lock first, e.g.
 *   flock /tmp/afm-build.lock cp -r dist .builds/lh-dist && npx node scripts/bench-lighthouse.mjs .builds/lh-dist
 */
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { serve } from './serve.mjs';
import { chromeArgs, chromePath } from './chromium.mjs';

const defaultPages = [
  ['home', 'en/'],
  ['note (short)', 'en/about/'],
  ['note with quiz', 'en/information-theory/entropy/'],
  ['calculator note', 'en/numerical-analysis/floating-point/'],
  ['calculators index', 'en/calculators/'],
  ['calculators of an area', 'en/calculators/numerical-analysis/'],
  ['zh note', 'zh/probability/bayes/'],
];
const categories = ['performance', 'accessibility', 'best-practices', 'seo'];

const args = process.argv.slice(2);
const folder = args.find((a) => !a.startsWith('--') && !/^(en|zh)\//.test(a)) ?? 'dist';
const runs = Number(args.find((a) => a.startsWith('--runs='))?.split('=')[1] ?? 1);
const jsonOut = args.find((a) => a.startsWith('--json='))?.split('=')[1];
const gzip = args.includes('--gzip');
const chosen = args.filter((a) => /^(en|zh)\//.test(a));
const pages = chosen.length ? chosen.map((p) => [p, p]) : defaultPages;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (b) => `${(b / 1024).toFixed(1)}`;

const { server, url: base } = await serve({ root: resolve(folder), port: 0, gzip });
process.env.CHROME_PATH = chromePath;
const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: ['--headless', ...chromeArgs] });
const results = [];
try {
  for (const [label, path] of pages) {
    const url = base + path;
    const perRun = [];
    for (let i = 0; i < runs; i++) {
      const runner = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: categories });
      if (!runner) throw new Error(`Lighthouse returned nothing for ${url}`);
      perRun.push(runner.lhr);
    }
    const lhr = perRun[0];
    const scores = Object.fromEntries(categories.map((c) => [c, median(perRun.map((r) => Math.round((r.categories[c]?.score ?? 0) * 100)))]));
    // Audits that count towards a category and did not pass.
    const failing = [];
    for (const c of categories) {
      for (const ref of lhr.categories[c].auditRefs) {
        const audit = lhr.audits[ref.id];
        if (ref.weight > 0 && audit.score !== null && audit.score < 1) {
          // For rule audits (axe, SEO), which elements failed; for metrics, just the value.
          const nodes = (audit.details?.items ?? [])
            .map((item) => item.node?.snippet ?? item.node?.selector)
            .filter(Boolean)
            .slice(0, 5);
          failing.push({ category: c, id: ref.id, score: audit.score, display: audit.displayValue ?? '', nodes });
        }
      }
    }
    const requests = lhr.audits['network-requests']?.details?.items ?? [];
    const byType = {};
    for (const r of requests) byType[r.resourceType ?? 'Other'] = (byType[r.resourceType ?? 'Other'] ?? 0) + (r.transferSize ?? 0);
    const metrics = lhr.audits.metrics?.details?.items?.[0] ?? {};
    results.push({
      label,
      path,
      scores,
      perfRuns: perRun.map((r) => Math.round(r.categories.performance.score * 100)),
      fcp: metrics.firstContentfulPaint,
      lcp: metrics.largestContentfulPaint,
      tbt: metrics.totalBlockingTime,
      cls: metrics.cumulativeLayoutShift,
      domElements: lhr.audits['dom-size']?.numericValue ?? lhr.audits['dom-size-insight']?.details?.debugData?.totalElements,
      totalBytes: lhr.audits['total-byte-weight']?.numericValue,
      byType,
      requests: requests.length,
      failing,
    });
    console.error(`${label}: ${JSON.stringify(scores)}`);
  }
} finally {
  chrome.kill();
  server.close();
}

if (jsonOut) {
  mkdirSync(resolve(jsonOut, '..'), { recursive: true });
  writeFileSync(jsonOut, JSON.stringify(results, null, 2));
}

console.log(`| page | path | performance | accessibility | best practices | SEO |`);
console.log(`|---|---|---|---|---|---|`);
for (const r of results)
  console.log(
    `| ${r.label} | /${r.path} | ${r.scores.performance}${runs > 1 ? ` (${r.perfRuns.join(', ')})` : ''} | ${r.scores.accessibility} | ${r.scores['best-practices']} | ${r.scores.seo} |`,
  );
console.log(`\n| page | FCP ms | LCP ms | TBT ms | CLS | DOM elements | requests | total KB | HTML KB | CSS KB | JS KB | font KB |`);
console.log(`|---|---|---|---|---|---|---|---|---|---|---|---|`);
for (const r of results) {
  const t = r.byType;
  console.log(
    `| ${r.label} | ${Math.round(r.fcp)} | ${Math.round(r.lcp)} | ${Math.round(r.tbt)} | ${r.cls?.toFixed(3)} | ${r.domElements} | ${r.requests} | ${kb(r.totalBytes)} | ${kb(t.Document ?? 0)} | ${kb(t.Stylesheet ?? 0)} | ${kb(t.Script ?? 0)} | ${kb(t.Font ?? 0)} |`,
  );
}
console.log(`\nServed ${gzip ? 'gzip-compressed' : 'without compression'}. Audits below 100:`);
for (const r of results) {
  if (!r.failing.length) continue;
  console.log(
    `- ${r.label}: ${r.failing.map((f) => `${f.id} (${f.category}, ${Math.round(f.score * 100)}${f.display ? `, ${f.display}` : ''}${f.nodes.length ? `: ${f.nodes.join(' ')}` : ''})`).join('; ')}`,
  );
}
