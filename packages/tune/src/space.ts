import { checkNumber, closest, isRecord, show, thrownMessage } from '@etagrad/check';
import { parse } from '@etagrad/sched';

/** A value a hyperparameter can take: plain JSON, so a config saves, travels to workers and reloads as is. */
export type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };

/** Uniform on [low, high). */
export interface Uniform {
  readonly uniform: readonly [low: number, high: number];
}
/** Uniform in log(value) on [low, high): each decade as likely as the next (learning rates). */
export interface LogUniform {
  readonly logUniform: readonly [low: number, high: number];
}
/** One of the values, each as likely. */
export interface Choice {
  readonly choice: readonly Json[];
}
/** Where a hyperparameter's values come from in a random search or successive halving. */
export type Domain = Uniform | LogUniform | Choice;

/**
 * A search space: a domain per hyperparameter, by name. A list of values (`[8, 32]`) is a
 * choice among them; a grid search takes lists (and choices) only. Plain JSON, as a search file
 * holds it. Strings under `lr` or `schedule` must be sched schedule expressions.
 *
 * @example
 * const space = { lr: logUniform(1e-4, 1), batchSize: choice([8, 32, 100]), momentum: uniform(0, 0.99) };
 */
export type Space = { readonly [name: string]: Domain | readonly Json[] };

/** A trial's hyperparameters, by name. */
export type Config = { readonly [name: string]: Json };

/**
 * Uniform on [low, high).
 *
 * @param low The least value (finite, below `high`).
 * @param high The bound (finite), excluded.
 * @param more Nothing: a third argument (such as an options object) is refused, not ignored.
 * @example
 * const space = { momentum: uniform(0, 0.99) };
 */
export function uniform(low: number, high: number, ...more: readonly unknown[]): Uniform {
  return { uniform: checkDomainBounds('uniform', low, high, more) };
}

/**
 * Log-uniform on [low, high): `exp(uniform(ln low, ln high))`, as scikit-learn's `loguniform`.
 *
 * @param low The least value (finite, > 0, below `high`).
 * @param high The bound (finite), excluded.
 * @param more Nothing: a third argument (such as an options object) is refused, not ignored.
 * @example
 * const space = { lr: logUniform(1e-4, 1) };
 */
export function logUniform(low: number, high: number, ...more: readonly unknown[]): LogUniform {
  return { logUniform: checkDomainBounds('logUniform', low, high, more) };
}

/** The bounds of `uniform` or `logUniform` as given to the function, checked; nothing after them. */
function checkDomainBounds(owner: 'uniform' | 'logUniform', low: unknown, high: unknown, more: readonly unknown[]): [number, number] {
  if (more.length > 0) {
    const hint = owner === 'uniform' ? ' (for a log scale, use logUniform(low, high))' : '';
    throw new TypeError(`${owner}: arguments must be low and high only${hint}, got ${2 + more.length} arguments (the third is ${show(more[0])})`);
  }
  const rule = owner === 'logUniform' ? 'a finite number > 0' : 'a finite number';
  const least = checkNumber(owner, 'low', low, rule, (n) => Number.isFinite(n) && (owner === 'uniform' || n > 0));
  return [least, checkNumber(owner, 'high', high, `a finite number > low (${least})`, (n) => Number.isFinite(n) && n > least)];
}

/**
 * One of `values`, each as likely.
 *
 * @param values At least one JSON value.
 * @example
 * const space = { batchSize: choice([8, 32, 100]) };
 */
export function choice(values: readonly Json[]): Choice {
  if (!Array.isArray(values)) throw new TypeError(`choice: values must be a list of values, got ${show(values)}`);
  if (values.length === 0) throw new RangeError('choice: values must hold at least one value, got an empty list');
  return { choice: values };
}

/** The checked space: each hyperparameter's domain, lists read as choices. */
export type CheckedSpace = readonly (readonly [name: string, domain: Domain])[];

/** The keys of a domain. */
const domainKinds = ['uniform', 'logUniform', 'choice'];

/** Hyperparameters whose string values are schedule expressions. */
const scheduleKeys = ['lr', 'schedule'];

/**
 * Checks a space before any trial runs; a `RangeError`/`TypeError` with the path of the bad
 * field: `randomSearch: space.lr: logUniform low must be > 0, got 0`.
 *
 * @param owner The search, for the message.
 * @param space The space as given.
 * @param grid Whether only lists and choices are allowed (grid search).
 */
