import { Value } from '@etagrad/autograd';
import { checkNumber, checkOptions } from './check.js';
import { checkInput, Module, toValue, type Input } from './module.js';
import { resolveRng, type Rng } from './rng.js';

/**
 * Inverted dropout, PyTorch's `nn.Dropout`: in training mode each input is zeroed with
 * probability `p` and the survivors are scaled by `1 / (1 - p)`, so the expected output equals
 * the input and evaluation needs no rescaling; in evaluation mode (`eval()`) inputs pass through.
 * The masks come from the module's own generator (`rng`, or one seeded with `seed`, default
 * `defaultSeed`); its state is not part of `stateDict()`.
 *
 * @example
 * const net = new Sequential(new Linear(2, 16), new ReLU(), new Dropout(0.2), new Linear(16, 1));
 * net.eval(); // dropout off for evaluation
 */
export class Dropout extends Module {
  readonly p: number;
  readonly #rng: Rng;

  /**
   * A dropout module that zeroes each input with probability `p` in training mode.
   *
   * @param p - the probability of zeroing each input in training mode, in [0, 1)
   * @param options - `rng`, the generator of the masks, or `seed` for a fresh one (default `defaultSeed`)
   */
  constructor(p: number, options: { readonly rng?: Rng; readonly seed?: number } = {}) {
    super();
    this.p = checkNumber('Dropout', 'p', p, 'in [0, 1)', (q) => q >= 0 && q < 1);
    const { rng, seed } = checkOptions('Dropout', options, ['rng', 'seed']) as { readonly rng?: Rng; readonly seed?: number };
    this.#rng = resolveRng('Dropout', { rng, seed });
  }

  /** The sizes and options, for `toString()`. */
  protected override describeOptions(): string {
    return `${this.p}`;
  }

  /**
   * Inputs zeroed with probability p and the rest scaled by 1 / (1 - p) in training mode; passed through in evaluation mode.
   *
   * @param x - one sample: numbers or `Value`s
   */
  forward(x: Input): Value[] {
    const input = checkInput('Dropout', x);
    if (!this.training || this.p === 0) return input.map(toValue);
    const scale = 1 / (1 - this.p);
    return input.map((v) => (this.#rng.uniform() < this.p ? new Value(0) : toValue(v).mul(scale)));
  }
}
