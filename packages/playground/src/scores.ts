// The model's score for many points from a snapshot of its weights, in plain arithmetic: the
// heatmap's 10,000 pixels and the accuracy need no graph (and must not build one per pixel).
import type { StateDict } from '@etagrad/nn';
import type { ActivationChoice } from './config.js';

/** One Linear layer of a snapshot: `weight[j * nIn + i]` from input i to output j. */
interface DenseLayer {
  readonly nIn: number;
  readonly nOut: number;
  readonly weight: Float64Array;
  readonly bias: Float64Array;
}

/** The layers of an MLP's snapshot, in order, with the hidden activation between them. */
export interface Snapshot {
  readonly layers: readonly DenseLayer[];
  readonly activation: ActivationChoice;
}

// The same functions as autograd's ops (leakyRelu with nn's default slope 0.01).
const activate: Record<ActivationChoice, (a: number) => number> = {
  relu: (a) => (a > 0 ? a : 0),
  tanh: (a) => Math.tanh(a),
  sigmoid: (a) => 1 / (1 + Math.exp(-a)),
  leakyRelu: (a) => (a > 0 ? a : 0.01 * a),
};

/**
 * A snapshot of nn's `MLP` state (Linear layers at even Sequential indices).
 *
 * @param state - `model.stateDict()`
 * @param activation - the hidden activation
 */
export function snapshotOf(state: StateDict, activation: ActivationChoice): Snapshot {
  const layers: DenseLayer[] = [];
  for (let i = 0; ; i += 2) {
    const weight = state.parameters[`layers.${i}.weight`];
    const bias = state.parameters[`layers.${i}.bias`];
    if (weight === undefined || bias === undefined) break;
    const [nOut = 0, nIn = 0] = weight.shape;
    layers.push({ nIn, nOut, weight: Float64Array.from(weight.data), bias: Float64Array.from(bias.data) });
  }
  return { layers, activation };
}

/**
 * The scores (the last layer's single output) of `count` points `(xs[k], ys[k])`, into `out`.
 *
 * @param snapshot - the weights
 * @param xs - first coordinates
 * @param ys - second coordinates
 * @param out - receives one score per point
 */
export function scoreInto(snapshot: Snapshot, xs: ArrayLike<number>, ys: ArrayLike<number>, out: Float32Array | Float64Array): void {
  const widest = Math.max(2, ...snapshot.layers.map((l) => l.nOut));
  let input = new Float64Array(widest);
  let output = new Float64Array(widest);
  const f = activate[snapshot.activation];
  const last = snapshot.layers.length - 1;
  for (let k = 0; k < out.length; k++) {
    input[0] = xs[k] ?? 0;
    input[1] = ys[k] ?? 0;
    snapshot.layers.forEach((layer, l) => {
      for (let j = 0; j < layer.nOut; j++) {
        let sum = 0;
        for (let i = 0; i < layer.nIn; i++) sum += (layer.weight[j * layer.nIn + i] ?? 0) * (input[i] ?? 0);
        const a = sum + (layer.bias[j] ?? 0);
        output[j] = l === last ? a : f(a);
      }
      [input, output] = [output, input];
    });
    out[k] = input[0] ?? 0;
  }
}

/** The square the heatmap covers: the data's bounding box with a margin. */
export interface Bounds {
  readonly xMin: number;
  readonly xMax: number;
  readonly yMin: number;
  readonly yMax: number;
}

/**
 * The data's bounding box grown by a quarter of its size on each side (at least ±1.5 around the middle).
 *
 * @param x - the points
 */
export function boundsOf(x: readonly (readonly number[])[]): Bounds {
  const xs = x.map((p) => p[0] ?? 0);
  const ys = x.map((p) => p[1] ?? 0);
  const grow = (lo: number, hi: number): [number, number] => {
    const mid = (lo + hi) / 2;
    const half = Math.max(((hi - lo) / 2) * 1.25, 1.5);
    return [mid - half, mid + half];
  };
  const [xMin, xMax] = xs.length === 0 ? [-1.5, 1.5] : grow(Math.min(...xs), Math.max(...xs));
  const [yMin, yMax] = ys.length === 0 ? [-1.5, 1.5] : grow(Math.min(...ys), Math.max(...ys));
  return { xMin, xMax, yMin, yMax };
}

/**
 * The scores on a `size`×`size` grid over `bounds`, row 0 at the top (largest y), as a canvas draws.
 *
 * @param snapshot - the weights
 * @param bounds - the square covered
 * @param size - pixels per side (default 100)
 */
export function gridScores(snapshot: Snapshot, bounds: Bounds, size = 100): Float32Array {
  const xs = new Float64Array(size * size);
  const ys = new Float64Array(size * size);
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      xs[row * size + col] = bounds.xMin + ((col + 0.5) / size) * (bounds.xMax - bounds.xMin);
      ys[row * size + col] = bounds.yMax - ((row + 0.5) / size) * (bounds.yMax - bounds.yMin);
    }
  }
  const out = new Float32Array(size * size);
  scoreInto(snapshot, xs, ys, out);
  return out;
}
