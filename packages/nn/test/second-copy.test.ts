import { Value } from '@etagrad/autograd';
import { expect, test, vi } from 'vitest';
import { binaryAccuracy, Linear, l2, mse, rng } from '@etagrad/nn';

// Two copies of @etagrad/autograd in one tree (version drift with exact pins) must not make nn
// refuse a Value: nn recognises Values by autograd's Symbol.for('etagrad.Value') brand, which
// every copy shares, not by `instanceof` its own copy's class. (Gradients through a graph
// mixing two copies' nodes are tested in autograd's test/second-copy.test.ts.)
async function secondCopy(): Promise<typeof import('@etagrad/autograd')> {
  vi.resetModules(); // the next import evaluates autograd's module again: a separate copy
  return import('@etagrad/autograd');
}

test('a Value from a second copy of autograd is accepted by losses, layers, metrics and penalties', async () => {
  const other = await secondCopy();
  expect(other.Value).not.toBe(Value);
  const a = new other.Value(3);
  expect(a instanceof Value).toBe(false);

  expect(mse([[a]], [1]).data).toBe(4); // (3 - 1)²

  const layer = new Linear(1, 1, { rng: rng(1) });
  const [w] = layer.parameters();
  expect(layer.forward([new other.Value(2)])[0]?.data).toBe(2 * w!.data); // bias 0
  expect(binaryAccuracy([[new other.Value(0.5)]], [1])).toBe(1);
  expect(l2([new other.Value(3)]).data).toBe(9);
});

test('a layer fed a node of a second copy of autograd backpropagates through it', async () => {
  const other = await secondCopy();
  const a = new Value(1.5);
  const x = new other.Value(2).mul(a as unknown as InstanceType<typeof other.Value>); // a node of the other copy
  const layer = new Linear(1, 1, { rng: rng(1) });
  const [w] = layer.parameters();
  mse([layer.forward([x as unknown as Value])], [0]).backward();
  const prediction = w!.data * 3; // bias 0
  expect(w!.grad).toBeCloseTo(2 * prediction * 3, 12); // ∂(w·2a)²/∂w
  expect(a.grad).toBeCloseTo(2 * prediction * w!.data * 2, 12); // ∂(w·2a)²/∂a
});
