import { expect, test } from 'vitest';
import { prefixed, thrownMessage } from '@etagrad/check';

test('prefixed keeps the kind of error, puts the place first and keeps the cause', () => {
  const inner = new RangeError('cosine: steps must be a positive integer, got 0');
  const outer = prefixed(inner, 'spec.inner');
  expect(outer).toEqual(new RangeError('spec.inner: cosine: steps must be a positive integer, got 0'));
  expect(outer).toBeInstanceOf(RangeError);
  expect(outer.cause).toBe(inner);
  expect(prefixed(new TypeError('a'), 'p')).toBeInstanceOf(TypeError);
  expect(prefixed(new SyntaxError('a'), 'p')).toBeInstanceOf(SyntaxError);
  expect(prefixed('text', 'p')).toEqual(new Error('p: text'));
});

test('prefixed never throws for a thrown value that cannot be made text', () => {
  // String() throws for an object without a prototype and for a toString that throws: the
  // error about the error must still be made, naming the value by kind.
  const bare = Object.create(null) as object;
  expect(prefixed(bare, 'p')).toEqual(new Error('p: an object'));
  expect(prefixed(bare, 'p').cause).toBe(bare);
  const loud = { toString: () => { throw new Error('toString'); } };
  expect(prefixed(loud, 'p')).toEqual(new Error('p: an object'));
  expect(prefixed(Symbol('s'), 'p')).toEqual(new Error('p: Symbol(s)'));
  expect(prefixed(10n, 'p')).toEqual(new Error('p: 10'));
});

test('thrownMessage reads any thrown value, and never throws itself', () => {
  expect(thrownMessage(new RangeError('lr must be > 0'))).toBe('lr must be > 0');
  expect(thrownMessage('text')).toBe('text');
  expect(thrownMessage(undefined)).toBe('undefined');
  expect(thrownMessage(Object.create(null))).toBe('an object');
});
