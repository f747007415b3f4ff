// The floor: micrograd's demo step written out by hand over plain arrays, with no graph at all:
// forward, the chain rule worked out per layer, SGD. No graph engine can beat this; the bench
// reports how close the engine comes. Same sums in the same order as the engine's step.
import type { Model, Moons } from '../model.js';

export interface HandModel {
  w: number[][][];
  b: number[][];
  gw: number[][][];
  gb: number[][];
  /** Per layer: outputs (after ReLU except the last), and their gradients; made once. */
  out: number[][];
  dout: number[][];
}

export function handModel(model: Model): HandModel {
  const w = model.layers.map((layer) => layer.map((n) => [...n.w]));
  const b = model.layers.map((layer) => layer.map((n) => n.b));
  return {
    w,
    b,
    gw: w.map((layer) => layer.map((row) => row.map(() => 0))),
    gb: b.map((layer) => layer.map(() => 0)),
    out: b.map((layer) => layer.map(() => 0)),
    dout: b.map((layer) => layer.map(() => 0)),
  };
}

const at = <T>(xs: readonly T[], i: number): T => xs[i] as T; // every index below is in range by the loops

export function handStep(m: HandModel, data: Moons, lr: number): number {
  const last = m.w.length - 1;
  const n = data.x.length;
  for (let l = 0; l <= last; l++) {
    for (const row of at(m.gw, l)) row.fill(0);
    at(m.gb, l).fill(0);
  }
  let lossSum = 0;
  for (let i = 0; i < n; i++) {
    const x = at(data.x, i);
    // forward
    for (let l = 0; l <= last; l++) {
      const input = l === 0 ? x : at(m.out, l - 1);
      const weights = at(m.w, l);
      const biases = at(m.b, l);
      const out = at(m.out, l);
      for (let k = 0; k < weights.length; k++) {
        const row = at(weights, k);
        let s = 0;
        for (let j = 0; j < row.length; j++) s += at(row, j) * at(input, j);
        s += at(biases, k);
        out[k] = l === last || s >= 0 ? s : 0;
      }
    }
    const y = at(data.y, i);
    const margin = at(at(m.out, last), 0) * -y + 1;
    const loss = margin < 0 ? 0 : margin;
    lossSum += loss;
    // backward: ∂mean/∂loss_i = 1/n, through relu and · (-y)
    at(m.dout, last)[0] = (loss > 0 ? 1 : 0) * (1 / n) * -y;
    for (let l = last; l >= 0; l--) {
      const input = l === 0 ? x : at(m.out, l - 1);
      const weights = at(m.w, l);
      const out = at(m.out, l);
      const dout = at(m.dout, l);
      const dinput = l === 0 ? null : at(m.dout, l - 1);
      if (dinput !== null) dinput.fill(0);
      for (let k = 0; k < weights.length; k++) {
        const g = l === last || at(out, k) > 0 ? at(dout, k) : 0;
        if (g === 0) continue;
        const row = at(weights, k);
        const grow = at(at(m.gw, l), k);
        at(m.gb, l)[k] = at(at(m.gb, l), k) + g;
        for (let j = 0; j < row.length; j++) {
          grow[j] = at(grow, j) + g * at(input, j);
          if (dinput !== null) dinput[j] = at(dinput, j) + g * at(row, j);
        }
      }
    }
  }
  // 1e-4 Σ p², summed from 0 in the order w..., b per neuron; ∂/∂p = 2 · 1e-4 · p
  let squares = 0;
  for (let l = 0; l <= last; l++) {
    const weights = at(m.w, l);
    for (let k = 0; k < weights.length; k++) {
      const row = at(weights, k);
      const grow = at(at(m.gw, l), k);
      for (let j = 0; j < row.length; j++) {
        const p = at(row, j);
        squares += p * p;
        grow[j] = at(grow, j) + 1e-4 * p + 1e-4 * p;
      }
      const p = at(at(m.b, l), k);
      squares += p * p;
      at(m.gb, l)[k] = at(at(m.gb, l), k) + 1e-4 * p + 1e-4 * p;
    }
  }
  const total = lossSum / n + squares * 1e-4;
  for (let l = 0; l <= last; l++) {
    const weights = at(m.w, l);
    for (let k = 0; k < weights.length; k++) {
      const row = at(weights, k);
      const grow = at(at(m.gw, l), k);
      for (let j = 0; j < row.length; j++) row[j] = at(row, j) - lr * at(grow, j);
      at(m.b, l)[k] = at(at(m.b, l), k) - lr * at(at(m.gb, l), k);
    }
  }
  return total;
}
