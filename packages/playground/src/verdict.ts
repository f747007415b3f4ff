// The live verdict on a lane, worked out from what it did so far (never from its rate).

/**
 * What `lanes()` reports: exactly one of these, whatever longer text the page shows. `'stopped'`
 * is the page's, never {@link judgeLane}'s: the run ended with an error before the lane finished.
 */
export type VerdictName = 'running' | 'too low' | 'well chosen' | 'diverged' | 'stopped';

/** Thresholds of {@link judgeLane}, relative to the loss of the first update. */
export const verdictRules = {
  /** Diverged: the loss became non-finite or exceeded 10x its start (the CLI's rule too). */
  diverged: 10,
  /** Updates before a lane is judged at all. */
  settle: 100,
  /** Losses averaged for "where it is now" and "where it started": at least 10 updates. */
  window: 10,
  /** Well chosen: at most 20% of the starting loss left and at least 95% accuracy. */
  wellLoss: 0.2,
  wellAccuracy: 0.95,
  /** Too low: at least half of the starting loss still there. */
  slowLoss: 0.5,
} as const;

/** What a verdict reads. */
export interface LaneOutcome {
  /** Loss of every update so far (all finite). */
  readonly losses: readonly number[];
  /** The update that diverged and its rate, or null. */
  readonly diverged: { readonly step: number; readonly lr: number } | null;
  /** Updates per epoch (at most 100): with mini-batches, the losses averaged for the start and now. */
  readonly window: number;
  /** Accuracy on the training set now, in [0, 1]. */
  readonly accuracy: number;
  /** The rate of the last update. */
  readonly lr: number;
  /** Whether the lane ran all its updates. */
  readonly finished: boolean;
}

/** The verdict and a sentence with the numbers behind it. */
export interface Verdict {
  readonly verdict: VerdictName;
  readonly text: string;
}

const fmt = (x: number): string => (Math.abs(x) >= 1e-3 && Math.abs(x) < 1e4 ? String(Number(x.toPrecision(3))) : x.toExponential(2));
const pct = (x: number): string => `${Math.round(x * 100)}%`;

/**
 * Judges a lane, first rule that applies (thresholds in {@link verdictRules}):
 * 1. it diverged: "diverged at step 37 (lr 10)";
 * 2. fewer than 100 updates (or two epochs): running;
 * 3. at least 95% accuracy and at most 20% of its start left: well chosen (the start: the first
 *    loss, or the first epoch's mean with mini-batches; now: the mean of the last 10 updates or
 *    the last epoch's);
 * 4. no lower than its first loss: running, and once finished diverged (it overshot without
 *    blowing up);
 * 5. at least half of its first loss left: too low;
 * 6. otherwise running, and once finished too low (learning, not done).
 *
 * @param lane - what the lane did so far
 * @example
 * judgeLane({ losses: [1, 0.9], diverged: { step: 2, lr: 10 }, window: 1, accuracy: 0.5, lr: 10, finished: false });
 * // { verdict: 'diverged', text: 'diverged at step 2 (lr 10)' }
 */
export function judgeLane(lane: LaneOutcome): Verdict {
  const { losses, diverged, accuracy, lr } = lane;
  if (diverged !== null) return { verdict: 'diverged', text: `diverged at step ${diverged.step} (lr ${fmt(diverged.lr)})` };
  const steps = losses.length;
  const w = Math.max(verdictRules.window, lane.window);
  if (steps === 0 || (steps < Math.max(verdictRules.settle, 2 * w) && !lane.finished)) {
    return { verdict: 'running', text: `running: step ${steps}` };
  }
  const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
  // With a full batch the start is the first loss; with mini-batches, the first epoch's mean.
  const start = mean(losses.slice(0, lane.window));
  const now = mean(losses.slice(-w));
  const where = `loss ${fmt(now)} from ${fmt(start)}, ${pct(accuracy)} accuracy after ${steps} steps (lr ${fmt(lr)})`;
  if (accuracy >= verdictRules.wellAccuracy && now <= verdictRules.wellLoss * start) {
    return { verdict: 'well chosen', text: `well chosen: ${where}` };
  }
  if (now >= start) {
    return lane.finished
      ? { verdict: 'diverged', text: `overshooting, no progress: ${where}` }
      : { verdict: 'running', text: `no progress yet: ${where}` };
  }
  if (now >= verdictRules.slowLoss * start) return { verdict: 'too low', text: `too low: ${where}` };
  if (!lane.finished) return { verdict: 'running', text: `running: ${where}` };
  return { verdict: 'too low', text: `too low, not done: ${where}` };
}
