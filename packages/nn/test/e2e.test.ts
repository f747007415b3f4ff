import { mean, sum, type Value } from '@etagrad/autograd';
import { describe, expect, test } from 'vitest';
import { accuracy, batches, binaryAccuracy, crossEntropy, defaultSeed, hinge, l2, MLP, moons, rng, spirals } from '@etagrad/nn';

/**
 * micrograd's demo.ipynb, step for step: MLP 2-16-16-1 (ReLU, linear output), moons(n=100,
 * noise=0.1), full batch, loss = mean(relu(1 - y * score)) + 1e-4 * sum(p^2), plain SGD with
 * lr = 1.0 - 0.9 * k / 100 at step k. Returns the accuracy seen at each step (before its update,
 * as micrograd prints it) and after the last update.
 */
function microgradDemo(seed: number | undefined): { perStep: number[]; final: number } {
  const seeded = seed === undefined ? {} : { seed };
  const data = moons({ n: 100, noise: 0.1, ...seeded });
  const model = new MLP(2, [16, 16, 1], seeded);
  const params = model.parameters();
  const perStep: number[] = [];
  for (let k = 0; k < 100; k++) {
    const scores = data.x.map((x) => model.forward(x));
    const loss = hinge(scores, data.y).add(l2(params).mul(1e-4));
    perStep.push(binaryAccuracy(scores, data.y));
    model.zeroGrad();
    loss.backward();
    const lr = 1.0 - (0.9 * k) / 100;
    for (const p of params) p.data -= lr * p.grad;
  }
  return { perStep, final: binaryAccuracy(data.x.map((x) => model.forward(x)), data.y) };
}

describe("micrograd's demo, end to end", () => {
  test('the library loss is exactly micrograd\'s hand-written one', () => {
    const data = moons({ n: 100, noise: 0.1 });
    const model = new MLP(2, [16, 16, 1]);
    const scores = data.x.map((x) => model.forward(x)[0] as Value);
    const ys = data.y.map((y) => y * 2 - 1); // micrograd: y = y * 2 - 1
    const byHand = mean(scores.map((s, i) => s.mul(-(ys[i] as number)).add(1).relu())).add(sum(model.parameters().map((p) => p.mul(p))).mul(1e-4));
    expect(hinge(scores.map((s) => [s]), data.y).add(l2(model.parameters()).mul(1e-4)).data).toBe(byHand.data);
  });

  test(`default seeds (defaultSeed = ${defaultSeed} for data and model) reach 100% training accuracy within 100 steps`, () => {
    const { perStep, final } = microgradDemo(undefined);
    expect(Math.max(...perStep)).toBe(1);
    expect(final).toBe(1);
  });

  test.each([1, 2, 3])('seed %i (data and model) reaches at least 90%', (seed) => {
    expect(microgradDemo(seed).final).toBeGreaterThanOrEqual(0.9);
  });
});

describe('softmax classifier on spirals, end to end', () => {
  test('MLP 2-16-3 with crossEntropy, Adam and mini-batches reaches at least 95% training accuracy', () => {
    const data = spirals({ classes: 3 }); // 300 points, default seed
    const model = new MLP(2, [16, 3]); // default seed
    const order = rng(defaultSeed); // one generator: a new batch order every epoch
    const params = model.parameters();
    // Adam (Kingma & Ba), written out so that nn's tests need no optimizer package
    const [lr, beta1, beta2, eps] = [0.03, 0.9, 0.999, 1e-8];
    const m = params.map(() => 0);
    const v = params.map(() => 0);
    let t = 0;
    for (let epoch = 0; epoch < 50; epoch++) {
      for (const batch of batches(data, { batchSize: 20, rng: order })) {
        const loss = crossEntropy(batch.x.map((x) => model.forward(x)), batch.y);
        model.zeroGrad();
        loss.backward();
        t += 1;
        params.forEach((p, i) => {
          m[i] = beta1 * (m[i] as number) + (1 - beta1) * p.grad;
          v[i] = beta2 * (v[i] as number) + (1 - beta2) * p.grad * p.grad;
          p.data -= (lr * ((m[i] as number) / (1 - beta1 ** t))) / (Math.sqrt((v[i] as number) / (1 - beta2 ** t)) + eps);
        });
      }
    }
    expect(accuracy(data.x.map((x) => model.forward(x)), data.y)).toBeGreaterThanOrEqual(0.95);
  });
});
