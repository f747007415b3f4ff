// The optimizers of @etagrad/optim the playground offers, by name, with the options it shows.
import { Adadelta, Adagrad, Adam, Adamax, AdamW, Lion, NAdam, RAdam, RMSprop, SGD, type Optimizer } from '@etagrad/optim';
import type { Value } from '@etagrad/autograd';
import type { Schedule } from '@etagrad/sched';

/** One numeric or yes/no option shown for an optimizer: its name in optim, default and range. */
export interface OptionField {
  readonly name: string;
  readonly label: string;
  readonly default: number | boolean;
  /** Allowed values for a number: min <= x < max (max exclusive, as betas' [0, 1)). */
  readonly min?: number;
  readonly max?: number;
}

const beta1: OptionField = { name: 'beta1', label: 'β1', default: 0.9, min: 0, max: 1 };
const beta2: OptionField = { name: 'beta2', label: 'β2', default: 0.999, min: 0, max: 1 };
const weightDecay: OptionField = { name: 'weightDecay', label: 'Weight decay', default: 0, min: 0, max: Infinity };
const momentum: OptionField = { name: 'momentum', label: 'Momentum', default: 0, min: 0, max: 1 };

type Make = (params: Value[], options: Record<string, unknown>) => Optimizer;

/** Every optimizer of optim: its class (as a maker) and the options the page shows. */
export const optimizers = {
  SGD: { make: (p, o) => new SGD(p, o), fields: [momentum, { name: 'nesterov', label: 'Nesterov', default: false }, weightDecay] },
  Adam: { make: (p, o) => new Adam(p, o), fields: [beta1, beta2, weightDecay] },
  AdamW: { make: (p, o) => new AdamW(p, o), fields: [beta1, beta2, { ...weightDecay, default: 0.01 }] },
  Adamax: { make: (p, o) => new Adamax(p, o), fields: [beta1, beta2, weightDecay] },
  NAdam: { make: (p, o) => new NAdam(p, o), fields: [beta1, beta2, weightDecay] },
  RAdam: { make: (p, o) => new RAdam(p, o), fields: [beta1, beta2, weightDecay] },
  RMSprop: { make: (p, o) => new RMSprop(p, o), fields: [{ name: 'alpha', label: 'α', default: 0.99, min: 0, max: 1 }, momentum, weightDecay] },
  Adagrad: { make: (p, o) => new Adagrad(p, o), fields: [weightDecay] },
  Adadelta: { make: (p, o) => new Adadelta(p, o), fields: [{ name: 'rho', label: 'ρ', default: 0.9, min: 0, max: 1 }, weightDecay] },
  Lion: { make: (p, o) => new Lion(p, o), fields: [beta1, { ...beta2, default: 0.99 }, weightDecay] },
} as const satisfies Record<string, { readonly make: Make; readonly fields: readonly OptionField[] }>;

/** The name of an optimizer of {@link optimizers}. */
export type OptimizerName = keyof typeof optimizers;

/** The names, in the order the page lists them. */
export const optimizerNames = Object.keys(optimizers) as OptimizerName[];

/** An optimizer's shown options, by field name (`beta1`, `beta2` become optim's `betas`). */
export type OptimizerOptions = Readonly<Record<string, number | boolean>>;

/** The defaults of every shown option of `name`. */
export function defaultOptions(name: OptimizerName): OptimizerOptions {
  return Object.fromEntries(optimizers[name].fields.map((f) => [f.name, f.default]));
}

/** The options as optim's constructor takes them: `beta1`, `beta2` as `betas`, `lr` the schedule. */
export function constructorOptions(options: OptimizerOptions, lr: number | Schedule): Record<string, unknown> {
  const { beta1: b1, beta2: b2, ...rest } = options;
  return b1 === undefined || b2 === undefined ? { lr, ...rest } : { lr, betas: [b1, b2], ...rest };
}

/**
 * A new optimizer `name` over `params` with the page's `options` and learning rate `lr`.
 *
 * @param name - the optimizer's class name in optim
 * @param params - the model's parameters
 * @param options - the shown options (defaults for those missing)
 * @param lr - a number or a schedule of the update count
 */
export function makeOptimizer(name: OptimizerName, params: Value[], options: OptimizerOptions, lr: number | Schedule): Optimizer {
  return optimizers[name].make(params, constructorOptions({ ...defaultOptions(name), ...options }, lr));
}
