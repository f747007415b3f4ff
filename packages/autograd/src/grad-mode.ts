import { checkFunction } from './check.js';
import { shared } from './shared.js';

/** Whether ops record the graph now (false inside {@link noGrad} of any loaded copy of the package). */
export const isGradEnabled = (): boolean => shared.recording;

/**
 * Runs `fn` with graph recording off, like PyTorch's `torch.no_grad()`: every `Value` made inside
 * is a leaf (it remembers no op and no operands), so evaluating a model costs no graph memory and
 * a later `backward()` cannot reach through it. Nests; recording is restored even if `fn` throws.
 * `fn` must be synchronous: recording is on again once it returns, so an async `fn` is refused.
 *
 * @param fn the function to run; its result is returned
 * @throws TypeError when `fn` is not a function, or returns a Promise (or any thenable).
 * @example
 * const accuracy = noGrad(() => evaluate(model, testSet));
 */
export function noGrad<T>(fn: () => T): T {
  checkFunction('noGrad', 'fn', fn);
  const previous = shared.recording;
  shared.recording = false;
  let result: T;
  try {
    result = fn();
  } finally {
    shared.recording = previous;
  }
  // an async fn would record again after its first await, silently: refused (it cannot be undone)
  if (typeof (result as { then?: unknown } | null)?.then === 'function') {
    throw new TypeError('noGrad: fn must be synchronous (recording is back on once it returns, so code after an await would record a graph), got a function that returned a Promise');
  }
  return result;
}
