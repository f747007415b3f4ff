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
export type Regime = (typeof Regime)[keyof typeof Regime];

/** What a verdict reads from a run. */
export interface RunOutcome {
  /** The training loss at each update, in order (non-finite values allowed: a diverged step). */
  readonly losses: readonly number[];
  /** The update at which the loss became non-finite and training stopped, or `null`. */
  readonly divergedAt: number | null;
  /** Loss of the trained model, measured after training (the last finite model if it diverged). */
  readonly finalLoss: number;
  /** Accuracy of the trained model in [0, 1]. */
  readonly accuracy: number;
}

/** The regime and a short sentence with the numbers that justify it. */
export interface Verdict {
  readonly regime: Regime;
  readonly detail: string;
}

/** Thresholds of {@link judge}, relative to the loss before the first update. */
export const Thresholds = {
  /** Diverging without a NaN: somewhere after the first update the loss exceeded 1.5x its start. */
  climb: 1.5,
  /** Learned well: at most 20% of the starting loss left, and at least 95% accuracy. */
  wellLoss: 0.2,
  wellAccuracy: 0.95,
  /** Too slow: at least half of the starting loss still there. */
  slowLoss: 0.5,
} as const;

/**
 * Judges a run, first rule that applies:
 * 1. the loss became non-finite: too high, "diverged at step 12";
 * 2. the loss climbed above 1.5x its starting value: too high, "loss climbed to 4.2 (from 0.9)";
 * 3. at least 95% accuracy with at most 20% of the starting loss left: well chosen;
 * 4. at least half the starting loss left: too low, "still at loss 0.61 after 100 steps";
 * 5. otherwise: in between (learning, but neither clearly too slow nor done).
 */
export function judge(run: RunOutcome): Verdict {
  const steps = run.losses.length;
  const start = run.losses[0] ?? Number.NaN;
  if (run.divergedAt !== null) {
    return { regime: Regime.TooHigh, detail: `diverged at step ${run.divergedAt} (the loss became non-finite)` };
  }
  const peak = Math.max(...run.losses.slice(1).filter(Number.isFinite));
  if (peak > Thresholds.climb * start) {
    return {
      regime: Regime.TooHigh,
      detail: `the loss climbed to ${formatLoss(peak)} (from ${formatLoss(start)}): overshooting`,
    };
  }
  const accuracy = formatPercent(run.accuracy);
  const loss = formatLoss(run.finalLoss);
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
