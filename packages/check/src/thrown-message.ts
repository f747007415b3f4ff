import { show } from './show.js';

/**
 * The message of anything thrown: an Error's message, else the value as text (`String`); `show`
 * when it cannot be made text (an object without a prototype, a `toString` that throws), so that
 * reporting an error never throws one of its own.
 *
 * @param error - what was thrown
 * @example
 * thrownMessage(new RangeError('lr must be > 0')); // 'lr must be > 0'
 * thrownMessage(Object.create(null));             // 'an object'
 */
export function thrownMessage(error: unknown): string {
  try {
    return error instanceof Error ? String(error.message) : String(error);
  } catch {
    return show(error);
  }
}
