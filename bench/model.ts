// micrograd's demo, shared by every variant of the step: 100 moons points (labels ±1) and the
// initial weights of an MLP 2-16-16-1 (uniform in [-1, 1], biases 0, as micrograd draws them),
// both from fixed seeds so that every engine starts from the same numbers.
import { moons, rng } from '@etagrad/nn';

export interface Moons {
  x: number[][];
  /** Labels -1 and 1. */
  y: number[];
}

export interface Neuron {
  w: number[];
  b: number;
}

/** Layers of neurons; every layer but the last is followed by ReLU. */
export interface Model {
  layers: Neuron[][];
}

export const SIZES = [2, 16, 16, 1] as const;

export function demoData(seed = 1): Moons {
  const data = moons({ n: 100, noise: 0.1, seed });
  return { x: data.x, y: data.y.map((label) => label * 2 - 1) };
}

export function demoModel(seed = 2, sizes: readonly number[] = SIZES): Model {
  const generator = rng(seed);
  const layers: Neuron[][] = [];
  for (let l = 1; l < sizes.length; l++) {
    const layer: Neuron[] = [];
    for (let n = 0; n < (sizes[l] as number); n++) {
      layer.push({ w: Array.from({ length: sizes[l - 1] as number }, () => generator.uniform(-1, 1)), b: 0 });
    }
    layers.push(layer);
  }
  return { layers };
}

/** A model's numbers made into an engine's parameters, in micrograd's order (per neuron: w..., b). */
export interface ParameterModel<V> {
  layers: { w: V[]; b: V }[][];
  parameters: V[];
}

export function withParameters<V>(model: Model, make: (x: number) => V): ParameterModel<V> {
  const parameters: V[] = [];
  const layers = model.layers.map((layer) =>
    layer.map((neuron) => {
      const w = neuron.w.map(make);
      const b = make(neuron.b);
      parameters.push(...w, b);
      return { w, b };
    }),
  );
  return { layers, parameters };
}

/** micrograd's demo learning rate at step k of 100: 1 - 0.9 k / 100. */
export const demoLr = (k: number): number => 1 - (0.9 * k) / 100;
