import { expect, test } from 'vitest';
import { main } from '../src/main.js';
import { captureIo } from './helpers.js';

async function train(args: readonly string[]) {
  const io = captureIo();
  const code = await main(['train', '--epochs', '3', '--json', ...args], io);
  return { code, out: io.out(), err: io.err() };
}

test('etagrad train --compile prints the same history as eager, and no notice', async () => {
  const eager = await train([]);
  const compiled = await train(['--compile']);
  expect(compiled.code).toBe(0);
  expect(compiled.err).toBe(eager.err);
  expect(JSON.parse(compiled.out)).toEqual(JSON.parse(eager.out));
});
