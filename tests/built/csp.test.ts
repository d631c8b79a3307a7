/**
 * The content security policy in the built pages: every HTML page has one policy <meta> before
 * any script, scripts may not run inline unless hashed (no 'unsafe-inline', no 'unsafe-eval'),
 * and every inline script and <style> the page does have is covered by a hash in the policy,
 * so no page depends on a hash that went stale.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { builtPages, readBuilt } from '../helpers/site.ts';

const pages = builtPages();

/** The policy's directives by name, e.g. `{ 'script-src': ["'self'", "'sha256-…'"] }`. */
function parsePolicy(policy: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) out[name] = values;
  }
  return out;
}

const policyMeta = /<meta http-equiv="content-security-policy" content="([^"]*)">/gi;
const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
/** Script types a browser executes; JSON data blocks are not scripts and need no hash. */
const executable = (attributes: string) => {
  const type = /\btype="([^"]*)"/.exec(attributes)?.[1]?.toLowerCase();
  return type === undefined || type === '' || type === 'module' || type === 'text/javascript';
};

describe('content security policy', () => {
  it('finds the built pages', () => {
    expect(pages.length).toBeGreaterThan(60);
  });

  for (const page of pages) {
    it(`${page}: has the policy, no inline-script loophole, and hashes for its inline code`, () => {
      const html = readBuilt(page);
      const metas = [...html.matchAll(policyMeta)];
      expect(metas, 'one policy <meta>').toHaveLength(1);
      const meta = metas[0]!;
      const head = html.slice(0, html.indexOf('</head>'));
      expect(head, 'the policy is in <head>').toContain(meta[0]);
      const firstScript = html.search(/<script\b/);
      if (firstScript !== -1) expect(meta.index!, 'the policy comes before the first script').toBeLessThan(firstScript);

      const policy = parsePolicy(meta[1]!.replace(/&#39;/g, "'").replace(/&quot;/g, '"'));
      const scriptSrc = policy['script-src'];
      expect(scriptSrc, 'script-src').toBeDefined();
      for (const name of ['script-src', 'script-src-elem', 'script-src-attr', 'default-src']) {
        expect(policy[name] ?? [], name).not.toContain("'unsafe-inline'");
        expect(policy[name] ?? [], name).not.toContain("'unsafe-eval'");
      }
      expect(policy['style-src'] ?? [], 'style-src').not.toContain("'unsafe-inline'");
      expect(policy['object-src']).toEqual(["'none'"]);

      const scriptHashes = new Set(policy['script-src-elem'] ?? scriptSrc);
      for (const [, attributes, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
        if (/\bsrc=/.test(attributes!) || !executable(attributes!) || body!.length === 0) continue;
        expect(scriptHashes.has(sha256(body!)), `inline script not in the policy: ${body!.slice(0, 80)}`).toBe(true);
      }
      const styleHashes = new Set(policy['style-src-elem'] ?? policy['style-src']);
      for (const [, body] of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)) {
        expect(styleHashes.has(sha256(body!)), `inline <style> not in the policy: ${body!.slice(0, 80)}`).toBe(true);
      }
    });
  }
});
