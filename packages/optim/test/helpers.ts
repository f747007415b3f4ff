// Shared by the trajectory tests: fixed gradient sequences, a runner, and the prologue every
// PyTorch algorithm starts with (maximize, then L2 weight decay), written from the docs.
import { expect } from 'vitest';
import type { Optimizer, Param } from '@etagrad/optim';

/** Steps in each trajectory. */
export const STEPS = 20;

/**
 * Fixed gradient sequences, one per parameter, chosen to change sign and size:
 * g_k = 1.5·sin(1.3k + 0.4) and g_k = 0.8·cos(0.7k) − 0.3, k = 0..19.
 */
export const GRADIENTS: readonly (readonly number[])[] = [
  Array.from({ length: STEPS }, (_, k) => 1.5 * Math.sin(1.3 * k + 0.4)),
  Array.from({ length: STEPS }, (_, k) => 0.8 * Math.cos(0.7 * k) - 0.3),
];

/** The parameters' starting values. */
export const STARTS: readonly number[] = [1.5, -0.5];

/** Fresh plain-object parameters at `STARTS`. */
export const freshParams = (): Param[] => STARTS.map((data) => ({ data, grad: 0 }));

/**
 * Run an optimizer made on fresh parameters over the fixed gradients: the parameters' values
 * after each step, `out[k][i]`.
 */
export function run(make: (params: Param[]) => Optimizer, steps = STEPS): number[][] {
  const params = freshParams();
  const opt = make(params);
  const out: number[][] = [];
  for (let k = 0; k < steps; k++) {
    params.forEach((p, i) => (p.grad = GRADIENTS[i]?.[k] ?? 0));
    opt.step();
    opt.zeroGrad();
    out.push(params.map((p) => p.data));
  }
  return out;
}

/** A reference: one parameter's values after each step, from its start and its gradients. */
export type Reference = (theta0: number, gradients: readonly number[]) => number[];

/** Compare a run against a reference applied to each parameter, to 12 decimals. */
export function expectTrajectory(actual: number[][], reference: Reference): void {
  const expected = STARTS.map((theta0, i) => reference(theta0, GRADIENTS[i] ?? []));
  expect(actual).toHaveLength(STEPS);
  actual.forEach((row, k) =>
    row.forEach((value, i) => {
      expect(Number.isFinite(value)).toBe(true);
      expect(value).toBeCloseTo(expected[i]?.[k] ?? NaN, 12);
    }),
  );
}

/**
 * The first lines of PyTorch's documented algorithms: `if maximize: g ← −g`, then
 * `if λ ≠ 0: g ← g + λ·θ` (L2). Decoupled decay is instead `θ ← θ − γλθ` before the update.
 */
export function prologue(g: number, theta: number, weightDecay = 0, maximize = false): number {
  const signed = maximize ? -g : g;
  return signed + weightDecay * theta;
}
