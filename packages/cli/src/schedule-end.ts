import { isRecord } from '@etagrad/check';
import type { Json, Schedule } from '@etagrad/sched';

/**
 * The step at which a schedule has run its course and holds its last value from then on, read
 * from its spec: a cosine's, linear's, oneCycle's or (non-cycling) polynomial's `steps`; a
 * warmup's steps plus its inner schedule's end; a join's last boundary plus its last part's end;
 * the end of the operand of `scale`, `clamp`, `shift` (plus its steps) and `perEpoch` (times its
 * steps per epoch). `undefined` for a schedule that never ends: a constant (constant on purpose),
 * exponential, time and step decay, milestones, piecewise, cyclic, restarts, repeat, or a spec
 * this does not know.
 *
 * @param schedule - a schedule made by @etagrad/sched (its `spec` is read)
 * @example
 * scheduleEnd(warmup(cosine({ initial: 0.1, steps: 900 }), { steps: 100 })); // 1000
 */
export function scheduleEnd(schedule: Schedule): number | undefined {
  return endOf(schedule.spec);
}

type Spec = { readonly [field: string]: Json };

const count = (spec: Spec, name: string): number | undefined => {
  const x = spec[name];
  return typeof x === 'number' && Number.isSafeInteger(x) && x >= 0 ? x : undefined;
};

/** `a + b` when both are known. */
const plus = (a: number | undefined, b: number | undefined): number | undefined =>
  a === undefined || b === undefined ? undefined : a + b;

function endOf(spec: Json | undefined): number | undefined {
  if (!isRecord(spec)) return undefined;
  const s = spec as Spec;
  switch (s['kind']) {
    case 'cosine':
    case 'linear':
    case 'oneCycle':
      return count(s, 'steps');
    case 'polynomial':
      return s['cycle'] === true ? undefined : count(s, 'steps');
    case 'warmup':
    case 'shift':
      return plus(count(s, 'steps'), endOf(s['inner']));
    case 'scale':
    case 'clamp':
      return endOf(s['inner']);
    case 'perEpoch': {
      const inner = endOf(s['inner']);
      const perEpoch = count(s, 'stepsPerEpoch');
      return inner === undefined || perEpoch === undefined ? undefined : inner * perEpoch;
    }
    case 'join': {
      const parts = Array.isArray(s['schedules']) ? s['schedules'] : [];
      const boundaries = Array.isArray(s['boundaries']) ? s['boundaries'] : [];
      const last = boundaries.at(-1);
      return plus(typeof last === 'number' ? last : 0, endOf(parts.at(-1)));
    }
    default:
      return undefined;
  }
}
