import { describe, expect, test } from 'vitest';
import { constant, cosine, format, fromSpec, isSchedule, warmup } from '@etagrad/sched';

describe('core', () => {
  test('cosine is midway at half its steps', () => {
    // cos(pi / 2) = 0: lr = final + (initial - final) / 2 = 0.01 + 0.045 = 0.055
    expect(cosine({ initial: 0.1, steps: 900, final: 0.01 })(450)).toBeCloseTo(0.055, 12);
  });

  test('warmup(cosine) is 0 at 0, 1 at 100 and 0 at 1000', () => {
    const lr = warmup(cosine({ initial: 1, steps: 900 }), { steps: 100 });
    expect([lr(0), lr(50), lr(100), lr(1000)]).toEqual([0, 0.5, 1, 0]);
  });

  test('spec, fromSpec and format', () => {
    const lr = warmup(cosine({ initial: 0.1, steps: 900 }), { steps: 100 });
    expect(lr.spec).toEqual({
      kind: 'warmup',
      inner: { kind: 'cosine', initial: 0.1, steps: 900, final: 0 },
      steps: 100,
      from: 0,
      shape: 'linear',
    });
    expect(format(lr)).toBe('warmup(cosine({ initial: 0.1, steps: 900 }), { steps: 100 })');
    expect(fromSpec(JSON.parse(JSON.stringify(lr.spec))).spec).toEqual(lr.spec);
    expect(isSchedule(lr)).toBe(true);
    expect(isSchedule(constant(0.1))).toBe(true);
    expect(isSchedule(0.1)).toBe(false);
    expect(() => fromSpec({ kind: 'warmup', inner: { kind: 'cosin' }, steps: 1 })).toThrow(
      "spec.inner.kind: unknown kind 'cosin'",
    );
  });
});
