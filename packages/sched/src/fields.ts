// The field types of the kind table (registry.ts): how `fromSpec` reads one option of a spec.
// Only the type is checked here, with the option's path in the message; ranges are the
// constructors' job, so a rule lives in one place.

import { show } from './check.js';
import type { Json, Schedule } from './types.js';

/** Reads a nested schedule spec at a path (fromSpec, passed in to keep the import one-way). */
export type ReadSchedule = (x: unknown, path: string) => Schedule;

/** One option of a kind: its default (absent when required) and how to read it from JSON. */
export interface Field<T> {
  readonly default?: Json;
  read(x: unknown, path: string, readSchedule: ReadSchedule): T;
}

function wrongType(path: string, expected: string, x: unknown): TypeError {
  return new TypeError(`${path}: must be ${expected}, got ${show(x)}`);
}

function readNumber(x: unknown, path: string): number {
  if (typeof x !== 'number') throw wrongType(path, 'a number', x);
  return x;
}

function readArray(x: unknown, path: string): readonly unknown[] {
  if (!Array.isArray(x)) throw wrongType(path, 'an array', x);
  return x as readonly unknown[];
}

const withDefault = <T>(field: Field<T>, fallback: Json | undefined): Field<T> =>
  fallback === undefined ? field : { ...field, default: fallback };

/** A number option; required unless `fallback` is given. */
export const numberField = (fallback?: number): Field<number> => withDefault({ read: readNumber }, fallback);

/** A number option that may be `null` ("none"), its default. */
export const optionalNumberField = (): Field<number | null> => ({
  default: null,
  read: (x, path) => (x === null ? null : readNumber(x, path)),
});

/** A boolean option with a default. */
export const booleanField = (fallback: boolean): Field<boolean> => ({
  default: fallback,
  read(x, path) {
    if (typeof x !== 'boolean') throw wrongType(path, 'a boolean', x);
    return x;
  },
});

/** A string option from a closed set (`choices`, for its type), with a default; the constructor checks membership. */
export const choiceField = <C extends string>(_choices: readonly C[], fallback: NoInfer<C>): Field<C> => ({
  default: fallback,
  read(x, path) {
    if (typeof x !== 'string') throw wrongType(path, 'a string', x);
    return x as C;
  },
});

/** An array of numbers. */
export const numbersField = (): Field<readonly number[]> => ({
  read: (x, path) => readArray(x, path).map((v, i) => readNumber(v, `${path}[${i}]`)),
});

/** A nested schedule, written as its spec. */
export const scheduleField = (): Field<Schedule> => ({
  read: (x, path, readSchedule) => readSchedule(x, path),
});

/** An array of nested schedules. */
export const schedulesField = (): Field<readonly Schedule[]> => ({
  read: (x, path, readSchedule) => readArray(x, path).map((v, i) => readSchedule(v, `${path}[${i}]`)),
});
