import { anyKind } from './all-kinds.js';
import { readSpec } from './read-spec.js';
import type { Schedule } from './types.js';

/**
 * Rebuild a schedule from its spec (`s.spec`, or that spec after a JSON round trip): the result
 * equals the original bit for bit at every step. It knows every built-in kind and every kind
 * added with `registerKind`. Options missing from the spec take their defaults. Anything else is
 * refused with an error that names the path: `RangeError: spec.inner.kind: unknown kind 'cosin'
 * (did you mean 'cosine'?); kinds are ...`, `TypeError: spec: cosine: unknown option 'step' (did
 * you mean 'steps'?); options are initial, steps, final`,
 * `RangeError: spec.inner: cosine: steps must be a positive integer, got 0`; schedules nested
 * more than 1000 deep are refused.
 *
 * @param spec - a schedule's `spec`, or that spec after a JSON round trip
 * @example
 * const saved = JSON.stringify(warmup(cosine({ initial: 0.1, steps: 900 }), { steps: 100 }).spec);
 * const lr = fromSpec(JSON.parse(saved));
 * lr(100); // 0.1
 */
export function fromSpec(spec: unknown): Schedule {
  return readSpec(spec, 'spec', anyKind);
}
