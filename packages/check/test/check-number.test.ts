import fc from 'fast-check';
import { expect, test } from 'vitest';
import {
  checkFinite,
  checkInteger,
  checkNonNegative,
  checkNonNegativeInteger,
  checkNumber,
  checkPositive,
  checkPositiveInteger,
} from '@etagrad/check';

const unit = (n: number) => n >= 0 && n < 1;

test('checkNumber returns a number its rule allows', () => {
  expect(checkNumber('Adam', 'betas[0]', 0.9, 'in [0, 1)', unit)).toBe(0.9);
});

test('checkNumber refuses a value outside its rule with a RangeError', () => {
  expect(() => checkNumber('Adam', 'betas[0]', 1.2, 'in [0, 1)', unit)).toThrow(
    new RangeError('Adam: betas[0] must be in [0, 1), got 1.2'),
  );
  expect(() => checkNumber('Adam', 'betas[0]', NaN, 'in [0, 1)', unit)).toThrow(
    new RangeError('Adam: betas[0] must be in [0, 1), got NaN'),
  );
});

test('checkNumber refuses a non-number with a TypeError showing the value', () => {
  expect(() => checkNumber('Adam', 'lr', '0.1', 'x', unit)).toThrow(new TypeError("Adam: lr must be a number, got '0.1'"));
  expect(() => checkNumber('Adam', 'lr', undefined, 'x', unit)).toThrow(new TypeError('Adam: lr must be a number, got undefined'));
  expect(() => checkNumber('Adam', 'lr', [1], 'x', unit)).toThrow(new TypeError('Adam: lr must be a number, got an array of length 1'));
});

test('the error classes are the ones the message promises', () => {
  expect(() => checkNumber('o', 'n', 'x', 'r', unit)).toThrow(TypeError);
  expect(() => checkNumber('o', 'n', 2, 'r', unit)).toThrow(RangeError);
});

test('checkFinite passes finite numbers and refuses NaN and infinities', () => {
  expect(checkFinite('xor', 'noise', -3)).toBe(-3);
  expect(() => checkFinite('xor', 'noise', Infinity)).toThrow(new RangeError('xor: noise must be a finite number, got Infinity'));
  expect(() => checkFinite('xor', 'noise', NaN)).toThrow(new RangeError('xor: noise must be a finite number, got NaN'));
});

test('checkNonNegative passes 0 and refuses negatives and Infinity', () => {
  expect(checkNonNegative('SGD', 'lr', 0)).toBe(0);
  expect(() => checkNonNegative('SGD', 'lr', -1)).toThrow(new RangeError('SGD: lr must be a finite number >= 0, got -1'));
  expect(() => checkNonNegative('SGD', 'lr', Infinity)).toThrow(new RangeError('SGD: lr must be a finite number >= 0, got Infinity'));
});

test('checkPositive refuses 0', () => {
  expect(checkPositive('huber', 'delta', 0.5)).toBe(0.5);
  expect(() => checkPositive('huber', 'delta', 0)).toThrow(new RangeError('huber: delta must be a finite number > 0, got 0'));
});

test('checkPositiveInteger refuses 0, fractions and unsafe integers', () => {
  expect(checkPositiveInteger('cosine', 'steps', 1)).toBe(1);
  expect(() => checkPositiveInteger('cosine', 'steps', 0)).toThrow(new RangeError('cosine: steps must be a positive integer, got 0'));
  expect(() => checkPositiveInteger('cosine', 'steps', 0.5)).toThrow(new RangeError('cosine: steps must be a positive integer, got 0.5'));
  expect(() => checkPositiveInteger('cosine', 'steps', 2 ** 53)).toThrow(
    new RangeError('cosine: steps must be a positive integer, got 9007199254740992'),
  );
});

test('checkNonNegativeInteger passes 0 and refuses -1', () => {
  expect(checkNonNegativeInteger('shift', 'steps', 0)).toBe(0);
  expect(() => checkNonNegativeInteger('shift', 'steps', -1)).toThrow(new RangeError('shift: steps must be an integer >= 0, got -1'));
});

test('checkInteger states its minimum', () => {
  expect(checkInteger('MLP', 'sizes[0]', 2, 2)).toBe(2);
  expect(() => checkInteger('MLP', 'sizes[0]', 1, 2)).toThrow(new RangeError('MLP: sizes[0] must be an integer >= 2, got 1'));
  expect(() => checkInteger('MLP', 'sizes[0]', 2.5, 2)).toThrow(new RangeError('MLP: sizes[0] must be an integer >= 2, got 2.5'));
});

test('every number rule returns exactly what it accepted', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 1e9 }), (n) => {
      for (const rule of [checkFinite, checkNonNegative, checkPositive, checkPositiveInteger, checkNonNegativeInteger]) {
        expect(rule('o', 'n', n)).toBe(n);
      }
    }),
  );
});
