// The yardstick trainer for bench/baselines/typed-tape.ts, a sketch of the eager design issue
// 11's eager targets call for (not @etagrad/autograd): the same step as eager.ts, op for op
// (bench/engine-step.ts's stepFunctions). Run it by name: `npm run bench:yardstick -- typed-tape`.
import { dot, mean, opNodes, sum, TapeLeaf, type TapeValue } from '../baselines/typed-tape.js';
import { stepFunctions } from '../engine-step.js';
import { withParameters } from '../model.js';
import { accuracy, dataOf, modelOf, type Trainer, type Workload } from './workload.js';

export const name = 'typed-tape sketch (eager)';

const step = stepFunctions<TapeValue>({ dot, sum, mean });

export function createTrainer(workload: Workload): Trainer {
  const data = dataOf(workload);
  const y = workload.y;
  const make = () => withParameters(modelOf(workload), (x) => new TapeLeaf(x));
  let model = make();
  let stepped = false;
  return {
    step(_k, lr) {
      const { loss, scores } = step.graph(model, data);
      for (const p of model.parameters) p.gradient = 0;
      loss.backward();
      for (const p of model.parameters) p.value -= lr * p.gradient;
      stepped = true;
      return { loss: loss.data, acc: accuracy(scores.map((s) => s.data), y) };
    },
    reset() {
      model = make();
    },
    nodesPerStep: () => (stepped ? opNodes(step.graph(model, data).loss) : null),
  };
}
