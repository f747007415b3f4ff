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
  // Rows of the table of edits between a's first i and b's first j characters: the one before
  // last (for swaps), the last, and the one being filled.
  let before: number[] = [];
  let last = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const swap = a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1] ? (before[j - 2] ?? 0) + 1 : Infinity;
      const kept = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min((last[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (last[j - 1] ?? 0) + kept, swap);
    }
    [before, last] = [last, row];
  }
  return last[b.length] ?? 0;
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
    if (distance < bestDistance) [best, bestDistance] = [name, distance];
  }
  return best;
}
