import { checkFunction } from './check.js';

let enabled = true;

/** Whether ops record the graph now (false inside {@link noGrad}). */
export const isGradEnabled = (): boolean => enabled;

/**
 * Runs `fn` with graph recording off, like PyTorch's `torch.no_grad()`: every `Value` made inside
 * is a leaf (it remembers no op and no operands), so evaluating a model costs no graph memory and
 * a later `backward()` cannot reach through it. Nests; recording is restored even if `fn` throws.
 *
 * @param fn the function to run; its result is returned
 * @throws TypeError when `fn` is not a function.
 * @example
 * const accuracy = noGrad(() => evaluate(model, testSet));
 */
export function noGrad<T>(fn: () => T): T {
  checkFunction('noGrad', 'fn', fn);
  const previous = enabled;
  enabled = false;
  try {
    return fn();
  } finally {
    enabled = previous;
  }
}
