import { Value } from '@etagrad/autograd';
import { expect, test, vi } from 'vitest';
import { binaryAccuracy, Linear, l2, mse, rng } from '@etagrad/nn';

// Two copies of @etagrad/autograd in one tree (version drift with exact pins) must not make nn
// refuse a Value: nn recognises Values by autograd's Symbol.for('etagrad.Value') brand, which
// every copy shares, not by `instanceof` its own copy's class. (A graph mixing two copies'
// nodes does not backpropagate across them, each copy keeping its own tape: that is why
// autograd is a peer dependency, so that one copy is the norm.)
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
