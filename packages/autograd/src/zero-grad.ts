import { checkValue, describe } from './check.js';
import type { Value } from './value.js';

/**
 * Sets `grad = 0` on each value: call it between steps, since `backward()` adds to the gradients
 * of leaves (PyTorch's `optimizer.zero_grad()` / `model.zero_grad()`).
 * @param values the Values to reset, usually a model's parameters
 * @throws TypeError when `values` is not iterable or holds something other than a Value.
 * @example
 * zeroGrad(parameters);
 * loss.backward();
 */
export function zeroGrad(values: Iterable<Value>): void {
  if (typeof (values as { [Symbol.iterator]?: unknown } | null | undefined)?.[Symbol.iterator] !== 'function') {
    throw new TypeError(`zeroGrad: values must be an iterable of Values, got ${describe(values)}`);
  }
  let i = 0;
  for (const v of values) checkValue('zeroGrad', `values[${i++}]`, v).grad = 0;
}
