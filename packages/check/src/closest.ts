// "Did you mean": the known name nearest to a misspelt one, or none when nothing is near.

/**
 * The number of single-character insertions, deletions, substitutions and swaps of two
 * neighbours that turn `a` into `b` (optimal string alignment distance), so that `fianl` is one
 * edit from `final`, as a typist sees it.
 *
 * @param a - one word
 * @param b - the other word
 * @example
 * editDistance('fianl', 'final'); // 1
 * editDistance('lr', 'lrDecay');  // 5
 */
export function editDistance(a: string, b: string): number {
  // d[i % 3][j]: the edits between a's first i and b's first j characters (i + j when one is
  // empty); only the last three rows are kept, the least a swap needs.
  const d: number[][] = [];
  for (let i = 0; i <= a.length; i += 1) {
    const row: number[] = (d[i % 3] = []);
    for (let j = 0; j <= b.length; j += 1) {
      // Below the first row and column: delete, insert, keep or substitute, swap two neighbours.
      row[j] =
        i && j
          ? Math.min(
              d[(i - 1) % 3]![j]! + 1,
              row[j - 1]! + 1,
              d[(i - 1) % 3]![j - 1]! + +(a[i - 1] !== b[j - 1]),
              a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1] ? d[(i - 2) % 3]![j - 2]! + 1 : Infinity,
            )
          : i + j;
    }
  }
  return d[a.length % 3]![b.length]!;
}

/**
 * The name of `known` closest to `given`, when it is close enough to be the one meant: within one
 * edit per three characters (at least one: `fianl` for `final`, `patiance` for `patience`,
 * `lr_decay` for `lrDecay`), or the start of it, three characters at least (`resume` for
 * `resumeFrom`). `undefined` otherwise. Ties go to the earlier name of `known`.
 *
 * @param given - the name the user wrote
 * @param known - the names that exist, in the order to prefer on a tie
 * @example
 * closest('fianl', ['initial', 'steps', 'final']); // 'final'
 * closest('speed', ['initial', 'steps', 'final']); // undefined
 */
export function closest(given: string, known: readonly string[]): string | undefined {
  const limit = Math.max(1, Math.floor(given.length / 3));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const name of known) {
    // Words further apart in length than the limit are further apart in edits too: skipped, so a
    // huge misspelt name costs no huge table.
    const distance =
      given.length > 2 && name.startsWith(given)
        ? limit
        : Math.abs(given.length - name.length) > limit
          ? Infinity
          : editDistance(given, name);
    if (distance < bestDistance) {
      best = name;
      bestDistance = distance;
    }
  }
  return best;
}
