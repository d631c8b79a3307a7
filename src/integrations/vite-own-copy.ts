/**
 * Gives the progress and review pages their own copy of the modules they import, so that the
 * quiz's code (element, grading engine, progress store) is one file on a quiz note.
 *
 * Why: the bundler puts a module shared by several pages' scripts in a chunk of its own. The
 * progress store was shared by the quiz, the progress page and the review page, so every quiz
 * note loaded it as a second file next to the quiz chunk, and each file costs its own gzip
 * stream (~300 B more than one file holding both). Copying those modules into the two pages'
 * own bundles leaves the quiz chunk as the only user of the originals. A page never holds two
 * live stores: the progress page loads no quiz code, and the review page takes the store from
 * the quiz chunk it loads (see review-page.ts); what it copies is pure code.
 *
 * How: an import made by an owner module (or by a module already copied) resolves to the same
 * file with a `?afm-own-copy` query, which Vite loads and transforms like the file itself but
 * treats as a different module. Imports matching `shared` resolve as usual.
 */
import type { Plugin } from 'vite';

const QUERY = '?afm-own-copy';

export function ownCopy({ owners, shared }: { owners: RegExp; shared: RegExp }): Plugin {
  return {
    name: 'afm:own-copy',
    enforce: 'pre',
    applyToEnvironment: (environment) => environment.name === 'client',
    async resolveId(source, importer, options) {
      if (!importer || shared.test(source)) return null;
      const copied = importer.endsWith(QUERY);
      if (!copied && !owners.test(importer)) return null;
      const resolved = await this.resolve(source, copied ? importer.slice(0, -QUERY.length) : importer, { ...options, skipSelf: true });
      // Virtual modules and ids that carry a query of their own are left alone.
      if (!resolved || resolved.external || resolved.id.startsWith('\0') || resolved.id.includes('?')) return resolved;
      return { ...resolved, id: resolved.id + QUERY };
    },
  };
}
