import type { Value } from './value.js';

/**
 * Sets `grad = 0` on each value: call it between steps, since `backward()` adds to the gradients
 * of leaves (PyTorch's `optimizer.zero_grad()` / `model.zero_grad()`).
 * @example
 * zeroGrad(parameters);
 * loss.backward();
 */
export function zeroGrad(values: Iterable<Value>): void {
  for (const v of values) v.grad = 0;
}
