import { thrownMessage } from '@etagrad/check';
import { InvalidArgumentError } from 'commander';
import { parse, type Schedule } from '@etagrad/sched';

// Option parsers for commander. Each turns the text the user typed into a value or throws
// commander's InvalidArgumentError, which commander reports as one line
// ("option '--epochs <n>' argument '0' is invalid. Expected a positive integer.") and which
// `main` turns into exit code 2.

const INTEGER = /^[+-]?\d+$/;
// A plain decimal or scientific number, so "0x10", "", " 1" or "1e" are not read as numbers.
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A whole number >= 1 (`--epochs`, `--batch-size`, `--steps`). */
export function positiveInteger(text: string): number {
  const n = INTEGER.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError('Expected a positive integer.');
  return n;
}

/**
 * A parser for a whole number from `min` to `max` (`--width`, `--height`): sizes past what a
 * terminal shows would only cost time and memory.
 *
 * @param min - the smallest value accepted
 * @param max - the largest value accepted
 */
export function integerFromTo(min: number, max: number): (text: string) => number {
  return (text) => {
    const n = INTEGER.test(text) ? Number(text) : Number.NaN;
    if (!Number.isSafeInteger(n) || n < min || n > max) throw new InvalidArgumentError(`Expected an integer from ${min} to ${max}.`);
    return n;
  };
}

/** A whole number >= 0 (`--seed`). */
export function nonNegativeInteger(text: string): number {
  const n = INTEGER.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < 0) throw new InvalidArgumentError('Expected an integer >= 0.');
  return n;
}

/**
 * The number `text` writes in plain decimal or scientific notation (`0.1`, `3e-4`), else NaN;
 * unlike `Number()`, which reads `'0x10'`, `'0b1'`, `'Infinity'`, `' 1'` and `''` as numbers.
 */
export function plainNumber(text: string): number {
  return NUMBER.test(text) ? Number(text) : Number.NaN;
}

/** A positive finite number, decimal or scientific (`0.1`, `3e-4`). */
export function positiveNumber(text: string): number {
  const n = plainNumber(text);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('Expected a positive number.');
  return n;
}

/**
 * A learning rate: a positive number (`0.05`) or a schedule expression in sched's syntax
 * (`"warmup(cosine({ initial: 0.1, steps: 900 }), { steps: 100 })"`).
 */
export function learningRate(text: string): number | Schedule {
  if (NUMBER.test(text.trim())) return positiveNumber(text.trim());
  return parseSchedule(text, 'Not a number or schedule expression');
}

/** A schedule expression, parsed by sched's `parse` (no eval); its error message is kept. */
export function scheduleExpression(text: string): Schedule {
  return parseSchedule(text, 'Not a schedule expression');
}

function parseSchedule(text: string, problem: string): Schedule {
  try {
    return parse(text);
  } catch (error) {
    // sched may add lines that point at the column (the expression and a caret): the first line
    // says what is wrong, and an error here is one line.
    const [first = ''] = thrownMessage(error).split('\n');
    throw new InvalidArgumentError(`${problem}: ${first.trim()}`);
  }
}

/** The widest layer `--model` takes: wider ones only exhaust memory in a scalar engine. */
export const MAX_UNITS = 10_000;
/** The most parameters (weights and biases) `--model` takes. */
export const MAX_PARAMETERS = 10_000_000;

/**
 * Layer sizes written with dashes, input to output: `2-16-16-1` is 2 inputs, two hidden layers of
 * 16 and 1 output. At least an input and an output size, each a positive integer of at most
 * {@link MAX_UNITS}, and at most {@link MAX_PARAMETERS} weights and biases in all (a model of
 * `2-100000000-1` would abort the engine by exhausting memory).
 */
export function layerSizes(text: string): readonly number[] {
  const parts = text.split('-');
  const sizes = parts.map((part) => (INTEGER.test(part) ? Number(part) : Number.NaN));
  if (sizes.length < 2 || !sizes.every((n) => Number.isSafeInteger(n) && n >= 1)) {
    throw new InvalidArgumentError('Expected layer sizes joined by dashes, like 2-16-16-1.');
  }
  const widest = Math.max(...sizes);
  if (widest > MAX_UNITS) throw new InvalidArgumentError(`Expected at most ${MAX_UNITS} units a layer, got ${widest}.`);
  const parameters = parameterCount(sizes);
  if (parameters > MAX_PARAMETERS) {
    throw new InvalidArgumentError(`Expected at most ${MAX_PARAMETERS} parameters, got ${parameters}.`);
  }
  return sizes;
}

/** Weights and biases of an MLP with these layer sizes: each layer has inputs x outputs weights and outputs biases. */
export function parameterCount(sizes: readonly number[]): number {
  let count = 0;
  for (let i = 1; i < sizes.length; i++) count += ((sizes[i - 1] ?? 0) + 1) * (sizes[i] ?? 0);
  return count;
}


/** Collapses line breaks and runs of spaces, so an error is reported on one line. */
export function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
