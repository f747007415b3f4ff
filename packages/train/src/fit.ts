import type { Module } from '@etagrad/nn';
import { checkpointsInMemory, type FitOptions, type FitPlan, planFit } from './fit-options.js';
import { closeRun, finishRun, startRun } from './fit-loop.js';
import type { History } from './history.js';

/**
 * Trains `model` for `epochs` passes over `data` and returns the {@link History}: per epoch, the
 * batches come from nn's `batches` in an order drawn from fit's own seeded generator; for each
 * batch the model's outputs give the loss, `backward()` the gradients, and the optimizer one
 * update (read `optimizer.lr[0]` first: that is the rate recorded for the step). After each
 * epoch: validation (eval mode, no graph), reduce-on-plateau, callbacks, early stopping,
 * progress and the checkpoint, in that order.
 *
 * Batch size picks the flavour of gradient descent: `batchSize >= data.x.length` is batch
 * gradient descent (one update per epoch), 1 stochastic, between mini-batch.
 *
 * It does not throw when training goes wrong, it stops: a non-finite loss, gradient or parameter
 * ends the run with `history.stopped.reason === 'diverged'` and the model at its last finite
 * parameters (the bad update is not applied, or undone). Invalid options, and a checkpoint that
 * is unreadable or does not match the run, throw before anything changes.
 *
 * With `checkpoint: { save }` a checkpoint is handed to `save` at epoch ends (every `every`) and
 * when the run ends; `resumeFrom: checkpoint` continues it, so that the final parameters are
 * bit-identical to those of a run that never stopped, on the same JavaScript engine (for models
 * whose forward pass draws no random numbers of their own: a dropout layer's generator is not part
 * of the checkpoint). Checkpoint files are `@etagrad/train/node`'s `fit`.
 *
 * Synchronous: it holds the thread until the run ends. {@link fitAsync} is the same loop, giving
 * the event loop a turn between updates and stopping on an `AbortSignal`.
 *
 * @param model - the Module to train, in place
 * @param options - see {@link FitOptions}
 * @example
 * const data = moons({ n: 200, noise: 0.1 });
 * const model = new MLP(2, [16, 16, 1]);
 * const history = fit(model, {
 *   data, loss: bceWithLogits, metrics: { accuracy: binaryAccuracy },
 *   optimizer: new Adam(model.parameters(), { lr: 0.01 }), epochs: 50, batchSize: 16,
 * });
 * history.epochs.at(-1)?.metrics.accuracy; // ~1
 */
export function fit(model: Module, options: FitOptions): History {
  return fitPlanned(model, planFit(model, options, 'fit', checkpointsInMemory));
}

/** `fit` after its options were checked (also `@etagrad/train/node`'s, with files). */
export function fitPlanned(model: Module, plan: FitPlan): History {
  const run = startRun(model, plan);
  try {
    for (;;) if (run.steps.next().done === true) break;
    finishRun(run);
  } finally {
    closeRun(run);
  }
  return run.state.history;
}
