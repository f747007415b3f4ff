import { isRecord } from '@etagrad/check';
import type { FitObjectiveSpec } from './fit-objective.js';

/**
 * Whether `x` is the built-in objective's description, `{ fit: {...} }` (its own file, so that
 * telling it apart does not load the training stack).
 *
 * @param x Anything.
 */
export function isFitObjective(x: unknown): x is { fit: FitObjectiveSpec } {
  return isRecord(x) && Object.keys(x).length === 1 && isRecord(x['fit']);
}
