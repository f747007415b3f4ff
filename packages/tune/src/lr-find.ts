import { checkFunction, checkKeys, checkNumber, checkObject, checkPositive, show } from '@etagrad/check';
import type { Dataset, Loss, Module } from '@etagrad/nn';
import type { Optimizer } from '@etagrad/optim';
import { exponential } from '@etagrad/sched';
import { fit, StopReason } from '@etagrad/train';
import { suggestLrs, type LrSuggestions } from './lr-suggestions.js';

/** What `lrFind` trains: a fresh model, its data and loss, and an optimizer built on that model. */
export interface LrTrial {
  readonly model: Module;
  readonly data: Dataset;
  readonly loss: Loss;
  /** Built on `model`'s parameters, with any lr: the test replaces it. Must not have stepped yet. */
  readonly optimizer: Optimizer;
  /** Samples per update, as in `fit` (default 32). */
  readonly batchSize?: number;
  /** Visit the samples in a new random order each pass, as in `fit` (default true). */
  readonly shuffle?: boolean;
}

/** Options of {@link lrFind}. */
export interface LrFindOptions {
  /** The rate of the first update (default 1e-7, fastai's). */
  readonly start?: number;
  /** The rate the test grows towards (default 10, fastai's). */
  readonly end?: number;
  /** Mini-batch updates planned (default 100, fastai's `num_it`); the data is cycled through as needed. */
  readonly steps?: number;
  /** The loss' exponential smoothing factor, in [0, 1) (default 0.98, fastai's `beta`); 0 records raw losses. */
  readonly smoothing?: number;
  /** Stop once the smoothed loss exceeds this many times the best so far (default 4, fastai's). */
  readonly divergeFactor?: number;
  /** Seed of the batch order, as `fit`'s `seed`. */
  readonly seed?: number;
}

/** What a range test found. */
export interface LrFindResult {
  /** The rate of each update made, increasing. */
  readonly lrs: number[];
  /** The smoothed, bias-corrected loss of each update (fastai's `AvgSmoothLoss`). */
  readonly losses: number[];
  /** fastai's suggestions; `null` when the test diverged too soon to leave 2 points after trimming. */
  readonly suggestions: LrSuggestions | null;
  /** The update at which the test stopped as diverged (non-finite loss, or above `divergeFactor` x best); `null` if it ran all steps. */
  readonly divergedAt: number | null;
  /** The planned number of updates. */
  readonly steps: number;
}

const owner = 'lrFind';

/**
 * Leslie Smith's learning-rate range test, as fastai's `lr_find`: trains a fresh trial from
 * `makeTrial()` with `fit` while the rate grows exponentially, update k (from 0) using
 *
 *     lr(k) = start * (end / start)^(k / steps)      (fastai's SchedExp at pos = k / steps)
 *
 * and records after each update the smoothed, bias-corrected loss (fastai's `AvgSmoothLoss`):
 *
 *     avg(k) = smoothing * avg(k - 1) + (1 - smoothing) * loss(k),  avg(-1) = 0
 *     smoothed(k) = avg(k) / (1 - smoothing^(k + 1))
 *
 * It stops after `steps` updates, or early once the smoothed loss exceeds `divergeFactor` times
 * the best so far (that point is kept, as fastai does) or the loss is not finite (that point is
 * not). That rule needs a loss >= 0: a negative one is refused with a `RangeError`. The
 * suggestions are fastai's `valley`, `steep` and `minimum` (see {@link LrSuggestions}): use
 * `valley` first. Browser-safe: it only trains and returns numbers.
 *
 * @param makeTrial Returns a fresh `{ model, data, loss, optimizer, batchSize }`; called once.
 * @param options `start`, `end`, `steps`, `smoothing`, `divergeFactor`, `seed`.
 * @example
 * const found = lrFind(() => {
 *   const model = new MLP(2, [16, 16, 1], { rng: rng(1) });
 *   return { model, data: moons({ n: 200 }), loss: bceWithLogits, optimizer: new Adam(model.parameters(), { lr: 1 }), batchSize: 16 };
 * });
 * found.suggestions?.valley; // 0.0158
 */
