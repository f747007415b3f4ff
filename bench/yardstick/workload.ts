// The yardstick's workload (../shared/yardstick/harness.mjs: `X`, `y` of ±1, `init.layers` of
// `{ w: number[][], b: number[] }`) as bench's Model and Moons, and the trainer interface it times.
import type { Model, Moons } from '../model.js';

export interface Workload {
  X: number[][];
  y: number[];
  init: { sizes: number[]; layers: { w: number[][]; b: number[] }[] };
  alpha: number;
}

/** What compare.mjs times: one full step (forward, backward, SGD) and a reset to the initial weights. */
export interface Trainer {
  step(k: number, lr: number): { loss: number; acc: number };
  reset(): void;
  nodesPerStep(): number | null;
}

export const modelOf = (workload: Workload): Model => ({
  layers: workload.init.layers.map((layer) => layer.w.map((w, j) => ({ w: [...w], b: layer.b[j] as number }))),
});

export const dataOf = (workload: Workload): Moons => ({ x: workload.X, y: workload.y });

/** The share of points whose score has the sign of their label (micrograd's accuracy). */
export function accuracy(scores: readonly number[], y: readonly number[]): number {
  let correct = 0;
  for (let i = 0; i < y.length; i++) if ((y[i] as number) > 0 === (scores[i] as number) > 0) correct++;
  return correct / y.length;
}
