// micrograd's demo, step by step with the pieces a user writes by hand: an MLP 2-16-16-1 on 100
// moons points, full batch, max-margin loss plus 1e-4 L2, SGD with lr = 1.0 - 0.9 * k / 100.
//
//   npx tsx --conditions=@etagrad/source examples/src/micrograd-moons.ts
import { MLP, binaryAccuracy, hinge, l2, moons } from '@etagrad/nn';
import { SGD } from '@etagrad/optim';
import { format, linear } from '@etagrad/sched';

const data = moons({ n: 100, noise: 0.1 });
const model = new MLP(2, [16, 16, 1]);
const lr = linear({ from: 1.0, to: 0.1, steps: 100 }); // micrograd's 1.0 - 0.9 * k / 100
const optimizer = new SGD(model.parameters(), { lr });

console.log(`${model.numParameters()} parameters, lr = ${format(lr)}`);
for (let step = 0; step < 100; step += 1) {
  const scores = data.x.map((x) => model.forward(x));
  const loss = hinge(scores, data.y).add(l2(model.parameters()).mul(1e-4));
  model.zeroGrad();
  loss.backward();
  const rate = optimizer.lr[0];
  optimizer.step();
  if (step % 10 === 9) {
    const accuracy = binaryAccuracy(scores, data.y);
    console.log(`step ${step + 1}: loss ${loss.data.toFixed(4)}, accuracy ${(accuracy * 100).toFixed(0)}%, lr ${rate?.toFixed(3)}`);
  }
}
