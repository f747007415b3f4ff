import { checkNumber } from './check.js';
import { paramsOf } from './param-list.js';
import type { NamedParam, Param } from './types.js';

/** Options of `clipGradNorm`. */
export interface ClipGradNormOptions {
  /** p of the p-norm (> 0, or `Infinity` for the largest |g|); default 2. */
  readonly normType?: number;
}

/**
 * Scale all gradients together so that their joint p-norm is at most `maxNorm`, PyTorch's
 * `clip_grad_norm_`: with `norm = (Σ|g|ᵖ)^(1/p)`, if `maxNorm / (norm + 1e-6) < 1` every `g` is
 * multiplied by it. Returns the norm before clipping (log it: a jump is a warning). A
 * non-finite norm leaves the gradients as they are, so the optimizer's non-finite check sees them.
 *
 * @param params - the parameters whose gradients are scaled, or `[name, param]` pairs
 * @param maxNorm - the largest norm allowed, a finite number > 0
 * @param options - `normType`, the norm's order (default 2; `Infinity` for the largest absolute gradient)
 * @example
 * loss.backward();
 * const norm = clipGradNorm(model.parameters(), 1.0);
 * opt.step();
 */
export function clipGradNorm(
  params: Iterable<Param | NamedParam>,
  maxNorm: number,
  { normType = 2 }: ClipGradNormOptions = {},
): number {
  checkNumber('clipGradNorm', 'maxNorm', maxNorm, 'a finite number > 0', (n) => Number.isFinite(n) && n > 0);
  checkNumber('clipGradNorm', 'normType', normType, 'a number > 0 or Infinity', (n) => n > 0);
  let norm = 0;
  if (normType === Infinity) {
    // Math.max of a NaN is NaN: a NaN gradient makes the norm NaN, as it should.
    for (const p of paramsOf(params)) norm = Math.max(norm, Math.abs(p.grad));
  } else if (normType === 2) {
    for (const p of paramsOf(params)) norm += p.grad * p.grad;
    norm = Math.sqrt(norm);
  } else {
    for (const p of paramsOf(params)) norm += Math.abs(p.grad) ** normType;
    norm **= 1 / normType;
  }
  const scale = maxNorm / (norm + 1e-6);
  if (Number.isFinite(norm) && scale < 1) for (const p of paramsOf(params)) p.grad *= scale;
  return norm;
}
