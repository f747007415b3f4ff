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
  // Three rows of the dynamic-programming table: the one before last (for swaps), last, current.
  let before: number[] = [];
  let last = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((last[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (last[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, (before[j - 2] ?? 0) + 1);
      row.push(best);
    }
    before = last;
    last = row;
  }
  return last[b.length] ?? 0;
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
  let bestDistance = Infinity;
  for (const name of known) {
    const candidate = plain(name);
    const prefix = wanted.length >= 3 && candidate.startsWith(wanted);
    const distance = prefix ? Math.min(editDistance(wanted, candidate), limit) : editDistance(wanted, candidate);
    if (distance <= limit && distance < bestDistance) {
      best = name;
      bestDistance = distance;
    }
  }
  return best;
}
