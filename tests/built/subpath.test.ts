/**
 * The site works when served under a sub-path (a GitHub project page): built with
 * AFM_BASE=/ai-math/ into .builds/subpath, every internal link and asset reference on every
 * page starts with /ai-math/ and resolves inside that folder (fragments included), the
 * service worker precaches /ai-math/ URLs, and the Pagefind index is there.
 *
 * The build runs in a copy of the sources (node_modules linked) so that it shares neither
 * `.astro/` nor the content store with the other builds of this test run (build-failures
 * builds fixture sites from the checkout at the same time).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../helpers/content.ts';
import { checkLinks, formatProblems, listHtml, type LinkReport } from '../helpers/links.ts';
import { siteConfig } from '../../site.config.mjs';
import { buildEnv } from '../helpers/build-env.ts';

const base = '/ai-math/';
const outDir = join(repoRoot, '.builds', 'subpath');
const srcCopy = join(repoRoot, '.builds', 'subpath-src');
const sixMinutes = 6 * 60_000;

function copySources(): void {
  rmSync(srcCopy, { recursive: true, force: true });
  mkdirSync(srcCopy, { recursive: true });
  for (const entry of ['src', 'content', 'quizzes', 'public', 'astro.config.mjs', 'site.config.mjs', 'package.json', 'tsconfig.json']) {
    if (existsSync(join(repoRoot, entry))) cpSync(join(repoRoot, entry), join(srcCopy, entry), { recursive: true });
  }
  symlinkSync(join(repoRoot, 'node_modules'), join(srcCopy, 'node_modules'), 'dir');
}

function build(): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(srcCopy, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'], {
      cwd: srcCopy,
      env: buildEnv({ AFM_BASE: base, AFM_OUT_DIR: outDir, AFM_CACHE_DIR: join(srcCopy, '.cache', 'astro') }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), sixMinutes - 10_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe('the site under a sub-path', () => {
  let report: LinkReport;

  beforeAll(async () => {
    rmSync(outDir, { recursive: true, force: true });
    copySources();
    const started = Date.now();
    const { code, output } = await build();
    if (code !== 0) throw new Error(`The sub-path build failed (exit ${code}):\n${output.split('\n').slice(-60).join('\n')}`);
    console.log(`Sub-path site built into .builds/subpath in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    rmSync(srcCopy, { recursive: true, force: true });
    report = checkLinks({ dir: outDir, base, site: siteConfig.site });
  }, sixMinutes);

  it('builds every page', () => {
    expect(listHtml(outDir).length).toBeGreaterThan(50);
    expect(existsSync(join(outDir, 'en', 'index.html'))).toBe(true);
    expect(existsSync(join(outDir, 'zh', 'index.html'))).toBe(true);
  });

  it('has every internal link and asset start with the base and resolve inside the folder', () => {
    console.log(
      `sub-path links: ${report.pages} pages, ${report.links} internal links/assets checked ${JSON.stringify(report.bySource)}, ` +
        `${report.fragments} fragments checked, ${report.problems.length} broken`,
    );
    expect(report.problems, formatProblems(report.problems)).toEqual([]);
    expect(report.bySource.en ?? 0).toBeGreaterThan(500);
    expect(report.bySource.zh ?? 0).toBeGreaterThan(500);
  });

  it('prefixes links written in the notes and in quiz texts', () => {
    const about = readFileSync(join(outDir, 'en', 'about', 'index.html'), 'utf8');
    expect(about).toContain(`href="${base}en/linear-algebra/"`);
    expect(about).not.toMatch(/href="\/en\//);
    // Every page: no root-relative URL in any attribute that misses the base.
    for (const page of listHtml(outDir)) {
      const html = readFileSync(join(outDir, page), 'utf8');
      const stray = [...html.matchAll(/\s(?:href|src|action|poster|data-base)="(\/(?!\/)[^"]*)"/g)].map((m) => m[1]!).filter((u) => !u.startsWith(base));
      expect(stray, page).toEqual([]);
    }
  });

  it('has the service worker precache /ai-math/ URLs only', () => {
    const sw = readFileSync(join(outDir, 'sw.js'), 'utf8');
    const urls = [...sw.matchAll(/\burl:\s*"([^"]+)"/g)].map((m) => m[1]!);
    expect(urls.length).toBeGreaterThan(50);
    expect(urls.filter((u) => !u.startsWith(base))).toEqual([]);
    expect(urls).toContain(`${base}en/index.html`);
    expect(urls.some((u) => u.startsWith(`${base}pagefind/`))).toBe(true);
    for (const url of urls) expect(existsSync(join(outDir, url.slice(base.length))), url).toBe(true);
    expect(sw).toContain(`${base}en/offline/index.html`);
  });

  it('has the Pagefind index and its files', () => {
    for (const file of ['pagefind/pagefind.js', 'pagefind/pagefind-entry.json']) expect(existsSync(join(outDir, file)), file).toBe(true);
    const entry = JSON.parse(readFileSync(join(outDir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    expect(Object.keys(entry.languages).sort()).toEqual(['en', 'zh-cn']);
    for (const [lang, info] of Object.entries(entry.languages)) expect(info.page_count, lang).toBeGreaterThan(20);
  });
});
