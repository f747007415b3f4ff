import fc from 'fast-check';
import { expect, test } from 'vitest';
import { closest, editDistance } from '@etagrad/check';

test('editDistance counts a swap of neighbours as one edit', () => {
  expect(editDistance('fianl', 'final')).toBe(1);
  expect(editDistance('', 'abc')).toBe(3);
  expect(editDistance('kitten', 'sitting')).toBe(3); // k->s, e->i, +g
});

test('editDistance is zero exactly between equal words, and symmetric', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), (a, b) => {
      expect(editDistance(a, b) === 0).toBe(a === b);
      expect(editDistance(a, b)).toBe(editDistance(b, a));
      expect(editDistance(a, b)).toBeLessThanOrEqual(Math.max(a.length, b.length));
    }),
  );
});

test('closest finds the misspelt option names users wrote', () => {
  expect(closest('patiance', ['monitor', 'patience', 'minDelta'])).toBe('patience');
  expect(closest('nosie', ['samples', 'noise', 'seed'])).toBe('noise');
  expect(closest('batch_size', ['batchSize', 'shuffle'])).toBe('batchSize');
  expect(closest('lr_decay', ['lr', 'lrDecay'])).toBe('lrDecay');
  expect(closest('resume', ['resumeFrom', 'epochs'])).toBe('resumeFrom');
});

test('closest gives nothing for a name far from every known one', () => {
  expect(closest('speed', ['initial', 'steps', 'final'])).toBeUndefined();
  expect(closest('x', [])).toBeUndefined();
});

test('closest answers at once for a huge name', () => {
  expect(closest('x'.repeat(10_000_000), ['initial', 'steps', 'final'])).toBeUndefined();
});
