import { checkPositiveInteger } from '@etagrad/check';
import { checkNumberList } from './check-results.js';
/**
 * fastai's three rules for reading a learning-rate range test (`lr_find`'s suggestion functions
 * `valley`, `steep` and `minimum`), on the points left after fastai's trimming: the first tenth
 * of the planned steps (a loss still settling from its random start) and the last 5 points (the
 * blow-up) are dropped first, by {@link suggestLrs}.
 */

/** `xs[i]` for an index the loops below keep in range by construction. */
const item = (xs: readonly number[], i: number): number => xs[i] as number;

/** The three suggested learning rates of a range test. */
export interface LrSuggestions {
  /**
   * fastai's `valley`, its default and the one to try first: the rate two-thirds of the way
   * down the longest stretch over which the loss keeps falling. It sits where the loss still
   * drops fast but well before the minimum, so it is neither timid (`minimumDiv10`) nor on the
   * edge of divergence (`steepest` can land on an early noisy dip).
   */
  readonly valley: number;
  /** fastai's `steep`: the rate where the loss falls fastest per unit of log(rate). */
  readonly steepest: number;
  /** fastai's `minimum`: a tenth of the rate at which the loss was lowest. */
  readonly minimumDiv10: number;
}

/**
 * fastai's `valley`: the index two-thirds of the way along the longest valley, that is the
 * longest run of points (not necessarily adjacent) over which the loss strictly decreases,
 * found by the longest-decreasing-subsequence recurrence `lds[i] = max(lds[j] + 1)` over `j < i`
 * with `losses[i] < losses[j]`. The valley spans `(end - lds[end], end]`; the index is
 * `start + floor(len / 3) + floor(len / 6)` (fastai's `int(sections) + int(sections / 2)`).
 * fastai would index from the end when a run that falls from the very first point gives -1
 * (two points): clamped to 0 here.
 */
export function valleyIndex(losses: readonly number[]): number {
  const lds = losses.map(() => 1);
  let end = 0;
  let start = 0;
  losses.forEach((loss, i) => {
    for (let j = 0; j < i; j++) {
      const longer = item(lds, j) + 1;
      if (loss < item(losses, j) && item(lds, i) < longer) lds[i] = longer;
      if (item(lds, end) < item(lds, i)) {
        end = i;
        start = end - item(lds, end);
      }
    }
  });
  const sections = (end - start) / 3;
  return Math.max(0, start + Math.floor(sections) + Math.floor(sections / 2));
}

/**
 * fastai's `steep`: the index `i` of the most negative slope
 * `(losses[i + 1] - losses[i]) / (ln lrs[i + 1] - ln lrs[i])` (the first one on ties).
 */
export function steepestIndex(lrs: readonly number[], losses: readonly number[]): number {
  let best = 0;
  let bestSlope = Infinity;
  for (let i = 0; i + 1 < losses.length; i++) {
    const slope = (item(losses, i + 1) - item(losses, i)) / (Math.log(item(lrs, i + 1)) - Math.log(item(lrs, i)));
    if (slope < bestSlope) {
      bestSlope = slope;
      best = i;
    }
  }
  return best;
}

/** The index of the lowest loss (the first one on ties). */
export function minimumIndex(losses: readonly number[]): number {
  let best = 0;
  losses.forEach((loss, i) => {
    if (loss < item(losses, best)) best = i;
  });
  return best;
}

/**
 * The three suggestions of a range test of `steps` planned updates, from its recorded rates and
 * smoothed losses, after fastai's trimming (`lrs[floor(steps / 10) : -5]`); `null` when fewer
 * than 2 points are left (the loss diverged almost at once: start lower or take more steps).
 *
 * @param lrs The rate of each recorded update, increasing.
 * @param losses The smoothed loss of each recorded update.
 * @param steps The number of updates the test planned (fastai's `num_it`).
 */
export function suggestLrs(lrs: readonly number[], losses: readonly number[], steps: number): LrSuggestions | null {
  checkNumberList('suggestLrs', 'lrs', lrs);
  checkNumberList('suggestLrs', 'losses', losses);
  if (losses.length !== lrs.length) throw new RangeError(`suggestLrs: losses must hold one loss per rate (${lrs.length}), got ${losses.length}`);
  checkPositiveInteger('suggestLrs', 'steps', steps);
  const from = Math.floor(steps / 10);
  const to = lrs.length - 5;
  if (to - from < 2) return null;
  const keptLrs = lrs.slice(from, to);
  const keptLosses = losses.slice(from, to);
  return {
    valley: item(keptLrs, valleyIndex(keptLosses)),
    steepest: item(keptLrs, steepestIndex(keptLrs, keptLosses)),
    minimumDiv10: item(keptLrs, minimumIndex(keptLosses)) / 10,
  };
}
