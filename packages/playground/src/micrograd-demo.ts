// The layout of micrograd-demo.json: bench/'s 100 moons points and the initial weights of its MLP 2-16-16-1.
import type { StateDict } from '@etagrad/nn';

/** Data (labels 0/1) and per-layer weights (row-major, `[out][in]`) and biases. */
export interface MicrogradDemo {
  readonly x: readonly (readonly number[])[];
  readonly y: readonly number[];
  readonly layers: readonly { readonly weight: readonly number[]; readonly bias: readonly number[] }[];
}

/**
 * The demo's weights as the `stateDict()` of nn's `MLP(2, [16, 16, 1])` (Linear layers at
 * Sequential indices 0, 2, 4, with a ReLU between).
 *
 * @param demo - the demo's numbers
 */
export function microgradStateDict(demo: MicrogradDemo): StateDict {
  const parameters: Record<string, { shape: number[]; data: number[] }> = {};
  let nIn = 2;
  demo.layers.forEach((layer, i) => {
    const nOut = layer.bias.length;
    parameters[`layers.${2 * i}.weight`] = { shape: [nOut, nIn], data: [...layer.weight] };
    parameters[`layers.${2 * i}.bias`] = { shape: [nOut], data: [...layer.bias] };
    nIn = nOut;
  });
  return { version: 1, parameters };
}
