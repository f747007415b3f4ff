/**
 * The one-line verdict on a training run, worked out from what the run did (its loss per step,
 * whether it diverged, where it ended), never from which learning rate it was given.
 */

/** The regimes of the learning rate that the article describes, plus the honest "in between". */
export const Regime = {
  TooLow: 'too low',
  WellChosen: 'well chosen',
  TooHigh: 'too high',
  InBetween: 'in between',
} as const;
/** One of the {@link Regime} values. */
export type Regime = (typeof Regime)[keyof typeof Regime];

/** What a verdict reads from a run. */
export interface RunOutcome {
  /** The training loss at each update, in order (non-finite values allowed: a diverged step). */
  readonly losses: readonly number[];
  /** The update at which the loss became non-finite and training stopped (fit's guard), or `null`. */
  readonly nonFiniteAt: number | null;
  /** Training loss of the trained model, measured after training (its last finite state if it diverged). */
  readonly finalLoss: number;
  /** Accuracy of the trained model in [0, 1] (the demo measures it on held-out points). */
  readonly accuracy: number;
}

/** The regime and a short sentence with the numbers that justify it. */
export interface Verdict {
  readonly regime: Regime;
  readonly detail: string;
}

/** Thresholds of {@link judge}, relative to the loss before the first update. */
export const Thresholds = {
  /** Diverged: the loss became non-finite or blew up past 10x its start. */
  diverged: 10,
  /** Overshooting: somewhere after the first update the loss exceeded 1.5x its start. */
  climb: 1.5,
  /** Learned well: at most 20% of the starting loss left, and at least 95% accuracy. */
  wellLoss: 0.2,
  wellAccuracy: 0.95,
  /** Too slow: at least half of the starting loss still there. */
  slowLoss: 0.5,
} as const;

/**
 * Judges a run, first rule that applies (thresholds in {@link Thresholds}, relative to the loss
 * before the first update):
 * 1. the loss became non-finite, or exceeded 10x its start: too high, "diverged at step 5 (loss
 *    50, from 1.1); ends at loss 0.69, 46% accuracy";
 * 2. the loss climbed above 1.5x its start: too high, "overshooting: the loss climbed to 2.8 (from 1.1)";
 * 3. at least 95% accuracy with at most 20% of the starting loss left: well chosen;
 * 4. at least half the starting loss left: too low, "still at loss 0.61 after 100 steps";
 * 5. otherwise: in between (learning, but neither clearly too slow nor done).
 *
 * @param run - the run's losses, first non-finite step, final loss and accuracy
 * @example
 * judge({ losses: [1.1, 0.8, 0.7], nonFiniteAt: null, finalLoss: 0.65, accuracy: 0.7 });
 * // { regime: 'too low', detail: 'still at loss 0.65 after 3 steps (from 1.1), 70% accuracy' }
 */
export function judge(run: RunOutcome): Verdict {
  const steps = run.losses.length;
  const start = run.losses[0] ?? Number.NaN;
  const accuracy = formatPercent(run.accuracy);
  const loss = formatLoss(run.finalLoss);
  const ending = `ends at loss ${loss}, ${accuracy} accuracy`;
  const blowUp = blowUpStep(run.losses);
  if (run.nonFiniteAt !== null && (blowUp === -1 || run.nonFiniteAt <= blowUp)) {
    return {
      regime: Regime.TooHigh,
      detail: `diverged at step ${run.nonFiniteAt} (the loss became non-finite); ${ending}`,
    };
  }
  if (blowUp !== -1) {
    const at = run.losses[blowUp] ?? Number.NaN;
    return {
      regime: Regime.TooHigh,
      detail: `diverged at step ${blowUp} (loss ${formatLoss(at)}, from ${formatLoss(start)}); ${ending}`,
    };
  }
  const peak = Math.max(...run.losses.slice(1));
  if (peak > Thresholds.climb * start) {
    return {
      regime: Regime.TooHigh,
      detail: `overshooting: the loss climbed to ${formatLoss(peak)} (from ${formatLoss(start)}); ${ending}`,
    };
  }
  if (run.accuracy >= Thresholds.wellAccuracy && run.finalLoss <= Thresholds.wellLoss * start) {
    return { regime: Regime.WellChosen, detail: `${accuracy} accuracy, loss ${loss} after ${steps} steps` };
  }
  if (run.finalLoss >= Thresholds.slowLoss * start) {
    return {
      regime: Regime.TooLow,
      detail: `still at loss ${loss} after ${steps} steps (from ${formatLoss(start)}), ${accuracy} accuracy`,
    };
  }
  return { regime: Regime.InBetween, detail: `loss ${loss}, ${accuracy} accuracy after ${steps} steps` };
}

/**
 * The first step whose loss is non-finite or above 10x the first loss ({@link Thresholds}'s
 * `diverged`), or -1: where a run diverged, also when its ReLUs died before any NaN appeared.
 *
 * @param losses - the loss after each step, in order
 */
export function blowUpStep(losses: readonly number[]): number {
  const limit = Thresholds.diverged * (losses[0] ?? Number.NaN);
  return losses.findIndex((loss) => !(loss <= limit));
}

/** A loss for people: two significant digits, scientific when tiny or huge. */
export function formatLoss(loss: number): string {
  if (!Number.isFinite(loss)) return String(loss);
  const magnitude = Math.abs(loss);
  if (magnitude !== 0 && (magnitude < 0.001 || magnitude >= 1e5)) return loss.toExponential(1);
  return String(Number(loss.toPrecision(2)));
}

/** A fraction in [0, 1] as a whole percentage, never rounded up to 100% unless it is 1. */
export function formatPercent(fraction: number): string {
  const percent = Math.floor(fraction * 1000 + 1e-9) / 10;
  return `${Number.isInteger(percent) ? percent : percent.toFixed(1)}%`;
}
