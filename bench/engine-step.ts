// micrograd's demo step written in plain @etagrad/autograd ops (not nn's layers): a neuron is one
// `dot` node plus a bias, the data enter the first `dot` as plain numbers.
import { dot, mean, sum, toDot, Value, zeroGrad, type Operand } from '@etagrad/autograd';
import { withParameters, type Model, type Moons, type ParameterModel } from './model.js';

export type EngineModel = ParameterModel<Value>;

export const engineModel = (model: Model): EngineModel => withParameters(model, (x) => new Value(x));

/** What the step asks of a value type: micrograd's three methods. */
export interface StepValue<V> {
  add(other: V | number): V;
  mul(other: V | number): V;
  relu(): V;
}

/** What the step asks of an engine: its n-ary ops over its value type. */
export interface StepOps<V> {
  dot(ws: readonly V[], xs: readonly (V | number)[]): V;
  sum(values: readonly V[]): V;
  mean(values: readonly V[]): V;
}

/**
 * The demo step's graph written once for any engine with micrograd's API (`ops` and `V`'s
 * methods), in one op order: `score` (one point's MLP on its coordinates, numbers or values),
 * `hinge` (`relu(1 - y·score)` for a label ±1), `decay` (`1e-4·Σp²`), and `graph` (the loss
 * `mean(hinges) + decay` and each point's score).
 */
export function stepFunctions<V extends StepValue<V>>({ dot: dotOf, sum: sumOf, mean: meanOf }: StepOps<V>) {
  const score = (model: ParameterModel<V>, x: readonly (V | number)[]): V => {
    const last = model.layers.length - 1;
    let h = x;
    for (let l = 0; l <= last; l++) {
      const layer = model.layers[l] as ParameterModel<V>['layers'][number];
      const out: V[] = [];
      for (const { w, b } of layer) {
        const act = dotOf(w, h).add(b);
        out.push(l === last ? act : act.relu());
      }
      h = out;
    }
    return h[0] as V;
  };
  const hinge = (s: V, y: number): V => s.mul(-y).add(1).relu();
  const decay = (parameters: readonly V[]): V => sumOf(parameters.map((p) => p.mul(p))).mul(1e-4);
  const graph = (model: ParameterModel<V>, data: { x: readonly (readonly (V | number)[])[]; y: readonly number[] }): { loss: V; scores: V[] } => {
    const scores: V[] = [];
    const losses: V[] = [];
    for (let i = 0; i < data.x.length; i++) {
      const s = score(model, data.x[i] as readonly (V | number)[]);
      scores.push(s);
      losses.push(hinge(s, data.y[i] as number));
    }
    return { loss: meanOf(losses).add(decay(model.parameters)), scores };
  };
  return { score, hinge, decay, graph };
}

const autograd = stepFunctions<Value>({ dot, sum, mean });

/** One point's score: the MLP on the coordinates `x` (numbers, or Values in a trace). */
export const engineScore: (model: EngineModel, x: readonly Operand[]) => Value = autograd.score;

/** A point's hinge loss, `relu(1 - y·score)` for its label `y` (±1). */
export const engineHinge: (score: Value, y: number) => Value = autograd.hinge;

/** The weight decay term of the demo's loss, `1e-4·Σp²`. */
export const engineDecay: (parameters: readonly Value[]) => Value = autograd.decay;

/** The demo's graph: the loss node, mean(relu(1 - y·score)) + 1e-4·Σp², and each point's score. */
export const engineGraph: (model: EngineModel, data: { x: readonly (readonly Operand[])[]; y: readonly number[] }) => { loss: Value; scores: Value[] } =
  autograd.graph;

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
