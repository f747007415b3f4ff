import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { batches, rng, rngFromState, type Dataset } from '@etagrad/nn';

const numbered = (n: number): Dataset => ({ x: Array.from({ length: n }, (_, i) => [i]), y: Array.from({ length: n }, (_, i) => i) });
const orderOf = (it: Iterable<Dataset>) => [...it].map((b) => b.y);

describe('batches', () => {
  test('one epoch visits every sample once, in batches of batchSize and a smaller last one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 50 }), fc.integer(), (n, batchSize, seed) => {
        const parts = orderOf(batches(numbered(n), { batchSize, seed }));
        expect(parts).toHaveLength(Math.ceil(n / batchSize));
        for (const part of parts.slice(0, -1)) expect(part).toHaveLength(batchSize);
        expect(parts.flat().sort((a, b) => a - b)).toEqual(numbered(n).y);
      }),
      { numRuns: 100 },
    );
  });

  test('the three flavours: batchSize n is one batch, 1 is one sample per batch', () => {
    expect(orderOf(batches(numbered(6), { batchSize: 6, shuffle: false }))).toEqual([[0, 1, 2, 3, 4, 5]]);
    expect(orderOf(batches(numbered(3), { batchSize: 1, shuffle: false }))).toEqual([[0], [1], [2]]);
    expect(orderOf(batches(numbered(5), { batchSize: 2, shuffle: false }))).toEqual([[0, 1], [2, 3], [4]]);
  });

  test('dropLast leaves out the short last batch', () => {
    expect(orderOf(batches(numbered(5), { batchSize: 2, shuffle: false, dropLast: true }))).toEqual([[0, 1], [2, 3]]);
  });

  test('rows stay with their targets after shuffling', () => {
    for (const batch of batches(numbered(17), { batchSize: 4, seed: 3 })) {
      batch.y.forEach((label, i) => expect(batch.x[i]).toEqual([label]));
    }
  });

  test('the same seed gives the same batches; the default seed is fixed', () => {
    expect(orderOf(batches(numbered(30), { batchSize: 7, seed: 1 }))).toEqual(orderOf(batches(numbered(30), { batchSize: 7, seed: 1 })));
    expect(orderOf(batches(numbered(30), { batchSize: 7, seed: 1 }))).not.toEqual(orderOf(batches(numbered(30), { batchSize: 7, seed: 2 })));
    expect(orderOf(batches(numbered(30), { batchSize: 7 }))).toEqual(orderOf(batches(numbered(30), { batchSize: 7 })));
  });

  test('rng wins over seed, advances across epochs, and resumes from its saved state', () => {
    const data = numbered(30);
    expect(orderOf(batches(data, { batchSize: 30, seed: 99, rng: rng(1) }))).toEqual(orderOf(batches(data, { batchSize: 30, seed: 1 })));
    const r = rng(1);
    const first = orderOf(batches(data, { batchSize: 30, rng: r }));
    const saved = JSON.parse(JSON.stringify(r.state()));
    const second = orderOf(batches(data, { batchSize: 30, rng: r }));
    expect(second).not.toEqual(first);
    expect(orderOf(batches(data, { batchSize: 30, rng: rngFromState(saved) }))).toEqual(second);
  });

  test('the order is drawn when batches is called, not when iterated', () => {
    const r = rng(2);
    const epoch = batches(numbered(10), { batchSize: 10, rng: r });
    const stateAfterCall = r.state();
    [...epoch];
    expect(r.state()).toEqual(stateAfterCall);
  });

  test('bad options are refused at the call', () => {
    const data = numbered(5);
    expect(() => batches(data, { batchSize: 0 })).toThrow(new RangeError('batches: batchSize must be a positive integer, got 0'));
    expect(() => batches(data, { batchSize: 2.5 })).toThrow(new RangeError('batches: batchSize must be a positive integer, got 2.5'));
    expect(() => batches(data, undefined as never)).toThrow(new TypeError('batches: batchSize must be a number, got undefined'));
    expect(() => batches(data, { batchSize: 6, dropLast: true })).toThrow(
      new RangeError('batches: batchSize must be <= the number of samples (5) with dropLast, got 6'),
    );
    expect(() => batches({ x: [], y: [] }, { batchSize: 1 })).toThrow(new RangeError('batches: data must have at least one sample, got 0'));
    expect(() => batches(data, { batchSize: 1, shuffle: 'yes' as never })).toThrow(new TypeError("batches: shuffle must be a boolean, got 'yes'"));
    expect(() => batches(data, { batchSize: 1, seed: -0.5 })).toThrow(new RangeError('batches: seed must be a safe integer, got -0.5'));
  });

  test('seed and rng are checked without shuffle too', () => {
    // unused, but a bad one is still a mistake in the call: refused, not silently ignored
    const data = numbered(5);
    expect(() => batches(data, { batchSize: 1, shuffle: false, seed: -0.5 })).toThrow(
      new RangeError('batches: seed must be a safe integer, got -0.5'),
    );
    expect(() => batches(data, { batchSize: 1, shuffle: false, rng: 7 as never })).toThrow(
      new TypeError('batches: rng must be a generator from rng(seed), got 7'),
    );
    const r = rng(3);
    const before = r.state();
    expect([...batches(data, { batchSize: 5, shuffle: false, rng: r })][0]!.y).toEqual(data.y);
    expect(r.state()).toEqual(before); // nothing drawn
  });
});
