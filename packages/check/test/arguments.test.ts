import { expect, test } from 'vitest';
import {
  checkChoice,
  checkInteger,
  checkKeys,
  checkNumber,
  checkOptions,
  closest,
  editDistance,
  mustBe,
  prefixed,
} from '@etagrad/check';

// Each export refuses a bad argument of its own in the one format, naming itself and the
// argument, instead of a raw JS error ("Cannot read properties of null") or a silent pass.

test('checkNumber refuses a rule that is not a function', () => {
  expect(() => checkNumber('Adam', 'lr', 1, 'in [0, 1)', null as never)).toThrow(
    new TypeError('checkNumber: valid must be a function, got null'),
  );
  expect(() => (checkNumber as (...args: unknown[]) => number)(null, null, 1)).toThrow(
    new TypeError('checkNumber: valid must be a function, got undefined'),
  );
});

test('checkInteger refuses a minimum that is not a safe integer', () => {
  expect(() => checkInteger('MLP', 'sizes[0]', 1, null as never)).toThrow(
    new TypeError('checkInteger: min must be a number, got null'),
  );
  expect(() => checkInteger('MLP', 'sizes[0]', 1, 0.5)).toThrow(
    new RangeError('checkInteger: min must be a safe integer, got 0.5'),
  );
});

test('checkChoice refuses choices that are not an array of strings', () => {
  expect(() => checkChoice('oneCycle', 'anneal', 'cos', null as never)).toThrow(
    new TypeError('checkChoice: choices must be an array of strings, got null'),
  );
  expect(() => checkChoice('oneCycle', 'anneal', 'cos', [1] as never)).toThrow(
    new TypeError('checkChoice: choices must be an array of strings, got an array of length 1'),
  );
});

test('checkKeys refuses what is not an object, and a key list it cannot read even with no key to check', () => {
  expect(() => (checkKeys as (...args: unknown[]) => void)(null)).toThrow(
    new TypeError('checkKeys: known must be an array of strings, got undefined'),
  );
  expect(() => checkKeys('cosine', 'options', null as never, ['steps'])).toThrow(
    new TypeError('cosine: options must be an object, got null'),
  );
  expect(() => checkKeys('cosine', 'options', {}, undefined as never)).toThrow(
    new TypeError('checkKeys: known must be an array of strings, got undefined'),
  );
});

test('checkOptions refuses a key list it cannot read, even for omitted options', () => {
  expect(() => checkOptions('moons', undefined, null as never)).toThrow(
    new TypeError('checkOptions: known must be an array of strings, got null'),
  );
});

test('closest and editDistance refuse what is not a word', () => {
  expect(() => closest(null as never, null as never)).toThrow(new TypeError('closest: given must be a string, got null'));
  expect(() => closest('fianl', null as never)).toThrow(
    new TypeError('closest: known must be an array of strings, got null'),
  );
  expect(() => closest('fianl', ['final', 3] as never)).toThrow(
    new TypeError('closest: known must be an array of strings, got an array of length 2'),
  );
  expect(() => editDistance(null as never, null as never)).toThrow(new TypeError('editDistance: a must be a string, got null'));
  expect(() => editDistance('a', 5 as never)).toThrow(new TypeError('editDistance: b must be a string, got 5'));
});

test('prefixed refuses a prefix that is not a string', () => {
  expect(() => prefixed(new RangeError('x'), undefined as never)).toThrow(
    new TypeError('prefixed: prefix must be a string, got undefined'),
  );
});

test('mustBe makes the one format, a TypeError unless told', () => {
  expect(mustBe('Adam', 'betas[0]', 'in [0, 1)', '1.2', RangeError)).toEqual(
    new RangeError('Adam: betas[0] must be in [0, 1), got 1.2'),
  );
  expect(mustBe('Adam', 'lr', 'a number', "'x'")).toBeInstanceOf(TypeError);
});
