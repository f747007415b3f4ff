import { expect } from 'vitest';

/** `actual` equals a value worked out by hand to 14 decimals: room for the formula's last rounding only. */
export const close = (actual: number, expected: number): void => {
  expect(actual).toBeCloseTo(expected, 14);
};
