import type { Value } from '@etagrad/autograd';
import { mustBe, show } from './check.js';
import { checkInput, Module, toValue, type Input } from './module.js';

/**
 * Modules applied in order, each to the previous one's output (PyTorch's `nn.Sequential`).
 * Sub-module i is named `layers.i`, so its parameters read `layers.0.weight.3.1`.
 *
 * @example
 * const net = new Sequential(new Linear(2, 16), new ReLU(), new Linear(16, 1));
 * net.forward([0.5, -1]); // [Value]
 */
export class Sequential extends Module {
  readonly layers: readonly Module[];

  /**
   * A container that applies `layers` in order.
   *
   * @param layers - the modules, in the order they apply
   */
  constructor(...layers: Module[]) {
    super();
    layers.forEach((layer: unknown, i) => {
      if (!(layer instanceof Module)) throw mustBe(new.target.name, `layers[${i}]`, 'a Module', show(layer));
    });
    this.layers = layers; // a public field: Module finds the layers, as `layers.<i>`
  }

  /**
   * Each layer on the previous one's output (the input itself when there are none).
   *
   * @param x - one sample: numbers or `Value`s
   */
  forward(x: Input): Value[] {
    if (this.layers.length === 0) return checkInput(this.constructor.name, x).map(toValue); // identity
    return this.layers.reduce<Input>((out, layer) => layer.forward(out), x) as Value[];
  }
}
