import fc from 'fast-check';
import { expect, test } from 'vitest';
import {
  checkChoice,
  checkChoiceTrusted,
  checkKeys,
  checkKeysTrusted,
  checkNumber,
  checkNumberTrusted,
  checkOptions,
  checkOptionsTrusted,
} from '@etagrad/check';

// The trusted cores are the checks themselves less the check of their own list or rule: for any
// list of strings (or rule that is a function), each returns what its public check returns and
// throws what it throws.

/** What `run` returns, or the error it throws, for comparing two calls. */
function outcome(run: () => unknown): unknown {
  try {
    return { returned: run() };
  } catch (error) {
    return { threw: error, type: (error as Error).constructor };
  }
}

const names = fc.constantFrom('initial', 'steps', 'final', 'fianl', 'lr', '__proto__', 'x');
const value = fc.oneof(fc.constant(undefined), fc.constant(null), fc.integer(), fc.dictionary(names, fc.integer()), fc.array(fc.integer()));

test('checkKeysTrusted and checkOptionsTrusted do what checkKeys and checkOptions do for a list of strings', () => {
  fc.assert(
    fc.property(value, fc.uniqueArray(names), fc.constantFrom('options', 'state.hyper'), (x, known, name) => {
      expect(outcome(() => checkKeysTrusted('cosine', x, known, name))).toEqual(outcome(() => checkKeys('cosine', name, x, known)));
      expect(outcome(() => checkOptionsTrusted('cosine', x, known))).toEqual(outcome(() => checkOptions('cosine', x, known)));
    }),
  );
});

test('checkNumberTrusted does what checkNumber does for a function', () => {
  fc.assert(
    fc.property(fc.oneof(fc.double(), fc.string(), fc.constant(null)), (x) => {
      const valid = (n: number): boolean => n >= 0 && n < 1;
      expect(outcome(() => checkNumberTrusted('Adam', 'betas[0]', x, 'in [0, 1)', valid))).toEqual(
        outcome(() => checkNumber('Adam', 'betas[0]', x, 'in [0, 1)', valid)),
      );
    }),
  );
});

test('checkChoiceTrusted does what checkChoice does for a list of strings', () => {
  fc.assert(
    fc.property(fc.oneof(names, fc.integer(), fc.constant(null)), fc.uniqueArray(names), (x, choices) => {
      expect(outcome(() => checkChoiceTrusted('oneCycle', 'anneal', x, choices))).toEqual(
        outcome(() => checkChoice('oneCycle', 'anneal', x, choices)),
      );
    }),
  );
});

test('a trusted check still refuses a bad value, with the nearest key', () => {
  expect(() => checkKeysTrusted('cosine', { fianl: 0 }, ['initial', 'final'])).toThrow(
    new TypeError("cosine: unknown option 'fianl' (did you mean 'final'?); options are initial, final"),
  );
  expect(checkOptionsTrusted('moons', undefined, ['n'])).toEqual({});
});
