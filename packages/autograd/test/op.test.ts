import { expect, test } from 'vitest';
import * as autograd from '@etagrad/autograd';
import { Op, Value } from '@etagrad/autograd';
import { opName } from '../src/op.js';

test("every op's name is its key in Op, as its method is named", () => {
  for (const [key, code] of Object.entries(Op)) {
    expect(opName(code)).toBe(key.charAt(0).toLowerCase() + key.slice(1));
    // the method (`v.add`) or n-ary function (`sum`) that makes it
    if (code !== Op.Leaf) expect(opName(code) in Value.prototype || opName(code) in autograd).toBe(true);
  }
  expect(new Set(Object.values(Op)).size).toBe(Object.keys(Op).length); // one code per op
});
