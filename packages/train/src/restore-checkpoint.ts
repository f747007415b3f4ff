import type { Module, StateDict } from '@etagrad/nn';
import { loadStateDict, type Optimizer, OptimizerBase } from '@etagrad/optim';
import { checkKeys, checkObject, checkString, isRecord, show } from './check.js';
import type { Checkpoint } from './checkpoint-format.js';
import { checkCheckpoint } from './checkpoint-parse.js';
import { checkModel } from './evaluate.js';

/** What {@link restoreCheckpoint} loads into. */
export interface RestoreTargets {
  readonly model: Module;
  /** Also restore the optimizer (its moments, step count, schedule), one made by @etagrad/optim; omit to take only the weights. */
  readonly optimizer?: Optimizer;
}

/**
 * Loads a checkpoint's parameters into `model` and, if given, its state into `optimizer`, all or
 * nothing: when the model or the optimizer refuses its part (other layer sizes, another
 * optimizer), whatever was already loaded is put back and an `Error` says which part did not fit.
 * `source` names the checkpoint in the message.
 *
 * @param checkpoint - the checkpoint to load from
 * @param targets - the `model` to load into and, optionally, the `optimizer`
 * @param source - how the message names the checkpoint (default `'checkpoint'`)
 * @example
 * // fine-tune from a trained model, with a new optimizer
 * restoreCheckpoint(loadCheckpoint('moons.json'), { model });
 */
export function restoreCheckpoint(checkpoint: Checkpoint, targets: RestoreTargets, source = 'checkpoint'): void {
  const owner = 'restoreCheckpoint';
  checkString(owner, 'source', source);
  if (!isRecord(checkpoint)) throw new TypeError(`${owner}: checkpoint must be a checkpoint object, got ${show(checkpoint)}`);
  checkCheckpoint(checkpoint, source);
  checkKeys(owner, 'targets', checkObject(owner, 'targets', targets), ['model', 'optimizer']);
  checkModel(owner, targets.model);
  const { model, optimizer } = targets;
  // optim's loadStateDict restores its own optimizers (an Optimizer of one's own has no state it can read).
  if (optimizer !== undefined && !(optimizer instanceof OptimizerBase)) {
    throw new TypeError(`${owner}: targets.optimizer must be an optimizer from @etagrad/optim, got ${show(optimizer)}`);
  }
  if (optimizer !== undefined && checkpoint.optimizer.name !== optimizer.name) {
    throw new Error(`${source} was written by ${checkpoint.optimizer.name}; the optimizer given is ${optimizer.name}`);
  }
  const modelBefore = model.stateDict();
  try {
    // The parts owned by nn and optim are validated by them; these casts are their checks' input.
    model.loadStateDict(checkpoint.model as StateDict);
  } catch (error) {
    model.loadStateDict(modelBefore);
    throw new Error(`${source} does not fit this model: ${(error as Error).message}`);
  }
  if (optimizer === undefined) return;
  try {
    loadStateDict(optimizer, checkpoint.optimizer.state);
  } catch (error) {
    model.loadStateDict(modelBefore); // the optimizer changed nothing on refusal; undo the model
    throw new Error(`${source} does not fit this optimizer: ${(error as Error).message}`);
  }
}
