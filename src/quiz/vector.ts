/**
 * Vectors and matrices: splitting typed lists into component texts, and multiset matching
 * for `ordered: false`. Precondition: input text is normalised.
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

/** The typed shape: a list of rows (a vector is one row), or undefined if brackets do not balance. */
export type Typed = { rows: string[][]; matrix: boolean };

function splitRow(s: string): string[] | undefined {
  const inner = unwrap(s) ?? s;
  const parts = splitTop(inner, ',');
  if (parts && parts.length > 1 && parts[parts.length - 1] === '') parts.pop(); // trailing comma
  return parts;
}

/** Read `[1, 2, 3]`, `(1, 2, 3)`, `1, 2, 3`, `[1, 2; 3, 4]`, `[[1, 2], [3, 4]]`. */
export function splitList(s: string): Typed | undefined {
  const body = unwrap(s) ?? s;
  const rowsBySemi = splitTop(body, ';');
  if (rowsBySemi === undefined) return undefined;
  if (rowsBySemi.length > 1) {
    if (rowsBySemi[rowsBySemi.length - 1] === '') rowsBySemi.pop();
    const rows: string[][] = [];
    for (const r of rowsBySemi) {
      const row = splitRow(r);
      if (!row) return undefined;
      rows.push(row);
    }
    return { rows, matrix: true };
  }
  const items = splitRow(body);
  if (!items) return undefined;
  if (items.length > 0 && items.every((it) => it.startsWith('[') || (it.startsWith('(') && unwrap(it)?.includes(',')))) {
    const rows: string[][] = [];
    for (const it of items) {
      const inner = unwrap(it);
      const row = inner === undefined ? undefined : splitTop(inner, ',');
      if (!row) return undefined;
      rows.push(row);
    }
    return { rows, matrix: true };
  }
  return { rows: [items], matrix: false };
}

/** Size of a maximum matching in a bipartite graph given as ok[i][j] (Kuhn's algorithm). */
export function maxMatching(ok: boolean[][], nRight: number): number {
  const matchR: number[] = new Array<number>(nRight).fill(-1);
  const tryAssign = (i: number, seen: boolean[]): boolean => {
    for (let j = 0; j < nRight; j++) {
      if (!ok[i]![j] || seen[j]) continue;
      seen[j] = true;
      if (matchR[j] === -1 || tryAssign(matchR[j]!, seen)) {
        matchR[j] = i;
        return true;
      }
    }
    return false;
  };
  let n = 0;
  for (let i = 0; i < ok.length; i++) if (tryAssign(i, new Array<boolean>(nRight).fill(false))) n++;
  return n;
}
