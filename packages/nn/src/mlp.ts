import { checkChoice, checkOptions, checkPositiveInteger, mustBe, show } from './check.js';
import { ELU, GELU, LeakyReLU, ReLU, Sigmoid, Softplus, Tanh } from './activations.js';
import { Linear, linearKeys, type LinearOptions } from './linear.js';
import type { Module } from './module.js';
import { resolveRng } from './rng.js';
import { Sequential } from './sequential.js';

/** The activations an {@link MLP} can use between layers, by name; `'none'` is the identity. */
export const activations = {
  /** `new ReLU()` */
  relu: () => new ReLU(),
  /** `new Tanh()` */
  tanh: () => new Tanh(),
  /** `new Sigmoid()` */
  sigmoid: () => new Sigmoid(),
  /** `new LeakyReLU()` */
  leakyRelu: () => new LeakyReLU(),
  /** `new GELU()` */
  gelu: () => new GELU(),
  /** `new Softplus()` */
  softplus: () => new Softplus(),
  /** `new ELU()` */
  elu: () => new ELU(),
  /** No activation: the layer's output as it is. */
  none: null,
} as const satisfies Record<string, (() => Module) | null>;

/** The name of an activation in {@link activations}. */
export type ActivationName = keyof typeof activations;

/** Options of {@link MLP}: those of each {@link Linear} (`bias`, `init`, `biasInit`, `rng`, `seed`) plus: */
export interface MLPOptions extends LinearOptions {
  /** Activation after every hidden layer (default `'relu'`, micrograd's). */
  readonly activation?: ActivationName;
  /** Activation after the last layer (default `'none'`: raw scores or logits, as micrograd's). */
  readonly outputActivation?: ActivationName;
}

/**
 * A multilayer perceptron, micrograd's `MLP(nin, nouts)`: `Linear` layers of the given sizes with
 * `activation` between them and `outputActivation` after the last, as one {@link Sequential}.
 * `new MLP(2, [16, 16, 1])` is `Linear(2, 16), ReLU, Linear(16, 16), ReLU, Linear(16, 1)`, so
 * the first weight is `layers.0.weight.j.i` and the last `layers.4.weight.0.i`. All layers draw
 * their initial values from one generator, in order.
 *
 * @example
 * const model = new MLP(2, [16, 16, 1]);   // 2*16+16 + 16*16+16 + 16+1 = 337 parameters
 * const [score] = model.forward([0.5, -0.2]);
 */
export class MLP extends Sequential {
  readonly nIn: number;
  readonly sizes: readonly number[];

  /**
   * An MLP from `nIn` inputs through layers of `sizes`, with activations between them.
   *
   * @param nIn - inputs per sample, a positive integer
   * @param sizes - the size of each layer, the last one being the number of outputs
   * @param options - `activation`, `outputActivation`, and the options of each `Linear`
   */
  constructor(nIn: number, sizes: readonly number[], options: MLPOptions = {}) {
    super(...buildLayers(nIn, sizes, options));
    this.nIn = nIn;
    this.sizes = [...sizes];
  }
}

function buildLayers(nIn: number, sizes: readonly number[], options: MLPOptions): Module[] {
  const owner = 'MLP';
  checkPositiveInteger(owner, 'nIn', nIn);
  if (!Array.isArray(sizes) || sizes.length === 0) throw mustBe(owner, 'sizes', 'a non-empty array of layer sizes', show(sizes));
  sizes.forEach((size: unknown, i) => checkPositiveInteger(owner, `sizes[${i}]`, size));
  const { activation = 'relu', outputActivation = 'none', ...linear } =
    checkOptions(owner, options, [...linearKeys, 'activation', 'outputActivation']) as MLPOptions;
  const names = Object.keys(activations) as ActivationName[];
  const hidden = activations[checkChoice(owner, 'activation', activation, names)];
  const output = activations[checkChoice(owner, 'outputActivation', outputActivation, names)];
  const rng = resolveRng(owner, linear); // one generator for every layer, drawn from in order
  return sizes.flatMap((size, i) => {
    const act = i < sizes.length - 1 ? hidden : output;
    const layer = new Linear(i === 0 ? nIn : (sizes[i - 1] as number), size, { ...linear, rng });
    return act === null ? [layer] : [layer, act()];
  });
}
