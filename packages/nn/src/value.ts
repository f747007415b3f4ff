import { Value } from '@etagrad/autograd';

/** Whether `x` is a `Value` (temporary: autograd's brand check replaces it). */
export const isValue = (x: unknown): x is Value => x instanceof Value;
