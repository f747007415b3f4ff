// Parity with PyTorch's schedulers, worked from PyTorch's published algorithms (written out here,
// independently of this package's code): OneCycleLR's phases (three_phase too) under the
// documented step mapping, CyclicLR's step_size_down, ReduceLROnPlateau's eps, and where cosine
// departs on purpose.

import { describe, expect, test } from 'vitest';
import { cosine, cyclic, oneCycle, reduceOnPlateau, reduceOnPlateauFromState } from '@etagrad/sched';

const annealCos = (start: number, end: number, pct: number) => end + ((start - end) / 2) * (Math.cos(Math.PI * pct) + 1);

/** PyTorch's OneCycleLR.get_lr at step `step` (its last_epoch), anneal_strategy 'cos'. */
function pytorchOneCycle(maxLr: number, totalSteps: number, pctStart: number, threePhase: boolean, step: number): number {
  const initial = maxLr / 25;
  const min = initial / 1e4;
  const phases = threePhase
    ? [
        { end: pctStart * totalSteps - 1, from: initial, to: maxLr },
        { end: 2 * pctStart * totalSteps - 2, from: maxLr, to: initial },
        { end: totalSteps - 1, from: initial, to: min },
      ]
    : [
        { end: pctStart * totalSteps - 1, from: initial, to: maxLr },
        { end: totalSteps - 1, from: maxLr, to: min },
      ];
  let start = 0;
  for (const [i, phase] of phases.entries()) {
    if (step <= phase.end || i === phases.length - 1) return annealCos(phase.from, phase.to, (step - start) / (phase.end - start));
    start = phase.end;
  }
  throw new Error('unreachable');
}

describe('oneCycle and PyTorch OneCycleLR', () => {
  test.each([false, true])('agree at every step under the documented mapping (threePhase %s)', (threePhase) => {
    const n = 100;
    const pct = 0.3;
    const lr = oneCycle({ max: 0.1, steps: n - 1, pctStart: (pct * n - 1) / (n - 1), threePhase });
    for (let t = 0; t < n; t++) expect(lr(t)).toBeCloseTo(pytorchOneCycle(0.1, n, pct, threePhase, t), 12);
  });

  test('threePhase comes back to the start at twice the rise, then falls to the end', () => {
    const lr = oneCycle({ max: 0.1, steps: 1000, pctStart: 0.25, threePhase: true });
    expect(lr(250)).toBe(0.1);
    expect(lr(500)).toBeCloseTo(0.004, 15); // back at max / divFactor
    expect(lr(375)).toBeCloseTo(0.052, 15); // halfway down: (0.1 + 0.004) / 2
    expect(lr(1000)).toBe(0.004 / 1e4);
  });

  test('threePhase refuses pctStart of 0.5 or more', () => {
    expect(() => oneCycle({ max: 0.1, steps: 100, pctStart: 0.5, threePhase: true })).toThrow(
      new RangeError('oneCycle: pctStart must be < 0.5 when threePhase is true, got 0.5'),
    );
    expect(() => oneCycle({ max: 0.1, steps: 100, threePhase: 1 as unknown as boolean })).toThrow(
      new TypeError('oneCycle: threePhase must be a boolean, got 1'),
    );
  });
});

/** PyTorch's CyclicLR.get_lr ('triangular'), base_lr, max_lr, step_size_up, step_size_down. */
function pytorchCyclic(base: number, max: number, up: number, down: number, step: number): number {
  const total = up + down;
  const ratio = up / total;
  const cycle = Math.floor(1 + step / total);
  const x = 1 + step / total - cycle;
  const scale = x <= ratio ? x / ratio : (x - 1) / (ratio - 1);
  return base + (max - base) * scale;
}

describe('cyclic stepSizeDown and PyTorch CyclicLR step_size_down', () => {
  test('agree at every step of three cycles', () => {
    const lr = cyclic({ min: 0.001, max: 0.1, stepSize: 20, stepSizeDown: 60 });
    for (let t = 0; t < 240; t++) expect(lr(t)).toBeCloseTo(pytorchCyclic(0.001, 0.1, 20, 60, t), 12);
  });

  test('rises in stepSize steps and falls in stepSizeDown', () => {
    const lr = cyclic({ min: 0, max: 1, stepSize: 2, stepSizeDown: 6 });
    expect([0, 1, 2, 5, 8].map((t) => lr(t))).toEqual([0, 0.5, 1, 0.5, 0]); // t = 5: 3 of 6 steps down
  });

  test('stepSizeDown equal to stepSize changes nothing, bit for bit', () => {
    const plain = cyclic({ min: 0.001, max: 0.1, stepSize: 7, shape: 'triangular2' });
    const given = cyclic({ min: 0.001, max: 0.1, stepSize: 7, stepSizeDown: 7, shape: 'triangular2' });
    for (let t = 0; t < 100; t++) expect(given(t)).toBe(plain(t));
  });

  test('triangular2 halves each whole cycle of stepSize + stepSizeDown', () => {
    const lr = cyclic({ min: 0, max: 1, stepSize: 2, stepSizeDown: 6, shape: 'triangular2' });
    expect(lr(10)).toBe(0.5); // second cycle's peak
  });

  test('refuses a stepSizeDown that is not a positive integer', () => {
    expect(() => cyclic({ min: 0, max: 1, stepSize: 2, stepSizeDown: 0 })).toThrow(
      new RangeError('cyclic: stepSizeDown must be a positive integer, got 0'),
    );
  });
});

describe('reduceOnPlateau eps, as PyTorch ReduceLROnPlateau', () => {
  test('a cut of eps or less is skipped, and the cooldown and count restart anyway', () => {
    // PyTorch: new = max(old * factor, min); applied only if old - new > eps.
    const skipped = reduceOnPlateau({ patience: 0, factor: 0.5, eps: 0.5 });
    skipped.observe(1);
    expect(skipped.observe(2)).toBe(1); // cut 1 -> 0.5 is 0.5, not more than eps
    const applied = reduceOnPlateau({ patience: 0, factor: 0.5, eps: 0.49 });
    applied.observe(1);
    expect(applied.observe(2)).toBe(0.5);
  });

  test('the default eps (1e-8) skips the cuts at minScale', () => {
    const plateau = reduceOnPlateau({ patience: 0, factor: 0.5, minScale: 0.25 });
    const multipliers = [3, 4, 5, 6, 7].map((m) => plateau.observe(m));
    expect(multipliers).toEqual([1, 0.5, 0.25, 0.25, 0.25]);
    expect(plateau.state().options.eps).toBe(1e-8);
  });

  test('a state saved before eps existed resumes with the default', () => {
    const { eps: _eps, ...options } = reduceOnPlateau().state().options;
    const state = { ...reduceOnPlateau().state(), options };
    expect(reduceOnPlateauFromState(state).state().options.eps).toBe(1e-8);
  });

  test('refuses a negative eps', () => {
    expect(() => reduceOnPlateau({ eps: -1 })).toThrow(new RangeError('reduceOnPlateau: eps must be a finite number >= 0, got -1'));
  });
});

describe('cosine after its steps departs from PyTorch on purpose', () => {
  test('holds final where PyTorch CosineAnnealingLR rises again', () => {
    const lr = cosine({ initial: 0.1, steps: 100 });
    // PyTorch: 0 + 0.1 (1 + cos(pi * 150 / 100)) / 2 = 0.05 at 150, 0.1 at 200; here 0.
    expect([lr(150), lr(200)]).toEqual([0, 0]);
  });
});
