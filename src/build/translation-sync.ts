/**
 * Keeping the two languages of a note in step. Each note's front matter records, in
 * `checked_against`, a hash of its counterpart's source as it was when someone last checked the
 * two against each other. When the counterpart changes, its hash no longer matches and the page
 * says so. The hash lives in the files themselves, so it works in a shallow clone or a tarball.
 * Node-only (it reads files and hashes with node:crypto).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

const checkedAgainstLine = /^checked_against:.*\r?\n/m;

/**
 * The hash of a note's source: 12 hex digits of SHA-256 over the file with its own
 * `checked_against` line left out (stamping one side must not change the other's view of it)
 * and line endings made uniform (a checkout on Windows must not look like an edit).
 */
export function sourceHash(source: string): string {
  const normalised = source.replace(/\r\n/g, '\n').replace(checkedAgainstLine, '');
  return createHash('sha256').update(normalised, 'utf8').digest('hex').slice(0, 12);
}

export type TranslationState = 'in-step' | 'counterpart-changed' | 'never-checked';

/** Whether a note is still in step with its counterpart, given its recorded hash. */
export function translationState(checkedAgainst: string | undefined, counterpartSource: string): TranslationState {
  if (!checkedAgainst) return 'never-checked';
  return checkedAgainst === sourceHash(counterpartSource) ? 'in-step' : 'counterpart-changed';
}

/** The same, reading the counterpart from disk (as a page does at build time). */
export function translationStateOfFile(checkedAgainst: string | undefined, counterpartFile: string): TranslationState {
  return translationState(checkedAgainst, readFileSync(counterpartFile, 'utf8'));
}

/**
 * A source with its `checked_against` set to `hash`: replaced when present, otherwise added as
 * the last front-matter line. Everything else in the file stays byte for byte.
 */
export function withCheckedAgainst(source: string, hash: string): string {
  if (checkedAgainstLine.test(source)) return source.replace(checkedAgainstLine, `checked_against: ${hash}\n`);
  const end = source.indexOf('\n---', 3);
  if (!source.startsWith('---') || end < 0) throw new Error('the file has no front matter to record checked_against in');
  return `${source.slice(0, end + 1)}checked_against: ${hash}\n${source.slice(end + 1)}`;
}
