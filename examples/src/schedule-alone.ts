// @etagrad/sched alone, in a loop of your own: fit y = 3x + 1 by hand-written gradient descent
// with a warmup then cosine decay, and draw the schedule that drove it.
//
//   npx tsx --conditions=@etagrad/source examples/src/schedule-alone.ts
import { cosine, format, plot, warmup } from '@etagrad/sched';

const lr = warmup(cosine({ initial: 0.1, steps: 180 }), { steps: 20 });
const xs = Array.from({ length: 20 }, (_, i) => i / 10 - 1);
let w = 0;
let b = 0;
for (let step = 0; step < 200; step += 1) {
  let gw = 0;
  let gb = 0;
  for (const x of xs) {
    const error = w * x + b - (3 * x + 1); // d/dpred of (pred - y)^2 / 2
    gw += (error * x) / xs.length;
    gb += error / xs.length;
  }
  w -= lr(step) * gw;
  b -= lr(step) * gb;
}
console.log(plot(lr, { steps: 200, height: 10 }));
console.log(`${format(lr)}: w = ${w.toFixed(3)}, b = ${b.toFixed(3)} (target 3, 1)`);
