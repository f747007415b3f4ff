// Reading a spec back into a schedule, knowing only the kinds a lookup gives: `fromSpec` passes
// every built-in kind, `fromLoadedSpec` only those loaded (so an optimizer's restore path, which
// uses it, does not pull every kind and the parser into a bundle).

import { checkKeys, closest, isRecord, prefixed, show } from '@etagrad/check';
import { type KindRule, loadedKind, loadedKinds, notSavable } from './kinds.js';
import { scheduleKinds, type Schedule } from './types.js';

/** How deep schedules may nest in a spec or an expression: deeper is refused, not a stack overflow. */
export const maxDepth = 1000;

/** Finds a kind's rule by name. */
export type Lookup = (kind: string) => KindRule | undefined;

/** `unknown kind 'cosin' (did you mean 'cosine'?); kinds are ...`, and how to load a built-in one. */
export function unknownKind(kind: string, known: readonly string[]): string {
  const guess = closest(kind, known);
  const hint = guess === undefined ? '' : ` (did you mean '${guess}'?)`;
  const builtIn = (scheduleKinds as readonly string[]).includes(kind)
    ? `; import ${kind} from @etagrad/sched, or read the spec with fromSpec, which knows every built-in kind`
    : '';
  const name = kind.length > 100 ? `${kind.slice(0, 99)}…` : kind;
  return `unknown kind '${name}'${hint}; kinds are ${known.join(', ')}${builtIn}`;
}

/**
 * Read a spec at `path` (`'spec'`, `'spec.inner'`, ...), `depth` schedules deep: every error names
 * the path; the constructors' own errors are prefixed with the path of the spec they were building.
 */
export function readSpec(x: unknown, path: string, lookup: Lookup, depth = 1): Schedule {
  if (depth > maxDepth) {
    const where = path.length > 100 ? `${path.slice(0, 40)}…${path.slice(-40)}` : path;
    throw new RangeError(`${where}: schedules must nest at most ${maxDepth} deep, got deeper`);
  }
  if (!isRecord(x)) throw new TypeError(`${path}: must be a schedule spec (an object with a kind), got ${show(x)}`);
  const { kind, ...options } = x;
  if (typeof kind !== 'string') throw new TypeError(`${path}.kind: must be a string, got ${show(kind)}`);
  if (kind === 'fromFunction') throw new TypeError(`${path}: ${notSavable(options['name'])}`);
  const rule = lookup(kind);
  if (rule === undefined) throw new RangeError(`${path}.kind: ${unknownKind(kind, loadedKinds())}`);
  try {
    checkKeys(kind, 'options', options, rule.options);
  } catch (error) {
    throw prefixed(error, path);
  }
  const args: Record<string, unknown> = {};
  for (const name of rule.options) {
    const value = options[name];
    const fallback = rule.defaults?.[name];
    if (value === undefined && fallback === undefined) throw new TypeError(`${path}.${name}: missing, ${kind} requires it`);
    // Left out, or null where null means "none": the constructor applies its default.
    if (value === undefined || (value === null && fallback === null)) continue;
    const nested = rule.nested?.[name];
    const at = `${path}.${name}`;
    args[name] =
      nested === 'one'
        ? readSpec(value, at, lookup, depth + 1)
        : nested === 'many' && Array.isArray(value)
          ? value.map((v: unknown, i) => readSpec(v, `${at}[${i}]`, lookup, depth + 1))
          : value;
  }
  try {
    return rule.build(args);
  } catch (error) {
    throw prefixed(error, path);
  }
}

/**
 * Rebuild a schedule from its spec, like {@link fromSpec}, knowing only the kinds this program has
 * loaded: those whose function it imports (in a bundle, those it uses) and those added with
 * `registerKind`. It is what optim's `loadStateDict(optimizer, state)` uses, so that restoring an
 * optimizer does not bring every kind of schedule and the parser into a browser bundle. A kind not
 * loaded is refused with a message that says how to load it.
 *
 * @param spec - a schedule's `spec`, or that spec after a JSON round trip
 * @example
 * const lr = fromLoadedSpec(JSON.parse('{"kind":"cosine","initial":0.1,"steps":900,"final":0}'));
 * lr(450); // 0.05 (when cosine is imported somewhere in the program)
 */
export function fromLoadedSpec(spec: unknown): Schedule {
  return readSpec(spec, 'spec', loadedKind);
}
