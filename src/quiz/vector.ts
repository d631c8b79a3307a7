/**
 * Multiset matching of vector components for `ordered: false` (reading a typed list is
 * parse-matrix.ts).
 */

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
