import { isRecord } from '@etagrad/check';
import type { Json, Schedule } from '@etagrad/sched';

/**
 * How many steps show a schedule whole, read from its spec: the largest `steps` it names, with a
 * warmup's steps added to its inner schedule's and a join's last boundary added to its last part's;
 * cyclic schedules show two cycles, restarts three periods. `undefined` when the spec names no
 * length (a constant, a decay without end), so the caller picks a default.
 */
export function scheduleLength(schedule: Schedule): number | undefined {
  return lengthOf(schedule.spec);
}

type Spec = { readonly [field: string]: Json };

const isSpec = (x: Json | undefined): x is Spec => isRecord(x);

const numberField = (spec: Spec, name: string): number | undefined => {
  const x = spec[name];
  return typeof x === 'number' && Number.isFinite(x) && x > 0 ? x : undefined;
};

const largest = (xs: readonly (number | undefined)[]): number | undefined => {
  const known = xs.filter((x): x is number => x !== undefined);
  return known.length === 0 ? undefined : Math.max(...known);
};

function lengthOf(spec: Json | undefined): number | undefined {
  if (!isSpec(spec)) return undefined;
  const steps = numberField(spec, 'steps');
  switch (spec['kind']) {
    case 'warmup':
      return (steps ?? 0) + (lengthOf(spec['inner']) ?? 0) || undefined;
    case 'join': {
      const parts = Array.isArray(spec['schedules']) ? spec['schedules'] : [];
      const boundaries = Array.isArray(spec['boundaries']) ? spec['boundaries'] : [];
      const lastBoundary = boundaries.at(-1);
      const start = typeof lastBoundary === 'number' ? lastBoundary : 0;
      return start + (lengthOf(parts.at(-1)) ?? start) || undefined;
    }
    case 'cyclic': {
      const stepSize = numberField(spec, 'stepSize');
      const down = numberField(spec, 'stepSizeDown') ?? stepSize;
      return stepSize === undefined || down === undefined ? undefined : 2 * (stepSize + down);
    }
    case 'cosineRestarts': {
      const period = numberField(spec, 'period');
      return period === undefined ? undefined : 3 * period;
    }
    default: {
      // Combinators (scale, clamp, shift, repeat, perEpoch) hold their operand under some field:
      // any nested spec's length counts.
      const nested = Object.values(spec).map((field) => lengthOf(field));
      return largest([steps, ...nested]);
    }
  }
}
