// micrograd's demo step written in plain @etagrad/autograd ops (not nn's layers): a neuron is one
// `dot` node plus a bias, the data enter the first `dot` as plain numbers.
import { dot, mean, sum, toDot, Value, zeroGrad, type Operand } from '@etagrad/autograd';
import { withParameters, type Model, type Moons, type ParameterModel } from './model.js';

export type EngineModel = ParameterModel<Value>;

export const engineModel = (model: Model): EngineModel => withParameters(model, (x) => new Value(x));

/** One point's score: the MLP on the coordinates `x` (numbers, or Values in a trace). */
export function engineScore(model: EngineModel, x: readonly Operand[]): Value {
  const last = model.layers.length - 1;
  let h = x;
  for (let l = 0; l <= last; l++) {
    const layer = model.layers[l] as EngineModel['layers'][number];
    const out: Value[] = [];
    for (const { w, b } of layer) {
      const act = dot(w, h).add(b);
      out.push(l === last ? act : act.relu());
    }
    h = out;
  }
  return h[0] as Value;
}

/** A point's hinge loss, `relu(1 - y·score)` for its label `y` (±1). */
export const engineHinge = (score: Value, y: number): Value => score.mul(-y).add(1).relu();

/** The weight decay term of the demo's loss, `1e-4·Σp²`. */
export const engineDecay = (parameters: readonly Value[]): Value => sum(parameters.map((p) => p.mul(p))).mul(1e-4);

/** The demo's graph: the loss node, mean(relu(1 - y·score)) + 1e-4·Σp², and each point's score. */
export function engineGraph(
  model: EngineModel,
  data: { x: readonly (readonly Operand[])[]; y: readonly number[] },
): { loss: Value; scores: Value[] } {
  const scores: Value[] = [];
  const losses: Value[] = [];
  for (let i = 0; i < data.x.length; i++) {
    const score = engineScore(model, data.x[i] as readonly Operand[]);
    scores.push(score);
    losses.push(engineHinge(score, data.y[i] as number));
  }
  return { loss: mean(losses).add(engineDecay(model.parameters)), scores };
}

/** The loss node of the demo (see {@link engineGraph}). */
export const engineLoss = (model: EngineModel, data: Moons): Value => engineGraph(model, data).loss;

/** Op nodes in the graph under `root` (leaves excluded): one ellipse per op in toDot. Slow: not for timed code. */
export const opNodes = (root: Value): number => toDot(root).split('shape=ellipse').length - 1;

/** One step: forward, backward, SGD update. Returns the loss before the update. */
export function engineStep(model: EngineModel, data: Moons, lr: number): number {
  const loss = engineLoss(model, data);
  zeroGrad(model.parameters);
  loss.backward();
  for (const p of model.parameters) p.data -= lr * p.grad;
  return loss.data;
}
