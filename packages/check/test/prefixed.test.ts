import { expect, test } from 'vitest';
import { prefixed } from '@etagrad/check';

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
