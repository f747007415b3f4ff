import { expect, test } from 'vitest';
import demo from '../src/micrograd-demo.json' with { type: 'json' };
import { microgradDemoFromBench } from './bench-demo.js';

test("micrograd-demo.json holds exactly bench/'s data and initial weights (regenerate with scripts/micrograd-demo.ts)", () => {
  expect(demo).toEqual(microgradDemoFromBench());
});
