import { checkNumber } from './check.js';
import { checkParamList } from './param-list.js';
import type { NamedParam, Param } from './types.js';

/**
 * Clamp every gradient into `[-clip, clip]`, PyTorch's `clip_grad_value_` (a NaN stays NaN, so
 * the optimizer's non-finite check still sees it).
 *
 * @param params - the parameters whose `grad` is clamped, plain or named (`model.namedParameters()`)
 * @param clip - the largest |gradient| allowed, a finite number > 0
 * @example
 * clipGradValue(model.parameters(), 0.5);
 */
export function clipGradValue(params: Iterable<Param | NamedParam>, clip: number): void {
  const list = checkParamList('clipGradValue', params);
  checkNumber('clipGradValue', 'clip', clip, 'a finite number > 0', (n) => Number.isFinite(n) && n > 0);
  for (const p of list) p.grad = Math.min(clip, Math.max(-clip, p.grad));
}
