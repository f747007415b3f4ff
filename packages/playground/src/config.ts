// The playground's whole configuration: plain JSON, what the URL encodes and what a lane is built from.
import { defaultOptions, type OptimizerName, type OptimizerOptions } from './optimizers.js';

/** The data sets the page offers; `'points'` is only the points a person added, `'micrograd'` bench's moons. */
export const dataKinds = ['moons', 'circles', 'spirals', 'xor', 'blobs', 'points', 'micrograd'] as const;
/** One of {@link dataKinds}. */
export type DataKind = (typeof dataKinds)[number];

/** A point a person added: its coordinates and class (0 or 1). */
export type Point = readonly [x: number, y: number, label: 0 | 1];

/** The hidden activations the page offers (nn's names). */
export const activationNames = ['relu', 'tanh', 'sigmoid', 'leakyRelu'] as const;
/** One of {@link activationNames}. */
export type ActivationChoice = (typeof activationNames)[number];

/** The losses the page offers: hinge and MSE on labels ±1, BCE on logits and labels 0/1. */
export const lossNames = ['hinge', 'bce', 'mse'] as const;
/** One of {@link lossNames}. */
export type LossChoice = (typeof lossNames)[number];

/** The version of the configuration's layout; bumped on any incompatible change (1: lanes were bare multipliers). */
export const configVersion = 2;

/**
 * One lane: its factor on its rate and, optionally, its own optimizer (with options), schedule or
 * batch size in place of the shared ones, and the schedules applied to it mid-run.
 */
export interface LaneSpec {
  readonly multiplier: number;
  readonly optimizer?: OptimizerName;
  /** The optimizer's shown options (the lane's optimizer's defaults, or the shared options, when missing). */
  readonly options?: OptimizerOptions;
  readonly schedule?: string;
  readonly batchSize?: number | 'all';
  /**
   * The lane's whole schedule after schedules were applied mid-run: a `join` of the schedule
   * before and the one applied, at the step it was applied (`Lane.setSchedule`). It replaces the
   * lane's schedule; training from the start drops it ({@link withoutApplied}).
   */
  readonly applied?: string;
}

/**
 * The configuration with the lanes' mid-run schedules dropped: what "train from the start" runs.
 *
 * @param config - the configuration
 */
export function withoutApplied(config: PlaygroundConfig): PlaygroundConfig {
  return { ...config, lanes: config.lanes.map(({ applied: _, ...spec }) => spec) };
}

/** Everything that decides a run; two equal configurations give the same numbers. */
export interface PlaygroundConfig {
  readonly version: typeof configVersion;
  /** The lesson this configuration came from, or null. */
  readonly lesson: string | null;
  readonly data: {
    readonly kind: DataKind;
    /** Points generated (ignored by `'points'` and `'micrograd'`). */
    readonly n: number;
    readonly noise: number;
    readonly seed: number;
    /** Points added by hand, after the generated ones. */
    readonly points: readonly Point[];
  };
  readonly model: {
    /** Hidden layer sizes; the output layer (one score) is added. */
    readonly hidden: readonly number[];
    readonly activation: ActivationChoice;
    /** Seed of the initial weights; `'micrograd'` takes bench/'s initial weights instead. */
    readonly init: number | 'micrograd';
  };
  readonly loss: LossChoice;
  /** Weight of the L2 penalty Σp² added to the loss (0: none). */
  readonly l2: number;
  readonly optimizer: OptimizerName;
  readonly options: OptimizerOptions;
  /** Samples per update: `'all'` is batch gradient descent, 1 stochastic, between mini-batch. */
  readonly batchSize: number | 'all';
  /** Seed of the batch order (fit's `seed`). */
  readonly seed: number;
  /** The base learning rate as a sched expression; each lane scales it by its multiplier. */
  readonly schedule: string;
  /** The lanes (1 to 3): each a multiplier of its rate, with its own overrides of the fields above. */
  readonly lanes: readonly LaneSpec[];
  /** Updates each lane runs. */
  readonly steps: number;
}

/**
 * Lanes with no overrides, at `multipliers` of the shared rate.
 *
 * @param multipliers - one factor per lane
 * @example
 * plainLanes(0.1, 1); // [{ multiplier: 0.1 }, { multiplier: 1 }]
 */
export const plainLanes = (...multipliers: number[]): LaneSpec[] => multipliers.map((multiplier) => ({ multiplier }));

/** The default view: moons, three lanes at ×0.1, ×1 and ×10 of the base rate. */
export const defaultConfig: PlaygroundConfig = {
  version: configVersion,
  lesson: null,
  data: { kind: 'moons', n: 100, noise: 0.1, seed: 1, points: [] },
  model: { hidden: [16, 16], activation: 'relu', init: 2 },
  loss: 'hinge',
  l2: 1e-4,
  optimizer: 'SGD',
  options: { momentum: 0, nesterov: false, weightDecay: 0 },
  batchSize: 'all',
  seed: 1,
  schedule: 'constant(0.5)',
  lanes: plainLanes(0.1, 1, 10),
  steps: 1000,
};

/** The batch size as a number of samples for a data set of `samples` points. */
export const batchSizeFor = (config: PlaygroundConfig, samples: number): number =>
  config.batchSize === 'all' ? samples : Math.min(config.batchSize, samples);

/** Mini-batches are drawn in a new order each epoch; a full batch keeps the data's order. */
export const shuffles = (config: PlaygroundConfig, samples: number): boolean => batchSizeFor(config, samples) < samples;

/**
 * The configuration lane `spec` trains on: the shared one with the lane's overrides in place
 * (options: the lane's, else its own optimizer's defaults, else the shared options).
 *
 * @param config - the shared configuration
 * @param spec - the lane
 * @example
 * laneConfig(defaultConfig, { multiplier: 1, optimizer: 'Adam' }).options; // { beta1: 0.9, beta2: 0.999, weightDecay: 0 }
 */
export function laneConfig(config: PlaygroundConfig, spec: LaneSpec): PlaygroundConfig {
  const optimizer = spec.optimizer ?? config.optimizer;
  const options = spec.options ?? (spec.optimizer === undefined ? config.options : defaultOptions(optimizer));
  return { ...config, optimizer, options, schedule: spec.applied ?? spec.schedule ?? config.schedule, batchSize: spec.batchSize ?? config.batchSize };
}

/**
 * The lane's header: its multiplier and what it overrides, e.g. `×1 · Adam · batch 1`.
 *
 * @param spec - the lane
 */
export function laneLabel(spec: LaneSpec): string {
  const parts = [`×${spec.multiplier}`];
  if (spec.optimizer !== undefined) parts.push(spec.optimizer);
  if (spec.options !== undefined) parts.push(Object.entries(spec.options).map(([k, v]) => `${k} ${String(v)}`).join(', '));
  if (spec.batchSize !== undefined) parts.push(spec.batchSize === 'all' ? 'full batch' : `batch ${spec.batchSize}`);
  if (spec.schedule !== undefined) parts.push(spec.schedule);
  if (spec.applied !== undefined) parts.push(`mid-run: ${spec.applied}`);
  return parts.join(' · ');
}
