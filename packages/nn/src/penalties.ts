import { isValue, sum, type Value } from '@etagrad/autograd';
import { mustBe, show } from './check.js';

function checkParams(owner: string, params: unknown): Value[] {
  if (params === null || typeof params !== 'object' || !(Symbol.iterator in params)) {
    throw mustBe(owner, 'params', 'an iterable of Values', show(params));
  }
  const list = [...(params as Iterable<unknown>)];
  list.forEach((p, i) => {
    if (!isValue(p)) throw mustBe(owner, `params[${i}]`, 'a Value', show(p));
  });
  return list as Value[];
}

/**
 * L1 penalty `Σ |p|` over `params` (one `sum` node); add `lambda * l1(model.parameters())` to a loss
 * for sparse weights. 0 for no parameters.
 *
 * @param params - the Values to penalise, e.g. `model.parameters()`
 * @example
 * const loss = mse(outputs, targets).add(l1(model.parameters()).mul(1e-4));
 */
export function l1(params: Iterable<Value>): Value {
  return sum(checkParams('l1', params).map((p) => p.abs()));
}

/**
 * L2 penalty `Σ p²` over `params` (no factor 1/2; one `sum` node), micrograd's demo regulariser
 * `alpha * sum(p * p)`. Its gradient is `2p`. 0 for no parameters.
 *
 * @param params - the Values to penalise, e.g. `model.parameters()`
 * @example
 * const loss = hinge(outputs, targets).add(l2(model.parameters()).mul(1e-4)); // micrograd's demo
 */
export function l2(params: Iterable<Value>): Value {
  return sum(checkParams('l2', params).map((p) => p.mul(p)));
}
