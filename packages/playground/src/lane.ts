// One training run of the playground, one update at a time, exactly as train's `fit` runs it:
// batches from nn's `batches` with fit's seeded generator, forward, loss, zeroGrad, backward,
// optimizer step, a non-finite loss, gradient or parameter ending the run with the bad update
// not applied. Browser-safe: the worker runs it, Node tests run the same code.
import { compile, type Program, type Value } from '@etagrad/autograd';
import { batches, MLP, rng, type Dataset, type Loss, type Rng, type StateDict } from '@etagrad/nn';
import { type Optimizer, stateDict } from '@etagrad/optim';
import { format, join, parse, scale, type Schedule } from '@etagrad/sched';
import { checkpointVersion, type Checkpoint, type EpochRecord, type StepRecord } from '@etagrad/train';
import { batchSizeFor, shuffles, type PlaygroundConfig } from './config.js';
import { makeDataset } from './data.js';
import type { LaneRecipe } from './export-ts.js';
import { penalizedLoss } from './loss.js';
import { microgradStateDict, type MicrogradDemo } from './micrograd-demo.js';
import { makeOptimizer } from './optimizers.js';
import { verdictRules } from './verdict.js';

/** The lane's schedule: the base expression scaled by the lane's multiplier (unscaled at 1). */
export function laneSchedule(text: string, multiplier: number): Schedule {
  const base = parse(text);
  return multiplier === 1 ? base : scale(base, multiplier);
}

/** The model a configuration describes, with its initial weights. */
export function makeModel(config: PlaygroundConfig, demo: MicrogradDemo | null): MLP {
  const { hidden, activation, init } = config.model;
  const model = new MLP(2, [...hidden, 1], { activation, seed: init === 'micrograd' ? 0 : init });
  if (init === 'micrograd') {
    if (demo === null) throw new Error('playground: the micrograd weights are needed, got none');
    model.loadStateDict(microgradStateDict(demo));
  }
  return model;
}

/** Where a lane stopped early. */
export interface LaneStop {
  readonly step: number;
  readonly lr: number;
  readonly what: string;
}

/** A training run stepped by hand. */
export class Lane {
  readonly config: PlaygroundConfig;
  readonly multiplier: number;
  readonly data: Dataset;
  readonly model: MLP;
  /** The weights before the first update. */
  readonly initial: StateDict;
  readonly optimizer: Optimizer;
  readonly loss: Loss;
  readonly batchSize: number;
  readonly shuffle: boolean;
  /** Updates per epoch, at most 100: how many losses are averaged to judge the lane. */
  readonly window: number;
  /** Loss of each update, in order. */
  readonly losses: number[] = [];
  /** Rate of each update, in order. */
  readonly lrs: number[] = [];
  /** The lane's schedule as a sched expression (before its multiplier), mid-run changes joined in. */
  schedule: string;
  /** Set when the run diverged (the bad update was not applied). */
  stopped: LaneStop | null = null;
  readonly #parameters: Value[];
  /**
   * The full batch's forward and backward, traced once and replayed on typed arrays (autograd's
   * `compile`: the same numbers, bit for bit); null with mini-batches, whose targets are
   * constants of the loss's graph, so each batch's graph differs.
   */
  readonly #program: Program | null;
  readonly #inputs: number[];
  readonly #rng: Rng;
  readonly #steps: StepRecord[] = [];
  readonly #epochs: EpochRecord[] = [];
  #batches: Iterator<Dataset> | null = null;
  /** The current epoch: the generator's state at its start, batches done, Σ loss × batch size, last rate. */
  #epoch = { rngAtStart: null as unknown, batches: 0, loss: 0, lr: 0 };

