/**
 * Hashes for the content security policy. Astro hashes the scripts it bundles, but not
 * `<script is:inline>` (kept inline on purpose: the theme must apply before the first paint,
 * and the root page redirects before anything loads). Their hashes are computed here, at
 * config time, from the same source text Astro copies into the page unchanged.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

const inlineScript = /<script\b([^>]*)>([\s\S]*?)<\/script>/g;

/** `sha256-…` of every `<script is:inline>` in the given .astro files. */
export function inlineScriptHashes(files: Array<string | URL>): Array<`sha256-${string}`> {
  const hashes: Array<`sha256-${string}`> = [];
  for (const file of files) {
    const source = readFileSync(file, 'utf8');
    for (const [, attributes, body] of source.matchAll(inlineScript)) {
      if (!/\bis:inline\b/.test(attributes!)) continue;
      // Anything but a plain is:inline script (define:vars, a src, a JSON type) is emitted
      // differently from its source text, so its hash here would be wrong: refuse it.
      if (attributes!.trim() !== 'is:inline') {
        throw new Error(`${String(file)}: <script${attributes}> cannot be hashed from its source; use a plain <script is:inline>`);
      }
      hashes.push(`sha256-${createHash('sha256').update(body!, 'utf8').digest('base64')}`);
    }
  }
  if (hashes.length === 0) throw new Error('No <script is:inline> found to hash: are the file names right?');
  return hashes;
}
