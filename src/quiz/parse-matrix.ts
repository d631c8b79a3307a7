/**
 * Reading a typed vector or matrix into rows of entries. This is the one reader behind quiz
 * answers and calculator fields, so a learner types a list the same way everywhere. Pure and
 * total; the text is normalised first (normaliseInput, which also turns a line break between
 * rows into `;`). Each entry is read by the caller's `read` (a number, fraction, …).
 *
 * - Outer brackets `[…]` or `(…)` are optional: `[1, 2, 3]`, `(1, 2, 3)`, `1, 2, 3`.
 * - Rows are separated by `;` (`[1, 2; 3, 4]`, or one row per line) or written as bracket
 *   groups (`[[1, 2], [3, 4]]`, `((1, 2), (3, 4))`, `[1 2] [3 4]`).
 * - In a row with a comma (outside brackets), commas separate the entries, so an entry may
 *   hold spaces (`1 000`, `1 1/2`, `ln 2`). A row without a comma is split at its spaces
 *   (`[0.25 0.1; 0.1 0.24]`, `1 2 3`), unless some part does not read and the whole row
 *   does, as one entry (`1 / 2`, `ln 2`).
 * - A trailing comma is ignored (`[1, 2,]`), and so are empty rows (`[1, 2;]`).
 * The shape is whatever was typed (rows may differ in length); judging it is the caller's job.
 */

/** How one character changes the bracket depth: +1 for ( [, −1 for ) ], else 0. */
const depthStep = (c: string) => ('(['.includes(c) ? 1 : ')]'.includes(c) ? -1 : 0);

/** Split at top-level occurrences of `sep` (outside (), []); undefined if brackets do not balance. */
export function splitTop(s: string, sep: string): string[] | undefined {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    if ((depth += depthStep(s[i]!)) < 0) return undefined;
    if (s[i] === sep && depth === 0) {
      parts.push(s.slice(start, i).trim());
      start = i + 1;
    }
  }
  if (depth !== 0) return undefined;
  parts.push(s.slice(start).trim());
  return parts;
}

/** If the whole of `s` is one bracketed group `[…]` or `(…)`, its inside; else undefined. */
export function unwrap(s: string): string | undefined {
  const close = s[0] === '[' ? ']' : s[0] === '(' ? ')' : undefined;
  if (close === undefined || !s.endsWith(close)) return undefined;
  // the group must not close before the last character
  let depth = 0;
  for (let i = 0; i < s.length - 1; i++) if ((depth += depthStep(s[i]!)) === 0) return undefined;
  return s.slice(1, -1).trim();
}

/** A row's parts: split at commas if it has one (a trailing comma dropped), else at spaces. */
function partsOf(row: string): { parts: string[]; bySpace: boolean } | undefined {
  const byComma = splitTop(row, ',');
  if (byComma === undefined) return undefined;
  if (byComma.length > 1) {
    if (byComma[byComma.length - 1] === '') byComma.pop();
    return { parts: byComma, bySpace: false };
  }
  return { parts: splitTop(row, ' ')!, bySpace: true };
}

/** A row given as a bracket group: `[…]`, or `(…)` with a comma inside (else `(1+2)` would be a row). */
const isRowGroup = (s: string) => s.startsWith('[') || (s.startsWith('(') && (splitTop(unwrap(s) ?? '', ',')?.length ?? 0) > 1);

/** The row texts of `s`, or undefined if brackets do not balance. */
function rowsOf(s: string): string[] | undefined {
  const body = unwrap(s) ?? s;
  const bySemicolon = splitTop(body, ';');
  if (bySemicolon === undefined) return undefined;
  if (bySemicolon.length > 1) {
    const rows = bySemicolon.filter((row) => row !== '');
    return rows.length > 0 ? rows.map((row) => unwrap(row) ?? row) : [''];
  }
  const items = partsOf(body)?.parts;
  if (items === undefined) return undefined;
  return items.every(isRowGroup) ? items.map((item) => unwrap(item)!) : [body];
}

type Outcome = { ok: boolean };

/** Where the first entry that does not read is, and why; `shape` is the typed row lengths. */
export type GridFailure<R> = { ok: false; brackets?: false; row: number; col: number; text: string; failure: R; shape: number[] };

export type GridResult<R> = { ok: true; rows: R[][] } | { ok: false; brackets: true } | GridFailure<R>;

/**
 * Read `s` (normalised, non-empty) as rows of entries, each read by `read`. On success every
 * entry is a successful outcome of `read`; otherwise the failure says whether the brackets do
 * not match or which entry (row, col from 0, its text) does not read and why.
 */
export function readGrid<R extends Outcome>(s: string, read: (text: string) => R): GridResult<R> {
  const rowTexts = rowsOf(s);
  if (rowTexts === undefined) return { ok: false, brackets: true };
  const rows: R[][] = [];
  let first: Omit<GridFailure<R>, 'shape'> | undefined;
  for (const [r, rowText] of rowTexts.entries()) {
    const split = partsOf(rowText);
    if (split === undefined) return { ok: false, brackets: true };
    let entries = split.parts.map(read);
    if (split.bySpace && entries.length > 1 && !entries.every((e) => e.ok)) {
      const whole = read(rowText);
      if (whole.ok) entries = [whole];
    }
    const bad = entries.findIndex((e) => !e.ok);
    if (bad >= 0 && first === undefined) first = { ok: false, row: r, col: bad, text: split.parts[bad]!, failure: entries[bad]! };
    rows.push(entries);
  }
  return first ? { ...first, shape: rows.map((row) => row.length) } : { ok: true, rows };
}

/** Typed as one row or one column (a single entry is both). */
export const isLine = (shape: readonly number[]) => shape.length === 1 || shape.every((n) => n === 1);
