import { rng, rngFromState, type Module, type Rng, type StateDict } from '@etagrad/nn';
import { reduceOnPlateauFromState, type Plateau } from '@etagrad/sched';
import { type Checkpoint, checkpointFormat, checkpointVersion } from './checkpoint-format.js';
import { loadCheckpoint } from './checkpoint-file.js';
import { type EarlyStoppingState, initialEarlyStoppingState } from './early-stopping.js';
import type { FitPlan } from './fit-options.js';
import { emptyHistory, type History } from './history.js';
import { restoreCheckpoint } from './restore-checkpoint.js';

/** Everything of a run that lives between epochs; a checkpoint is this, frozen. */
export interface RunState {
  completedEpochs: number;
  readonly history: History;
  /** Orders the batches; its state at an epoch end is saved. */
  readonly rng: Rng;
  readonly plateau: Plateau | null;
  early: EarlyStoppingState | null;
  /** The best epoch's parameters, kept for `restoreBest`. */
  bestModel: StateDict | null;
}

/** A new run: epoch 0, fit's generator seeded from `seed`. */
export function freshRun(plan: FitPlan): RunState {
  return {
    completedEpochs: 0,
    history: emptyHistory(),
    rng: rng(plan.seed),
    plateau: plan.plateau,
    early: plan.earlyStopping === null ? null : initialEarlyStoppingState,
    bestModel: null,
  };
}

/**
 * The run saved at `plan.resumeFrom`, restored into `model` and `plan.optimizer`. Everything is
 * read and checked first (the file, that it belongs to this run, the generator and plateau
 * states); only then are the model and optimizer loaded, all or nothing. A refusal is an `Error`
 * that names the checkpoint and what does not match.
 */
export function resumeRun(model: Module, plan: FitPlan, path: string): RunState {
  const checkpoint = loadCheckpoint(path);
  const source = `fit: checkpoint ${path}`;
  const mismatch = (what: string, saved: unknown, given: unknown) =>
    new Error(`${source} was saved with ${what} ${String(saved)}, but this run has ${String(given)}`);
  const { run } = checkpoint;
  if (run.samples !== plan.data.x.length) throw mismatch('training samples', run.samples, plan.data.x.length);
  if (run.batchSize !== plan.batchSize) throw mismatch('batchSize', run.batchSize, plan.batchSize);
  if (run.shuffle !== plan.shuffle) throw mismatch('shuffle', run.shuffle, plan.shuffle);
  if ((checkpoint.plateau === null) !== (plan.plateau === null)) {
    throw mismatch('reduceOnPlateau', checkpoint.plateau === null ? 'off' : 'on', plan.plateau === null ? 'off' : 'on');
  }
  if ((checkpoint.earlyStopping === null) !== (plan.earlyStopping === null)) {
    throw mismatch('earlyStopping', checkpoint.earlyStopping === null ? 'off' : 'on', plan.earlyStopping === null ? 'off' : 'on');
  }
  if (checkpoint.completedEpochs > plan.epochs) {
    throw new RangeError(
      `fit: epochs must be >= the epochs already completed in checkpoint ${path} (${checkpoint.completedEpochs}), got ${plan.epochs}`,
    );
  }
  const restored = {
    rng: wrap(source, 'generator state', () => rngFromState(checkpoint.rng)),
    plateau: checkpoint.plateau === null ? null : wrap(source, 'reduceOnPlateau state', () => reduceOnPlateauFromState(checkpoint.plateau)),
  };
  restoreCheckpoint(checkpoint, { model, optimizer: plan.optimizer }, source);
  const lastEpoch = checkpoint.history.epochs.at(-1);
  if (lastEpoch !== undefined) plan.optimizer.lrScale = lastEpoch.lrScale;
  // A run that stopped early and is resumed goes on: the stop no longer holds.
  const history: History = { ...checkpoint.history, stopped: null };
  return {
    completedEpochs: checkpoint.completedEpochs,
    history,
    rng: restored.rng,
    plateau: restored.plateau,
    early: checkpoint.earlyStopping?.state ?? null,
    bestModel: (checkpoint.earlyStopping?.bestModel as StateDict | null | undefined) ?? null,
  };
}

function wrap<T>(source: string, part: string, make: () => T): T {
  try {
    return make();
  } catch (error) {
    throw new Error(`${source} has an invalid ${part}: ${(error as Error).message}`);
  }
}

/** The run frozen as a checkpoint (plain JSON). */
export function captureRun(model: Module, plan: FitPlan, state: RunState): Checkpoint {
  return {
    format: checkpointFormat,
    version: checkpointVersion,
    completedEpochs: state.completedEpochs,
    model: model.stateDict(),
    optimizer: { name: plan.optimizer.name, state: plan.optimizer.stateDict() },
    rng: state.rng.state(),
    history: state.history,
    plateau: state.plateau === null ? null : state.plateau.state(),
    earlyStopping: state.early === null ? null : { state: state.early, bestModel: state.bestModel },
    run: { samples: plan.data.x.length, batchSize: plan.batchSize, shuffle: plan.shuffle },
  };
}
