import { checkChoice, checkNonNegative, checkOptions, mustBe } from './check.js';

/** The nonlinearities {@link gain} knows, as PyTorch's `calculate_gain` (`'leakyRelu'` is its `'leaky_relu'`). */
export const nonlinearities = ['linear', 'sigmoid', 'tanh', 'relu', 'leakyRelu', 'selu'] as const;

/** A nonlinearity {@link gain} knows. */
export type Nonlinearity = (typeof nonlinearities)[number];

/** Options of {@link gain}. */
export interface GainOptions {
  /** LeakyReLU's negative slope, >= 0 (default 0.01, as `LeakyReLU` and PyTorch); only for `'leakyRelu'`. */
  readonly slope?: number;
}

/**
 * The recommended scale of initial weights before a nonlinearity, PyTorch's
 * `torch.nn.init.calculate_gain`, for the `gain` option of the Xavier and He initializers:
 *
 *     linear, sigmoid: 1     tanh: 5/3     relu: √2     leakyRelu: √(2 / (1 + slope²))     selu: 3/4
 *
 * @param nonlinearity - one of {@link nonlinearities}
 * @param options - `slope`, LeakyReLU's negative slope (default 0.01)
 * @returns the gain, a number > 0
 * @example
 * gain('tanh');                      // 1.6666666666666667
 * gain('leakyRelu', { slope: 0.2 }); // √(2 / 1.04) = 1.3867504905630728
 * new Linear(64, 32, { init: xavierUniform({ gain: gain('tanh') }) });
 */
export function gain(nonlinearity: Nonlinearity, options: GainOptions = {}): number {
  const owner = 'gain';
  const name = checkChoice(owner, 'nonlinearity', nonlinearity, nonlinearities);
  const { slope } = checkOptions(owner, options, ['slope']) as GainOptions;
  if (slope !== undefined && name !== 'leakyRelu') {
    throw mustBe(owner, 'slope', "given only with 'leakyRelu'", `it with '${name}'`);
  }
  switch (name) {
    case 'linear':
    case 'sigmoid':
      return 1;
    case 'tanh':
      return 5 / 3;
    case 'relu':
      return Math.SQRT2;
    case 'leakyRelu': {
      const s = checkNonNegative(owner, 'slope', slope ?? 0.01);
      return Math.sqrt(2 / (1 + s * s));
    }
    case 'selu':
      return 3 / 4;
  }
}
