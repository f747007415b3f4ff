import { dot, Value } from '@etagrad/autograd';
import { checkBoolean, checkFinite, checkFunction, checkOptions, checkPositiveInteger } from './check.js';
import { uniform, zeros, type Initializer } from './initializers.js';
import { checkInput, Module, type Input } from './module.js';
import { resolveRng, type Rng } from './rng.js';

/** Options of {@link Linear}. */
export interface LinearOptions {
  /** Add a bias to each output (default true). */
  readonly bias?: boolean;
  /** Weight initializer (default `uniform()`: uniform in [-1, 1), micrograd's). */
  readonly init?: Initializer;
  /** Bias initializer (default `zeros()`, micrograd's). */
  readonly biasInit?: Initializer;
  /** Generator for the initial values (wins over `seed`). */
  readonly rng?: Rng;
  /** Seed of a fresh generator when `rng` is omitted (default `defaultSeed`). */
  readonly seed?: number;
}

/** The keys of {@link LinearOptions}. */
export const linearKeys = ['bias', 'init', 'biasInit', 'rng', 'seed'] as const;

/**
 * A fully connected layer, `y_j = w_j · x + b_j` for each of `nOut` outputs: micrograd's `Layer`
 * without the nonlinearity, PyTorch's `nn.Linear`. Each output is one `dot` node plus one bias
 * node, not 2n binary nodes. `weight[j][i]` connects input i to output j (PyTorch's [nOut, nIn]
 * layout, so it is named `weight.j.i`).
 *
 * Initial values are drawn row by row (all of output 0's weights, then output 1's ...), then
 * the biases; by default weights uniform in [-1, 1) and biases 0, as micrograd's `Neuron`.
 *
 * @example
 * const layer = new Linear(2, 3, { rng: rng(42) });
 * layer.forward([0.5, -1]); // three Values
 * layer.numParameters();    // 2 * 3 + 3 = 9
 */
export class Linear extends Module {
  readonly nIn: number;
  readonly nOut: number;
  /** `weight[j][i]`: from input i to output j. */
  readonly weight: readonly (readonly Value[])[];
  /** One bias per output, or null with `bias: false`. */
  readonly bias: readonly Value[] | null;

  /**
   * A layer from `nIn` inputs to `nOut` outputs, its parameters drawn by `init` and `biasInit`.
   *
   * @param nIn - inputs per sample, a positive integer
   * @param nOut - outputs per sample, a positive integer
   * @param options - `bias`, `init`, `biasInit`, `rng`, `seed` (see {@link LinearOptions})
   */
  constructor(nIn: number, nOut: number, options: LinearOptions = {}) {
    super();
    const owner = 'Linear';
    this.nIn = checkPositiveInteger(owner, 'nIn', nIn);
    this.nOut = checkPositiveInteger(owner, 'nOut', nOut);
    const given = checkOptions(owner, options, linearKeys) as LinearOptions;
    const { bias = true, init = uniform(), biasInit = zeros() } = given;
    checkBoolean(owner, 'bias', bias);
    checkFunction(owner, 'init', init, 'an initializer function');
    checkFunction(owner, 'biasInit', biasInit, 'an initializer function');
    const generator = resolveRng(owner, given);
    const fan = { fanIn: nIn, fanOut: nOut };
    const draw = (initializer: Initializer, name: string, length: number) =>
      Array.from({ length }, () => new Value(checkFinite(owner, `${name} result`, initializer(generator, fan))));
    this.weight = Array.from({ length: nOut }, () => draw(init, 'init', nIn));
    this.bias = bias ? draw(biasInit, 'biasInit', nOut) : null;
    // Module would find the fields too, under the same names; registered, the weights are
    // listed without flattening the matrix on every zeroGrad().
    this.registerParameter('weight', this.weight.flat(), [nOut, nIn]);
    if (this.bias) this.registerParameter('bias', this.bias, [nOut]);
  }

  /** The sizes and options, for `toString()`. */
  protected override describeOptions(): string {
    return `${this.nIn}, ${this.nOut}${this.bias === null ? ', bias: false' : ''}`;
  }

  /**
   * The layer on one sample: `nOut` Values, `w_j · x + b_j`.
   *
   * @param x - one sample: numbers or `Value`s
   */
  forward(x: Input): Value[] {
    const input = checkInput('Linear', x, this.nIn);
    const { bias } = this;
    return this.weight.map((row, j) => (bias ? dot(row, input).add(bias[j] as Value) : dot(row, input)));
  }
}
