import { checkFunction } from './check.js';
import { shared } from './shared.js';

/** Whether ops record the graph now (false inside {@link noGrad} of any loaded copy of the package). */
export const isGradEnabled = (): boolean => shared.recording;

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
  const previous = shared.recording;
  shared.recording = false;
  try {
    return fn();
  } finally {
    shared.recording = previous;
  }
}
