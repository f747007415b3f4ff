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
  // The table d[i][j] (edits between a's first i and b's first j characters), row after row.
  const width = b.length + 1;
  const d: number[] = [];
  const at = (i: number, j: number): number => d[i * width + j] ?? Infinity;
  for (let i = 0; i <= a.length; i += 1) {
    for (let j = 0; j < width; j += 1) {
      const swap = i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1] ? at(i - 2, j - 2) + 1 : Infinity;
      const substitute = at(i - 1, j - 1) + (a[i - 1] === b[j - 1] ? 0 : 1);
      d.push(i * j === 0 ? i + j : Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, substitute, swap));
    }
  }
  return at(a.length, b.length);
}

/** Case, `_` and `-` ignored: `batch_size` and `Batch-Size` both read as `batchsize`. */
const plain = (name: string): string => name.toLowerCase().replaceAll(/[_-]/g, '');

/**
 * The name of `known` closest to `given`, when it is close enough to be the one meant: the same
 * but for case, `_` and `-` (`batch_size` for `batchSize`); within one edit per three characters
 * (at least one: `fianl` for `final`, `patiance` for `patience`); or the start of it, three
 * characters at least (`resume` for `resumeFrom`). `undefined` otherwise. Ties go to the
 * earlier name of `known`.
 *
 * @param given - the name the user wrote
 * @param known - the names that exist, in the order to prefer on a tie
 * @example
 * closest('fianl', ['initial', 'steps', 'final']); // 'final'
 * closest('speed', ['initial', 'steps', 'final']); // undefined
 */
export function closest(given: string, known: readonly string[]): string | undefined {
  const wanted = plain(given);
  const limit = Math.max(1, Math.floor(wanted.length / 3));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const name of known) {
    const candidate = plain(name);
    // Words further apart in length than the limit are further apart in edits too: skipped, so a
    // huge misspelt name costs no huge table.
    const distance =
      wanted.length > 2 && candidate.startsWith(wanted)
        ? limit
        : Math.abs(wanted.length - candidate.length) > limit
          ? Infinity
          : editDistance(wanted, candidate);
    if (distance < bestDistance) [best, bestDistance] = [name, distance];
  }
  return best;
}
