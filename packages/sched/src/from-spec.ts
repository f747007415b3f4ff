import { show } from './check.js';
import { kindNames, ruleOf } from './registry.js';
import type { Schedule } from './types.js';

/**
 * Read a spec at `path` (`'spec'`, `'spec.inner'`, ...): every error names the path, e.g.
 * `spec.inner.kind: unknown kind 'cosin'`. The constructors' own range errors are prefixed with
 * the path of the spec they were building.
 */
export function readSpec(x: unknown, path: string): Schedule {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) {
    throw new TypeError(`${path}: must be a schedule spec (an object with a kind), got ${show(x)}`);
  }
  const spec = x as Record<string, unknown>;
  const kind = spec['kind'];
  if (typeof kind !== 'string') throw new TypeError(`${path}.kind: must be a string, got ${show(kind)}`);
  const rule = ruleOf(kind);
  if (rule === undefined) {
    throw new RangeError(`${path}.kind: unknown kind '${kind}' (kinds: ${kindNames.join(', ')})`);
  }
  const names = Object.keys(rule.fields);
  for (const key of Object.keys(spec)) {
    if (key !== 'kind' && !names.includes(key)) {
      throw new TypeError(`${path}.${key}: unknown field of ${kind} (fields: ${names.join(', ')})`);
    }
  }
  const args: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(rule.fields)) {
    // An option set to undefined (possible in a JS object, never in JSON) counts as left out.
    const given = spec[name] === undefined ? field.default : spec[name];
    if (given === undefined) throw new TypeError(`${path}.${name}: missing, ${kind} requires it`);
    args[name] = field.read(given, `${path}.${name}`, readSpec);
  }
  try {
    return rule.build(args);
  } catch (error) {
    throw prefixed(error, path);
  }
}

/** The same kind of error with `<prefix>: ` before its message. */
export function prefixed(error: unknown, prefix: string): Error {
  const message = `${prefix}: ${error instanceof Error ? error.message : String(error)}`;
  if (error instanceof RangeError) return new RangeError(message, { cause: error });
  if (error instanceof TypeError) return new TypeError(message, { cause: error });
  if (error instanceof SyntaxError) return new SyntaxError(message, { cause: error });
  return new Error(message, { cause: error });
}

/**
 * Rebuild a schedule from its spec (`s.spec`, or that spec after a JSON round trip): the result
 * equals the original bit for bit at every step. Options missing from the spec take their
 * defaults. Refuses anything else with an error that names the path, the field and the kind:
 * `RangeError: spec.inner.kind: unknown kind 'cosin' (kinds: ...)`,
 * `TypeError: spec.steps: must be a number, got string`,
 * `RangeError: spec.inner: cosine: steps must be a positive integer, got 0`.
 *
 * @param spec - a schedule's spec, e.g. parsed from JSON; checked in full
 * @example
 * const saved = JSON.stringify(warmup(cosine({ initial: 0.1, steps: 900 }), { steps: 100 }).spec);
 * const lr = fromSpec(JSON.parse(saved));
 * lr(100); // 0.1
 */
export function fromSpec(spec: unknown): Schedule {
  return readSpec(spec, 'spec');
}
