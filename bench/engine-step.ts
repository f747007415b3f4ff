// micrograd's demo step written in plain @etagrad/autograd ops (not nn's layers): a neuron is one
// `dot` node plus a bias, the data enter the first `dot` as plain numbers.
import { dot, mean, sum, Value, zeroGrad, type Operand } from '@etagrad/autograd';
import { withParameters, type Model, type Moons, type ParameterModel } from './model.js';

export type EngineModel = ParameterModel<Value>;

export const engineModel = (model: Model): EngineModel => withParameters(model, (x) => new Value(x));

/** The loss node of the demo: mean(relu(1 - y·score)) + 1e-4·Σp². */
export function engineLoss(model: EngineModel, data: Moons): Value {
  const last = model.layers.length - 1;
  const losses: Value[] = [];
  for (let i = 0; i < data.x.length; i++) {
    let h: readonly Operand[] = data.x[i] as number[];
    for (let l = 0; l <= last; l++) {
      const layer = model.layers[l] as EngineModel['layers'][number];
      const out: Value[] = [];
      for (const { w, b } of layer) {
        const act = dot(w, h).add(b);
        out.push(l === last ? act : act.relu());
      }
      h = out;
    }
    losses.push((h[0] as Value).mul(-(data.y[i] as number)).add(1).relu());
  }
  const squares: Value[] = [];
  for (const p of model.parameters) squares.push(p.mul(p));
  return mean(losses).add(sum(squares).mul(1e-4));
}

/** One step: forward, backward, SGD update. Returns the loss before the update. */
export function engineStep(model: EngineModel, data: Moons, lr: number): number {
  const loss = engineLoss(model, data);
  zeroGrad(model.parameters);
  loss.backward();
  for (const p of model.parameters) p.data -= lr * p.grad;
  return loss.data;
}
