import type { Value } from '@etagrad/autograd';
import { circles, moons, spirals, xor, type Dataset } from '@etagrad/nn';
import { Adadelta, Adagrad, Adam, Adamax, AdamW, Lion, NAdam, RAdam, RMSprop, SGD, type Optimizer } from '@etagrad/optim';
import type { Schedule } from '@etagrad/sched';

// The data sets and optimizers the built-in fit objective and the CLI's commands know by name:
// one list, so a search file and `etagrad train` accept the same names.

/** A generated data set known by name, and how to make it from a seed. */
export interface FitDataset {
  /** What the data looks like, for help and headers. */
  readonly description: string;
  /** Number of classes: 2 is a binary task (one output), more a softmax over that many outputs. */
  readonly classes: number;
  /**
   * Makes the data.
   *
   * @param seed - seed of the points and their noise
   */
  make(seed: number): Dataset;
}

/** A data set the fit objective and the CLI know. */
export type FitDatasetName = 'moons' | 'circles' | 'spirals' | 'xor';

/** The data sets by name: 2-D points, small enough to train on in seconds. */
export const fitDatasets: Readonly<Record<FitDatasetName, FitDataset>> = {
  moons: {
    description: '200 points on two interleaved half circles (noise 0.1)',
    classes: 2,
    make: (seed) => moons({ n: 200, noise: 0.1, seed }),
  },
  circles: {
    description: '200 points on two concentric circles (noise 0.05)',
    classes: 2,
    make: (seed) => circles({ n: 200, noise: 0.05, factor: 0.5, seed }),
  },
  spirals: {
    description: '300 points on three interleaved spiral arms, one class each',
    classes: 3,
    make: (seed) => spirals({ classes: 3, n: 300, seed }),
  },
  xor: {
    description: '200 points in the four quadrants, labelled by the sign of x * y',
    classes: 2,
    make: (seed) => xor({ n: 200, seed }),
  },
};

/** An optimizer known by name, with the learning rate to use when none is given. */
export interface FitOptimizer {
  /**
   * Builds the optimizer.
   *
   * @param params - the model's named parameters
   * @param lr - the learning rate, a number or a schedule
   * @param momentum - for an optimizer that `takesMomentum`; its own default when omitted
   */
  make(params: readonly [string, Value][], lr: number | Schedule, momentum?: number): Optimizer;
  /** Whether `make` reads `momentum` (sgd and rmsprop). */
  readonly takesMomentum: boolean;
  /**
   * A rate that trains the default moons run (40 epochs, batches of 16) to at least 95% held-out
   * accuracy: chosen by trying, and not always the library default (Adadelta's 1 and Lion's 1e-4
   * are far too slow for 400 updates).
   */
  readonly defaultLr: number;
}

/** An optimizer the fit objective and the CLI know. */
export type FitOptimizerName =
  | 'sgd' | 'momentum' | 'adagrad' | 'rmsprop' | 'adam' | 'adamw' | 'adamax' | 'nadam' | 'radam' | 'adadelta' | 'lion';

/** The optimizers by lower-case name; `momentum` is SGD with momentum 0.9. */
export const fitOptimizers: Readonly<Record<FitOptimizerName, FitOptimizer>> = {
  sgd: { make: (params, lr, momentum = 0) => new SGD(params, { lr, momentum }), takesMomentum: true, defaultLr: 0.1 },
  momentum: { make: (params, lr) => new SGD(params, { lr, momentum: 0.9 }), takesMomentum: false, defaultLr: 0.05 },
  adagrad: { make: (params, lr) => new Adagrad(params, { lr }), takesMomentum: false, defaultLr: 0.1 },
  rmsprop: { make: (params, lr, momentum = 0) => new RMSprop(params, { lr, momentum }), takesMomentum: true, defaultLr: 0.01 },
  adam: { make: (params, lr) => new Adam(params, { lr }), takesMomentum: false, defaultLr: 0.01 },
  adamw: { make: (params, lr) => new AdamW(params, { lr }), takesMomentum: false, defaultLr: 0.01 },
  adamax: { make: (params, lr) => new Adamax(params, { lr }), takesMomentum: false, defaultLr: 0.02 },
  nadam: { make: (params, lr) => new NAdam(params, { lr }), takesMomentum: false, defaultLr: 0.01 },
  radam: { make: (params, lr) => new RAdam(params, { lr }), takesMomentum: false, defaultLr: 0.03 },
  adadelta: { make: (params, lr) => new Adadelta(params, { lr }), takesMomentum: false, defaultLr: 5 },
  lion: { make: (params, lr) => new Lion(params, { lr }), takesMomentum: false, defaultLr: 0.003 },
};
