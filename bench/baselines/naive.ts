// The naive reference: a micrograd engine as most JavaScript ports write it (a closure per node
// for its backward rule, the operands in a `Set`, a recursive topological sort with a visited
// `Set` on every backward), and micrograd's demo model written with it. Kept plain on purpose:
// it is the "before" that the engine's speed is measured against. Do not optimise it.
import { withParameters, type Model, type Moons, type ParameterModel } from '../model.js';

export class NaiveValue {
  static created = 0;
  data: number;
  grad = 0;
  _backward: () => void = () => {};
  _prev: Set<NaiveValue>;
  _op: string;

  constructor(data: number, children: NaiveValue[] = [], op = '') {
    NaiveValue.created += 1;
    this.data = data;
    this._prev = new Set(children);
    this._op = op;
  }

  add(other: NaiveValue | number): NaiveValue {
    const o = other instanceof NaiveValue ? other : new NaiveValue(other);
    const out = new NaiveValue(this.data + o.data, [this, o], '+');
    out._backward = () => {
      this.grad += out.grad;
      o.grad += out.grad;
    };
    return out;
  }

  mul(other: NaiveValue | number): NaiveValue {
    const o = other instanceof NaiveValue ? other : new NaiveValue(other);
    const out = new NaiveValue(this.data * o.data, [this, o], '*');
    out._backward = () => {
      this.grad += o.data * out.grad;
      o.grad += this.data * out.grad;
    };
    return out;
  }

  relu(): NaiveValue {
    const out = new NaiveValue(this.data < 0 ? 0 : this.data, [this], 'ReLU');
    out._backward = () => {
      this.grad += (out.data > 0 ? 1 : 0) * out.grad;
    };
    return out;
  }

  backward(): void {
    const topo: NaiveValue[] = [];
    const visited = new Set<NaiveValue>();
    const build = (v: NaiveValue): void => {
      if (!visited.has(v)) {
        visited.add(v);
        for (const child of v._prev) build(child);
        topo.push(v);
      }
    };
    build(this);
    this.grad = 1;
    for (const v of topo.reverse()) v._backward();
  }
}

export type NaiveModel = ParameterModel<NaiveValue>;

export const naiveModel = (model: Model): NaiveModel => withParameters(model, (x) => new NaiveValue(x));

/**
 * One full-batch step of micrograd's demo: hinge loss mean(relu(1 - y·score)) + 1e-4·Σp², backward,
 * SGD. Sums run in the engine's order (Σ w·x from the first term, then + b; the losses, then · 1/n)
 * so that both give the same numbers. Returns the loss before the update.
 */
export function naiveStep(model: NaiveModel, data: Moons, lr: number): number {
  const losses: NaiveValue[] = [];
  for (let i = 0; i < data.x.length; i++) {
    let h: (NaiveValue | number)[] = data.x[i] as number[];
    model.layers.forEach((layer, l) => {
      h = layer.map(({ w, b }) => {
        let act = (w[0] as NaiveValue).mul(h[0] as NaiveValue | number);
        for (let j = 1; j < w.length; j++) act = act.add((w[j] as NaiveValue).mul(h[j] as NaiveValue | number));
        act = act.add(b);
        return l === model.layers.length - 1 ? act : act.relu();
      });
    });
    losses.push((h[0] as NaiveValue).mul(-(data.y[i] as number)).add(1).relu());
  }
  let total = new NaiveValue(0);
  for (const loss of losses) total = total.add(loss);
  const dataLoss = total.mul(1 / losses.length);
  let squares = new NaiveValue(0);
  for (const p of model.parameters) squares = squares.add(p.mul(p));
  const loss = dataLoss.add(squares.mul(1e-4));
  for (const p of model.parameters) p.grad = 0;
  loss.backward();
  for (const p of model.parameters) p.data -= lr * p.grad;
  return loss.data;
}
