import { checkNumber, checkOptions } from './check.js';
import { checkParamList } from './param-list.js';
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
 * non-finite gradient leaves the gradients as they are (the norm is NaN or Infinity), so the
 * optimizer's non-finite check sees them.
 *
 * The norm is computed scaled, `max|g| · (Σ(|g| / max|g|)ᵖ)^(1/p)`, so gradients of 1e200 give
 * their true norm and are clipped (summing their squares directly overflows to Infinity; PyTorch
 * then multiplies every gradient by 0). Only a norm beyond the largest double (about 1.8e308)
 * is returned as Infinity, and the finite gradients are then still clipped to `maxNorm`.
 *
 * @param params - the parameters whose `grad` is clipped, plain or named (`model.namedParameters()`)
 * @param maxNorm - the largest joint norm allowed, a finite number > 0
 * @param options - `normType`, the p of the p-norm (default 2)
 * @returns the joint norm of the gradients before clipping
 * @example
 * loss.backward();
 * const norm = clipGradNorm(model.parameters(), 1.0);
 * opt.step();
 */
export function clipGradNorm(params: Iterable<Param | NamedParam>, maxNorm: number, options: ClipGradNormOptions = {}): number {
  const owner = 'clipGradNorm';
  const list = checkParamList(owner, params);
  checkNumber(owner, 'maxNorm', maxNorm, 'a finite number > 0', (n) => Number.isFinite(n) && n > 0);
  const { normType = 2 } = checkOptions(owner, options, ['normType']) as ClipGradNormOptions;
  checkNumber(owner, 'normType', normType, 'a number > 0 or Infinity', (n) => n > 0);
  // Math.max of a NaN is NaN: a NaN gradient makes the norm NaN, as it should.
  let largest = 0;
  for (const p of list) largest = Math.max(largest, Math.abs(p.grad));
  if (!Number.isFinite(largest) || largest === 0) return largest;
  const relative = normType === Infinity ? 1 : relativeNorm(list, largest, normType);
  const norm = largest * relative;
  if (Number.isFinite(norm)) {
    const scale = maxNorm / (norm + 1e-6);
    if (scale < 1) for (const p of list) p.grad *= scale;
  } else {
    // Past the largest double the 1e-6 cannot matter: g·maxNorm/norm as (g/largest)·(maxNorm/relative).
    const scale = maxNorm / relative;
    for (const p of list) p.grad = (p.grad / largest) * scale;
  }
  return norm;
}

/** `(Σ(|g| / largest)ᵖ)^(1/p)`, in [1, n^(1/p)]: the norm divided by the largest |g|, free of overflow. */
function relativeNorm(list: readonly Param[], largest: number, normType: number): number {
  let total = 0;
  if (normType === 2) {
    for (const p of list) {
      const r = p.grad / largest;
      total += r * r;
    }
    return Math.sqrt(total);
  }
  for (const p of list) total += (Math.abs(p.grad) / largest) ** normType;
  return total ** (1 / normType);
}
