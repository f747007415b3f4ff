import type { RedisOptions } from 'bullmq';
import { checkString, isRecord, show } from '@etagrad/check';

/** Where BullMQ's Redis is: a `redis://` URL or ioredis options. */
export type Connection = string | RedisOptions;

/** The queue tune uses when none is named. */
export const defaultQueue = 'etagrad-tune';

/**
 * BullMQ's connection options for a URL or ioredis options. `maxRetriesPerRequest: null`, as
 * BullMQ requires for workers' blocking commands.
 *
 * @param owner For messages.
 * @param connection A `redis://` URL or ioredis options.
 */
export function connectionOptions(owner: string, connection: unknown): RedisOptions {
  if (typeof connection === 'string') {
    if (!/^rediss?:\/\//.test(connection)) throw new RangeError(`${owner}: connection must be a redis:// URL or ioredis options, got '${connection}'`);
    return { url: connection, maxRetriesPerRequest: null };
  }
  if (!isRecord(connection)) throw new TypeError(`${owner}: connection must be a redis:// URL or ioredis options, got ${show(connection)}`);
  return { maxRetriesPerRequest: null, ...connection };
}

/**
 * A queue name: a non-empty string without ':' (BullMQ's key separator).
 *
 * @param owner For messages.
 * @param queue The name given, or undefined for the default.
 */
export function queueName(owner: string, queue: unknown): string {
  const name = checkString(owner, 'queue', queue ?? defaultQueue);
  if (name === '' || name.includes(':')) throw new RangeError(`${owner}: queue must be a non-empty name without ':', got '${name}'`);
  return name;
}
