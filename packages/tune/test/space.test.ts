import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { gridConfigs, sampleConfigs } from '../src/configs.js';
import { checkSpace } from '../src/space.js';
import { choice, logUniform, uniform } from '../src/index.js';

describe('checkSpace', () => {
  test('lists are choices; domains pass through', () => {
    expect(checkSpace('randomSearch', { lr: logUniform(1e-4, 1), batchSize: [8, 32] }, false)).toEqual([
      ['lr', { logUniform: [1e-4, 1] }],
      ['batchSize', { choice: [8, 32] }],
    ]);
  });

  test('refuses bad fields with their path, before any trial', () => {
    const refuse = (space: unknown, message: string, grid = false) =>
      expect(() => checkSpace(grid ? 'gridSearch' : 'randomSearch', space, grid)).toThrow(message);
    refuse({ lr: { logUniform: [0, 1] } }, 'randomSearch: space.lr: logUniform low must be > 0, got 0');
    refuse({ lr: { logUniform: [-1, 1] } }, 'randomSearch: space.lr: logUniform low must be > 0, got -1');
    refuse({ m: { uniform: [0.9, 0.5] } }, 'randomSearch: space.m: uniform high must be > low (0.9), got 0.5');
    refuse({ m: { uniform: [0, Infinity] } }, 'randomSearch: space.m: uniform high must be finite, got Infinity');
    refuse({ m: { uniform: [Number.NaN, 1] } }, 'randomSearch: space.m: uniform low must be finite, got NaN');
    refuse({ m: { uniform: [0] } }, 'randomSearch: space.m: uniform must be [low, high], two numbers, got an array of length 1');
    refuse({ b: { choice: [] } }, 'randomSearch: space.b: choice must hold at least one value, got an empty list');
    refuse({ b: [] }, 'randomSearch: space.b: choice must hold at least one value, got an empty list');
    refuse({ b: { choice: 3 } }, 'randomSearch: space.b: choice must be a list of values, got 3');
    refuse({ b: 3 }, 'randomSearch: space.b: must be a list of values, { uniform }, { logUniform } or { choice }, got 3');
    refuse({ b: { normal: [0, 1] } }, 'randomSearch: space.b: must be a list of values, { uniform }, { logUniform } or { choice }, got keys normal');
    refuse({ lr: { logUnifrom: [1e-4, 1] } }, "randomSearch: space.lr: must be a list of values, { uniform }, { logUniform } or { choice }, got keys logUnifrom (did you mean 'logUniform'?)");
    refuse({}, 'randomSearch: space must be an object with at least one hyperparameter, got an object');
    refuse({ lr: uniform(0, 1) }, 'gridSearch: space.lr: a grid search takes lists of values, got uniform', true);
    // What JSON would change (NaN to null, a Date to a string) would make a trial depend on what runs it.
    const json = 'must be plain JSON (finite numbers, strings, booleans, null, lists and plain objects of them), got';
    refuse({ lr: [0.1, Number.NaN] }, `gridSearch: space.lr: choice[1] ${json} NaN`, true);
    refuse({ b: { choice: [Infinity] } }, `randomSearch: space.b: choice[0] ${json} Infinity`);
    refuse({ b: [1, undefined] }, `randomSearch: space.b: choice[1] ${json} undefined`);
    refuse({ b: [10n] }, `randomSearch: space.b: choice[0] ${json} 10n`);
    refuse({ b: [new Date(0)] }, `randomSearch: space.b: choice[0] ${json} an object`);
    refuse({ b: [{ sizes: [16, Number.NaN] }] }, `randomSearch: space.b: choice[0] ${json} an object holding NaN`);
    const cycle: unknown[] = [1];
    cycle.push(cycle); // JSON.stringify throws on it; the check names it, no stack overflow
    refuse({ b: [cycle] }, `randomSearch: space.b: choice[0] ${json} an array of length 2`);
    expect(() => checkSpace('randomSearch', { b: { choice: [Number.NaN] } }, false)).toThrow(RangeError);
    expect(checkSpace('gridSearch', { b: [null, true, 'x', [1, { a: [] }], Object.create(null)] }, true)).toHaveLength(1);
    refuse({ schedule: ['constant(1)', 'cosine('] }, "randomSearch: space.schedule: choice[1] must be a schedule expression, got 'cosine(' (");
  });
});

describe('sampleConfigs', () => {
  const space = checkSpace('t', { lr: logUniform(1e-4, 1), m: uniform(0, 0.99), b: [8, 32, 100] }, false);

  test('the same seed gives the same configs; a longer search extends a shorter one', () => {
    expect(sampleConfigs(space, 5, 7)).toEqual(sampleConfigs(space, 5, 7));
    expect(sampleConfigs(space, 8, 7).slice(0, 5)).toEqual(sampleConfigs(space, 5, 7));
    expect(sampleConfigs(space, 5, 8)).not.toEqual(sampleConfigs(space, 5, 7));
  });

  test('every value lies in its domain', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), (seed) => {
        for (const config of sampleConfigs(space, 4, seed)) {
          const lr = config['lr'] as number;
          const m = config['m'] as number;
          expect(lr >= 1e-4 && lr < 1).toBe(true);
          expect(m >= 0 && m < 0.99).toBe(true);
          expect([8, 32, 100]).toContain(config['b']);
        }
      }),
    );
  });

  test('logUniform: each decade about as likely (log10 of 4000 draws from 1e-4..1 averages -2)', () => {
    const draws = sampleConfigs(checkSpace('t', { lr: logUniform(1e-4, 1) }, false), 4000, 3).map((c) => Math.log10(c['lr'] as number));
    const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
    // uniform on [-4, 0): mean -2, standard error 4 / sqrt(12 * 4000) ~ 0.018
    expect(Math.abs(mean + 2)).toBeLessThan(0.1);
  });
});

test('gridConfigs: every combination, the first hyperparameter slowest', () => {
  expect(gridConfigs(checkSpace('g', { lr: [0.1, 1], b: [8, 32, 64] }, true))).toEqual([
    { lr: 0.1, b: 8 },
    { lr: 0.1, b: 32 },
    { lr: 0.1, b: 64 },
    { lr: 1, b: 8 },
    { lr: 1, b: 32 },
    { lr: 1, b: 64 },
  ]);
});
