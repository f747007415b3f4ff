// "Did you mean": the known name nearest to a misspelt one, or none when nothing is near.

import { checkString } from './check-type.js';
import { checkStrings } from './check-strings.js';

/**
 * The number of single-character insertions, deletions, substitutions and swaps of two
 * neighbours that turn `a` into `b` (optimal string alignment distance), so that `fianl` is one
 * edit from `final`, as a typist sees it. A `TypeError` names an argument that is not a string.
 *
 * @param a - one word
 * @param b - the other word
 * @example
 * editDistance('fianl', 'final'); // 1
 * editDistance('lr', 'lrDecay');  // 5
 */
export const editDistance = (a: string, b: string): number =>
  distance(checkString('editDistance', 'a', a), checkString('editDistance', 'b', b));

/** {@link editDistance} of two strings, unchecked: for this package's own callers. */
function distance(a: string, b: string): number {
  // row[j + 1]: the edits between a's first i + 1 and b's first j + 1 characters; above and
  // before are the two rows before it, the last a swap needs. The row before the first is 0..n.
  let before: number[] = [];
  let above: number[] = [];
  let row = [...Array(b.length + 1).keys()];
  for (let i = 0; i < a.length; i++) {
    [before, above, row] = [above, row, [i + 1]];
    for (let j = 0; j < b.length; j++) {
      // Delete, insert, keep or substitute, swap two neighbours (a[-1] and b[-1] are undefined,
      // so before is read only where it is filled).
      row[j + 1] = Math.min(
        above[j + 1]! + 1,
        row[j]! + 1,
        above[j]! + +(a[i] !== b[j]),
        a[i] === b[j - 1] && a[i - 1] === b[j] ? before[j - 1]! + 1 : Infinity,
      );
    }
  }
  return row[b.length]!;
}

/**
 * The name of `known` closest to `given`, when it is close enough to be the one meant: within one
 * edit per three characters (at least one: `fianl` for `final`, `patiance` for `patience`,
 * `lr_decay` for `lrDecay`), or the start of it, three characters at least (`resume` for
 * `resumeFrom`). `undefined` otherwise. Ties go to the earlier name of `known`. A `TypeError`
 * names `given` when it is not a string, `known` when it is not an array of strings.
 *
 * @param given - the name the user wrote
 * @param known - the names that exist, in the order to prefer on a tie
 * @example
 * closest('fianl', ['initial', 'steps', 'final']); // 'final'
 * closest('speed', ['initial', 'steps', 'final']); // undefined
 */
export const closest = (given: string, known: readonly string[]): string | undefined =>
  nearest(checkString('closest', 'given', given), checkStrings('closest', 'known', known));

/** {@link closest} for strings, unchecked: what `checkKeys` uses, having checked its own arguments. */
export function nearest(given: string, known: readonly string[]): string | undefined {
  const limit = Math.floor(given.length / 3) || 1; // one edit per three characters, at least one
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const name of known) {
    // Words further apart in length than the limit are further apart in edits too: skipped, so a
    // huge misspelt name costs no huge table.
    const edits =
      given.length > 2 && name.startsWith(given)
        ? limit
        : Math.abs(given.length - name.length) > limit
          ? Infinity
          : distance(given, name);
    if (edits < bestDistance) {
      best = name;
      bestDistance = edits;
    }
  }
  return best;
}
