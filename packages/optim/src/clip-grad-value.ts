import { checkNumber } from './check.js';
import { paramsOf } from './param-list.js';
import type { NamedParam, Param } from './types.js';

/**
 * Clamp every gradient into `[-clip, clip]`, PyTorch's `clip_grad_value_` (a NaN stays NaN, so
 * the optimizer's non-finite check still sees it).
 *
 * @param params - the parameters whose gradients are clipped, or `[name, param]` pairs
 * @param clip - the largest absolute gradient allowed, a finite number > 0
 * @example
 * clipGradValue(model.parameters(), 0.5);
 */
export function clipGradValue(params: Iterable<Param | NamedParam>, clip: number): void {
  checkNumber('clipGradValue', 'clip', clip, 'a finite number > 0', (n) => Number.isFinite(n) && n > 0);
  for (const p of paramsOf(params)) p.grad = Math.min(clip, Math.max(-clip, p.grad));
}
