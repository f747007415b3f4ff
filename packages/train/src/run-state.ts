import { rng, rngFromState, type Module, type Rng, type StateDict } from '@etagrad/nn';
import { stateDict } from '@etagrad/optim';
import { reduceOnPlateauFromState, type Plateau } from '@etagrad/sched';
import { type Checkpoint, checkpointFormat, checkpointVersion } from './checkpoint-format.js';
import { type EarlyStoppingState, initialEarlyStoppingState } from './early-stopping.js';
import type { FitPlan } from './fit-options.js';
import { emptyHistory, type History } from './history.js';
import { restoreCheckpoint } from './restore-checkpoint.js';

/** The epoch under way: where it stands and the sums its record is made of. */
export interface EpochTotals {
  /** The generator's state when the epoch began: it draws the epoch's batch order again. */
  readonly rngAtStart: unknown;
  /** Batches trained so far. */
  batches: number;
  /** Sum of batch loss times batch size. */
  loss: number;
  /** The same sums for each metric, in the plan's order. */
  readonly metrics: number[];
  /** The rate of the last update. */
  lr: number;
}

/** Everything of a run that lives between updates; a checkpoint is this, frozen. */
export interface RunState {
  completedEpochs: number;
  /** The epoch under way; null between epochs. */
  current: EpochTotals | null;
  readonly history: History;
  /** Orders the batches. */
  readonly rng: Rng;
  readonly plateau: Plateau | null;
  early: EarlyStoppingState | null;
  /** The best epoch's parameters, kept for `restoreBest`. */
  bestModel: StateDict | null;
  /** Updates and stops since the last saved checkpoint: the run's end saves only when true. */
  unsaved: boolean;
}

/** A new run: epoch 0, fit's generator seeded from `seed`. */
export function freshRun(plan: FitPlan): RunState {
  return {
    completedEpochs: 0,
    current: null,
    history: emptyHistory(),
    rng: rng(plan.seed),
    plateau: plan.plateau,
    early: plan.earlyStopping === null ? null : initialEarlyStoppingState,
    bestModel: null,
    unsaved: true,
  };
}

/** An epoch starting now, at the generator's current state. */
export function beginEpoch(plan: FitPlan, state: RunState, lr: number): EpochTotals {
  return { rngAtStart: state.rng.state(), batches: 0, loss: 0, metrics: plan.metrics.map(() => 0), lr };
}

/**
 * The run saved in `checkpoint`, restored into `model` and `plan.optimizer`. Everything is checked
 * first (that it belongs to this run, the generator and plateau states); only then are the model
 * and optimizer loaded, all or nothing. A refusal is an `Error` that names the checkpoint
 * (`source`) and what does not match.
 */
export function resumeRun(model: Module, plan: FitPlan, checkpoint: Checkpoint, source: string): RunState {
  const where = `fit: ${source}`;
  const mismatch = (what: string, saved: unknown, given: unknown) =>
    new Error(`${where} was saved with ${what} ${String(saved)}, but this run has ${String(given)}`);
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
  const names = plan.metrics.map(([name]) => name);
  const inProgress = checkpoint.epochInProgress;
  if (inProgress !== null && Object.keys(inProgress.metrics).join() !== names.join()) {
    throw mismatch('metrics', Object.keys(inProgress.metrics).join(', ') || 'none', names.join(', ') || 'none');
  }
  if (checkpoint.completedEpochs > plan.epochs) {
    throw new RangeError(
      `fit: epochs must be >= the epochs already completed in ${source} (${checkpoint.completedEpochs}), got ${plan.epochs}`,
    );
  }
  const restored = {
    rng: wrap(where, 'generator state', () => rngFromState(checkpoint.rng)),
    plateau: checkpoint.plateau === null ? null : wrap(where, 'reduceOnPlateau state', () => reduceOnPlateauFromState(checkpoint.plateau)),
  };
  const lastEpoch = checkpoint.history.epochs.at(-1);
  const bestModel = (checkpoint.earlyStopping?.bestModel ?? null) as StateDict | null;
  if (bestModel !== null) {
    checkLoads(model, checkpoint.model as StateDict, `${where} does not fit this model`);
    checkLoads(model, bestModel, `${where} has a best model that does not fit this model`);
  }
  restoreCheckpoint(checkpoint, { model, optimizer: plan.optimizer }, where);
  if (lastEpoch !== undefined) plan.optimizer.lrScale = lastEpoch.lrScale;
  // A run that stopped early and is resumed goes on: the stop no longer holds. The lists are
  // copied: the history returned must not be the caller's checkpoint object.
  const history: History = { steps: [...checkpoint.history.steps], epochs: [...checkpoint.history.epochs], stopped: null };
  return {
    completedEpochs: checkpoint.completedEpochs,
    current:
      inProgress === null
        ? null
        : {
            rngAtStart: checkpoint.rng,
            batches: inProgress.batches,
            loss: inProgress.loss,
            metrics: names.map((name) => inProgress.metrics[name] ?? Number.NaN),
            lr: inProgress.lr,
          },
    history,
    rng: restored.rng,
    plateau: restored.plateau,
    early: checkpoint.earlyStopping?.state ?? null,
    bestModel,
    unsaved: false,
  };
}

/** Refuses `state` unless `model` takes it; the model is left as it was either way. */
function checkLoads(model: Module, state: StateDict, message: string): void {
  const before = model.stateDict();
  try {
    model.loadStateDict(state);
  } catch (error) {
    throw new Error(`${message}: ${(error as Error).message}`);
  } finally {
    model.loadStateDict(before);
  }
}

function wrap<T>(source: string, part: string, make: () => T): T {
  try {
    return make();
  } catch (error) {
    throw new Error(`${source} has an invalid ${part}: ${(error as Error).message}`);
  }
}

/** The run frozen as a checkpoint (plain JSON; the history is shared, not copied). */
export function captureRun(model: Module, plan: FitPlan, state: RunState): Checkpoint {
  const { current } = state;
  return {
    format: checkpointFormat,
    version: checkpointVersion,
    completedEpochs: state.completedEpochs,
    epochInProgress:
      current === null
        ? null
        : {
            batches: current.batches,
            loss: current.loss,
            metrics: Object.fromEntries(plan.metrics.map(([name], i) => [name, current.metrics[i] ?? 0])),
            lr: current.lr,
          },
    model: model.stateDict(),
    optimizer: { name: plan.optimizer.name, state: stateDict(plan.optimizer) },
    rng: current === null ? state.rng.state() : current.rngAtStart,
    history: state.history,
    plateau: state.plateau === null ? null : state.plateau.state(),
    earlyStopping: state.early === null ? null : { state: state.early, bestModel: state.bestModel },
    run: { samples: plan.data.x.length, batchSize: plan.batchSize, shuffle: plan.shuffle },
  };
}
