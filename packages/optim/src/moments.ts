// Pieces shared by the Adam family: moving averages and where ε sits in the denominator.

/**
 * Exponential moving average, `β·average + (1 − β)·x` (PyTorch's `lerp` form, mathematically).
 *
 * @param average - the average so far
 * @param x - the new value
 * @param beta - the weight of the average, in [0, 1]
 */
export const ema = (average: number, x: number, beta: number): number => beta * average + (1 - beta) * x;

/** What every parameter of a group shares at update t: t and the bias corrections of the betas. */
export interface BiasCorrections {
  t: number;
  /** 1 − β₁ᵗ */
  bias1: number;
  /** 1 − β₂ᵗ */
  bias2: number;
}

/**
 * Update t's bias corrections for `h.betas`, into `into` (default a new object): computed once
 * per group and update, as the powers cost more than the rest of an Adam step.
 *
 * @param h - options holding `betas`
 * @param t - the update number, 1 on the first update
 * @param into - the object to fill (default a new one)
 */
export function biasCorrections(
  h: { readonly betas: readonly [number, number] },
  t: number,
  into: BiasCorrections = { t: 0, bias1: 0, bias2: 0 },
): BiasCorrections {
  into.t = t;
  into.bias1 = 1 - h.betas[0] ** t;
  into.bias2 = 1 - h.betas[1] ** t;
  return into;
}

/**
 * The denominator D of an Adam-type step `γ · m̂ / D`, from the raw second moment v (not bias
 * corrected) and its bias correction `bc2 = 1 − β₂ᵗ`:
 *
 *     'outside' (PyTorch's Adam, optax):  D = √(v / bc2 + εroot) + ε
 *     'hat'     (Keras' ε̂, PyTorch's RAdam): D = (√(v + εroot) + ε) / √bc2
 *
 * The two agree when ε = 0; 'hat' adds ε before the bias correction, so early on (bc2 small)
 * its ε weighs 1/√bc2 times more.
 *
 * @param v - the raw second moment
 * @param bc2 - its bias correction, 1 − β₂ᵗ
 * @param eps - ε
 * @param epsRoot - optax's ε under the square root
 * @param hat - true for the 'hat' form, false for 'outside'
 */
export function adamDenominator(v: number, bc2: number, eps: number, epsRoot: number, hat: boolean): number {
  return hat ? (Math.sqrt(v + epsRoot) + eps) / Math.sqrt(bc2) : Math.sqrt(v / bc2 + epsRoot) + eps;
}
