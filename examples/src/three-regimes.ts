// The learning rate's three regimes on f(x) = x^2 / 2 (gradient x), with @etagrad/optim over a
// plain { data, grad } object: no engine needed. Each SGD step is x <- x - lr * x = (1 - lr) * x,
// so lr 0.01 crawls, lr 1.0 lands on the minimum in one step, lr 2.5 overshoots further each time.
//
//   npx tsx --conditions=@etagrad/source examples/src/three-regimes.ts
import { SGD } from '@etagrad/optim';

for (const lr of [0.01, 1.0, 2.5]) {
  const x = { data: 1, grad: 0 };
  const optimizer = new SGD([x], { lr });
  const path = [x.data];
  for (let step = 0; step < 5; step += 1) {
    x.grad = x.data; // d/dx (x^2 / 2)
    optimizer.step();
    path.push(x.data);
  }
  console.log(`lr ${lr}: x = ${path.map((v) => v.toPrecision(3)).join(' -> ')}`);
}