  /**
   * @param config - the configuration (data, model, loss, optimizer, batch size, schedule)
   * @param multiplier - this lane's factor on the configured rate
   * @param demo - bench/'s micrograd numbers, for the micrograd data and weights
   */
  constructor(config: PlaygroundConfig, multiplier: number, demo: MicrogradDemo | null = null) {
    this.config = config;
    this.multiplier = multiplier;
    this.data = makeDataset(config, demo);
    if (this.data.x.length === 0) throw new RangeError('playground: data must have at least one point, got 0');
    this.model = makeModel(config, demo);
    this.initial = this.model.stateDict();
    this.#parameters = this.model.parameters();
    this.schedule = config.schedule;
    this.optimizer = makeOptimizer(config.optimizer, this.#parameters, config.options, laneSchedule(config.schedule, multiplier));
    this.loss = penalizedLoss(config.loss, config.l2, this.#parameters);
    this.batchSize = batchSizeFor(config, this.data.x.length);
    this.shuffle = shuffles(config, this.data.x.length);
    this.window = Math.min(100, Math.ceil(this.data.x.length / this.batchSize));
    this.#inputs = this.data.x.flat();
    this.#program = this.batchSize < this.data.x.length ? null : compile((inputs) => [this.#lossOf(this.data, inputs)], this.#inputs);
    this.#rng = rng(config.seed);
  }

  /** Completed updates. */
  get step(): number {
    return this.optimizer.stepCount;
  }

  /** The rate of the next update (its schedule at `step`). */
  get lr(): number {
    return this.optimizer.lr[0] ?? 0;
  }

  /** Whether the lane will take no more updates (all done, or diverged). */
  get done(): boolean {
    return this.stopped !== null || this.step >= this.config.steps;
  }

  /**
   * Replaces the lane's schedule from the next update on (times the lane's multiplier): the new
   * schedule starts from its own step 0 there, as sched's `join` runs it. Returns the lane's
   * whole schedule, `join([before, text], [step])` (just `text` before the first update), which
   * trains a new lane to the same numbers.
   *
   * @param text - a sched expression
   */
  setSchedule(text: string): string {
    const at = this.step;
    this.schedule = at === 0 ? format(parse(text)) : format(join([parse(this.schedule), parse(text)], [at]));
    this.optimizer.setLr(0, laneSchedule(this.schedule, this.multiplier));
    return this.schedule;
  }

  /** One update as fit makes it; returns false (and sets `stopped`) when it diverged. */
  update(): boolean {
    if (this.done) return false;
    const batch = this.#nextBatch();
    const step = this.step;
    const lr = this.lr;
    this.model.zeroGrad();
    this.optimizer.zeroGrad();
    const loss = this.#forwardBackward(batch);
    if (!Number.isFinite(loss)) return this.#diverge('loss', step, lr);
    if (this.#blewUp(loss)) return this.#diverge('loss (past 10x its start)', step, lr);
    if (!this.#parameters.every((p) => Number.isFinite(p.grad))) return this.#diverge('gradient', step, lr);
    const before = this.#parameters.map((p) => p.data);
    this.optimizer.step();
    if (!this.#parameters.every((p) => Number.isFinite(p.data))) {
      this.#parameters.forEach((p, i) => (p.data = before[i] ?? p.data));
      return this.#diverge('parameters', step, lr);
    }
    this.losses.push(loss);
    this.lrs.push(lr);
    this.#steps.push({ step, epoch: this.#epochs.length, loss, lr });
    this.#epoch.batches += 1;
    this.#epoch.loss += loss * batch.x.length;
    this.#epoch.lr = lr;
    if (this.#atEpochEnd()) this.#endEpoch(lr);
    return true;
  }

  /** What the TypeScript export needs: the lane's configuration with its schedule as it is now, mid-run changes joined in. */
  recipe(): LaneRecipe {
    const { multiplier, data, initial, batchSize, shuffle } = this;
    return { config: { ...this.config, schedule: this.schedule }, multiplier, data, initial, batchSize, shuffle };
  }

  /**
   * The run now as a checkpoint that train's `fit` resumes, also in the middle of an epoch (as
   * fit writes one: the epoch's sums and batches done, the generator as the epoch began).
   */
  checkpoint(): Checkpoint {
    const { rngAtStart, batches: done, loss, lr } = this.#epoch;
    const midEpoch = done > 0;
    return {
      format: 'etagrad-checkpoint',
      version: checkpointVersion,
      completedEpochs: this.#epochs.length,
      epochInProgress: midEpoch ? { batches: done, loss, metrics: {}, lr } : null,
      model: this.model.stateDict(),
      optimizer: { name: this.optimizer.name, state: stateDict(this.optimizer) },
      rng: midEpoch ? rngAtStart : this.#rng.state(),
      history: { steps: [...this.#steps], epochs: [...this.#epochs], stopped: null },
      plateau: null,
      earlyStopping: null,
      run: { samples: this.data.x.length, batchSize: this.batchSize, shuffle: this.shuffle },
    };
  }

  /** The batch's loss node, its rows given as numbers or as input leaves (2 per row). */
  #lossOf(batch: Dataset, inputs: readonly (number | Value)[] = batch.x.flat()): Value {
    const outputs = batch.x.map((_, i) => this.model.forward(inputs.slice(2 * i, 2 * i + 2)));
    return this.loss(outputs, batch.y);
  }

  /** The batch's loss, its gradients added to the parameters' (compiled with a full batch). */
  #forwardBackward(batch: Dataset): number {
    if (this.#program !== null) return this.#program.run(this.#inputs)[0] ?? Number.NaN;
    const loss = this.#lossOf(batch);
    loss.backward();
    return loss.data;
  }

  #nextBatch(): Dataset {
    if (this.#batches === null) {
      this.#epoch = { rngAtStart: this.#rng.state(), batches: 0, loss: 0, lr: 0 };
      this.#batches = batches(this.data, { batchSize: this.batchSize, shuffle: this.shuffle, rng: this.#rng });
    }
    const next = this.#batches.next();
    if (next.done === true) throw new Error('playground: an epoch ran out of batches before its end');
    return next.value;
  }

  #atEpochEnd(): boolean {
    const perEpoch = Math.ceil(this.data.x.length / this.batchSize);
    return this.#steps.length === (this.#epochs.length + 1) * perEpoch;
  }

  #endEpoch(lr: number): void {
    this.#epochs.push({
      epoch: this.#epochs.length,
      steps: this.step,
      loss: this.#epoch.loss / this.data.x.length,
      metrics: {},
      valLoss: null,
      valMetrics: null,
      lr,
      lrScale: this.optimizer.lrScale,
    });
    this.#epoch = { rngAtStart: null, batches: 0, loss: 0, lr: 0 };
    this.#batches = null;
  }

  /**
   * Whether the mean loss of the last epoch's worth of updates (at most 100), this one included,
   * exceeds 10x the mean of the first as many: one update's loss with a full batch, a smoothed
   * one with mini-batches, whose single losses swing too much to judge.
   */
  #blewUp(loss: number): boolean {
    const w = this.window;
    const { losses } = this;
    if (losses.length < w) return false;
    let first = 0;
    let last = loss;
    for (let k = 0; k < w; k++) first += losses[k] ?? 0;
    for (let k = losses.length - w + 1; k < losses.length; k++) last += losses[k] ?? 0;
    return last > verdictRules.diverged * first;
  }

  #diverge(what: string, step: number, lr: number): false {
    this.stopped = { step, lr, what };
    return false;
  }
}
