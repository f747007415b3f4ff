// The yardstick trainer for a compiled step: the eager step's graph (bench/engine-step.ts), traced
// once by `compile` with the points' coordinates as inputs (the labels are constants of the
// trace), then replayed each step; the SGD update is the same loop over the parameters.
import { compile, type Program, type Value } from '@etagrad/autograd';
import { engineGraph, engineModel, type EngineModel } from '../engine-step.js';
import { accuracy, modelOf, type Trainer, type Workload } from './workload.js';

export const name = '@etagrad/autograd (compiled)';

export function createTrainer(workload: Workload): Trainer {
  const numbers = workload.X.flat();
  const scores: number[] = [];
  let model: EngineModel;
  let program: Program;
  const reset = (): void => {
    model = engineModel(modelOf(workload));
    program = compile((xs: Value[]) => {
      const points = workload.X.map((_, i) => [xs[2 * i], xs[2 * i + 1]] as Value[]);
      const { loss, scores } = engineGraph(model, { x: points, y: workload.y });
      return [loss, ...scores];
    }, numbers);
  };
  reset();
  return {
    step(_k, lr) {
      const out = program.run(numbers);
      for (let i = 0; i < workload.y.length; i++) scores[i] = out[i + 1] as number;
      for (const p of model.parameters) {
        p.data -= lr * p.grad;
        p.grad = 0;
      }
      return { loss: out[0] as number, acc: accuracy(scores, workload.y) };
    },
    reset,
    nodesPerStep: () => program.nodes,
  };
}