export function lrFind(makeTrial: () => LrTrial, options: LrFindOptions = {}): LrFindResult {
  checkFunction(owner, 'makeTrial', makeTrial);
  const plan = planLrFind(options);
  const trial = checkTrial(makeTrial());
  const { optimizer } = trial;
  const rate = (plan.end / plan.start) ** (1 / plan.steps);
  optimizer.lr.forEach((_, group) => optimizer.setLr(group, exponential({ initial: plan.start, rate })));

  const lrs: number[] = [];
  const losses: number[] = [];
  let average = 0;
  let best = Infinity;
  let divergedAt: number | null = null;
  const updatesPerPass = Math.ceil(trial.data.x.length / (trial.batchSize ?? 32));
  const history = fit(trial.model, {
    data: trial.data,
    loss: trial.loss,
    optimizer,
    epochs: Math.ceil(plan.steps / updatesPerPass),
    ...(trial.batchSize === undefined ? {} : { batchSize: trial.batchSize }),
    ...(trial.shuffle === undefined ? {} : { shuffle: trial.shuffle }),
    ...(plan.seed === undefined ? {} : { seed: plan.seed }),
    progress: false,
    callbacks: {
      onStepEnd: ({ step, loss, lr }) => {
        // fastai's rule assumes a loss >= 0: with a negative best, 4 x best lies below every
        // loss, so a falling negative loss would read as diverged at the first update.
        if (loss < 0) throw new RangeError(`${owner}: the loss must be >= 0 (divergence is read as divergeFactor times the lowest loss), got ${loss} at update ${step}`);
        average = plan.smoothing * average + (1 - plan.smoothing) * loss;
        const smoothed = average / (1 - plan.smoothing ** (step + 1));
        lrs.push(lr);
        losses.push(smoothed);
        best = Math.min(best, smoothed);
        if (smoothed > plan.divergeFactor * best) {
          divergedAt = step;
          return 'stop';
        }
        return step + 1 >= plan.steps ? 'stop' : undefined;
      },
    },
  });
  if (history.stopped?.reason === StopReason.Diverged) divergedAt = history.stopped.step;
  return { lrs, losses, suggestions: suggestLrs(lrs, losses, plan.steps), divergedAt, steps: plan.steps };
}

interface LrFindPlan {
  readonly start: number;
  readonly end: number;
  readonly steps: number;
  readonly smoothing: number;
  readonly divergeFactor: number;
  readonly seed: number | undefined;
}

function planLrFind(options: LrFindOptions): LrFindPlan {
  checkKeys(owner, 'options', options, ['start', 'end', 'steps', 'smoothing', 'divergeFactor', 'seed']);
  const start = checkPositive(owner, 'start', options.start ?? 1e-7);
  const end = checkNumber(owner, 'end', options.end ?? 10, `a finite number > start (${start})`, (n) => Number.isFinite(n) && n > start);
  const steps = checkNumber(owner, 'steps', options.steps ?? 100, 'an integer >= 2', (n) => Number.isSafeInteger(n) && n >= 2);
  const smoothing = checkNumber(owner, 'smoothing', options.smoothing ?? 0.98, 'in [0, 1)', (n) => n >= 0 && n < 1);
  const divergeFactor = checkNumber(owner, 'divergeFactor', options.divergeFactor ?? 4, 'a finite number > 1', (n) => Number.isFinite(n) && n > 1);
  const seed = options.seed === undefined ? undefined : checkNumber(owner, 'seed', options.seed, 'a safe integer', Number.isSafeInteger);
  return { start, end, steps, smoothing, divergeFactor, seed };
}

function checkTrial(trial: unknown): LrTrial {
  const record = checkObject(owner, 'makeTrial()', trial);
  const optimizer = record['optimizer'] as Partial<Optimizer> | undefined;
  if (typeof optimizer !== 'object' || optimizer === null || typeof optimizer.setLr !== 'function' || !Array.isArray(optimizer.lr)) {
    throw new TypeError(`${owner}: makeTrial().optimizer must be an optimizer from @etagrad/optim, got ${show(optimizer)}`);
  }
  if (optimizer.stepCount !== 0) {
    throw new RangeError(`${owner}: makeTrial().optimizer must be fresh (stepCount 0), got stepCount ${show(optimizer.stepCount)}`);
  }
  return trial as LrTrial;
}
