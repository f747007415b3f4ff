import { expect, test } from 'vitest';
import { show } from '@etagrad/check';

test('show writes short values as the user would and long ones by kind', () => {
  expect(show('0.1')).toBe("'0.1'");
  expect(show(-2.5)).toBe('-2.5');
  expect(show(NaN)).toBe('NaN');
  expect(show(true)).toBe('true');
  expect(show(null)).toBe('null');
  expect(show(undefined)).toBe('undefined');
  expect(show(5n)).toBe('5n');
  expect(show(Symbol('s'))).toBe('Symbol(s)');
  expect(show([1, 2, 3])).toBe('an array of length 3');
  expect(show({ lr: 1 })).toBe('an object');
  expect(show(() => 1)).toBe('a function');
});

test('show cuts a long string, keeping its start and its length', () => {
  // a value that is a whole file read as text must not fill the message
  expect(show('x'.repeat(60))).toBe(`'${'x'.repeat(60)}'`);
  expect(show('y'.repeat(10_000_000))).toBe(`'${'y'.repeat(60)}…' (10000000 characters)`);
});