export function checkSpace(owner: string, space: unknown, grid: boolean): CheckedSpace {
  if (!isRecord(space) || Object.keys(space).length === 0) {
    throw new TypeError(`${owner}: space must be an object with at least one hyperparameter, got ${show(space)}`);
  }
  return Object.entries(space).map(([name, given]) => {
    const path = `${owner}: space.${name}:`;
    const domain: unknown = Array.isArray(given) ? { choice: given } : given;
    if (!isRecord(domain)) throw new TypeError(`${path} must be a list of values, { uniform }, { logUniform } or { choice }, got ${show(given)}`);
    const [kind, ...more] = Object.keys(domain);
    if (kind === undefined || more.length > 0 || !domainKinds.includes(kind)) {
      const guess = kind === undefined || more.length > 0 ? undefined : closest(kind, domainKinds);
      throw new TypeError(
        `${path} must be a list of values, { uniform }, { logUniform } or { choice }, got keys ${Object.keys(domain).join(', ') || 'none'}${guess === undefined ? '' : ` (did you mean '${guess}'?)`}`,
      );
    }
    if (kind === 'choice') return [name, { choice: checkChoice(path, domain[kind], scheduleKeys.includes(name)) }] as const;
    if (grid) throw new TypeError(`${path} a grid search takes lists of values, got ${kind}`);
    const [low, high] = checkBounds(path, kind as 'uniform' | 'logUniform', domain[kind]);
    return [name, kind === 'uniform' ? { uniform: [low, high] } : { logUniform: [low, high] }] as const;
  });
}

function checkChoice(path: string, values: unknown, schedules: boolean): readonly Json[] {
  if (!Array.isArray(values)) throw new TypeError(`${path} choice must be a list of values, got ${show(values)}`);
  if (values.length === 0) throw new RangeError(`${path} choice must hold at least one value, got an empty list`);
  values.forEach((value: unknown, i) => {
    // A config travels as JSON (to a BullMQ worker, into the journal's identity): a value JSON
    // changes (NaN to null, a Date to a string) would make the trial depend on what runs it.
    const bad = notJson(value);
    if (bad !== null) {
      const Type = typeof bad.part === 'number' ? RangeError : TypeError;
      const where = bad.part === value ? '' : ` holding ${show(bad.part)}`;
      throw new Type(`${path} choice[${i}] must be plain JSON (finite numbers, strings, booleans, null, lists and plain objects of them), got ${show(value)}${where}`);
    }
    if (schedules && typeof value === 'string') {
      try {
        parse(value);
      } catch (error) {
        const first = thrownMessage(error).split('\n')[0] ?? '';
        throw new RangeError(`${path} choice[${i}] must be a schedule expression, got '${value}' (${first})`);
      }
    }
  });
  return values as readonly Json[];
}

/**
 * The first part of `x` that JSON would not keep as it is (wrapped, so that `undefined` is reported
 * too), a list or object that holds itself included; null when it is all plain JSON.
 */
function notJson(x: unknown, holders: readonly object[] = []): { readonly part: unknown } | null {
  if (x === null || typeof x === 'string' || typeof x === 'boolean') return null;
  if (typeof x === 'number') return Number.isFinite(x) ? null : { part: x };
  const plain = Array.isArray(x) || (typeof x === 'object' && [Object.prototype, null].includes(Object.getPrototypeOf(x)));
  if (!plain || holders.includes(x as object)) return { part: x };
  for (const item of Object.values(x as object)) {
    const bad = notJson(item, [...holders, x as object]);
    if (bad !== null) return bad;
  }
  return null;
}

function checkBounds(path: string, kind: 'uniform' | 'logUniform', bounds: unknown): [number, number] {
  if (!Array.isArray(bounds) || bounds.length !== 2 || !bounds.every((b) => typeof b === 'number')) {
    throw new TypeError(`${path} ${kind} must be [low, high], two numbers, got ${show(bounds)}`);
  }
  const [low, high] = bounds as [number, number];
  if (!Number.isFinite(low)) throw new RangeError(`${path} ${kind} low must be finite, got ${low}`);
  if (!Number.isFinite(high)) throw new RangeError(`${path} ${kind} high must be finite, got ${high}`);
  if (kind === 'logUniform' && low <= 0) throw new RangeError(`${path} logUniform low must be > 0, got ${low}`);
  if (high <= low) throw new RangeError(`${path} ${kind} high must be > low (${low}), got ${high}`);
  return [low, high];
}
