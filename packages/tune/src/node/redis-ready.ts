import type { RedisOptions } from 'bullmq';
import { Redis } from 'ioredis';
import { checkPositiveInteger } from '@etagrad/check';

/** Milliseconds to wait for Redis before giving up: the default `readyTimeout`. */
const READY_TIMEOUT = 10_000;

/**
 * Where `connection` points, for a message: its URL without a password, or `host:port`.
 *
 * @param connection What `connectionOptions` made.
 */
export function redisAddress(connection: RedisOptions & { url?: string }): string {
  if (connection.url !== undefined) {
    const url = new URL(connection.url);
    if (url.password !== '') url.password = '***';
    return url.href;
  }
  return `${connection.host ?? 'localhost'}:${connection.port ?? 6379}`;
}

/**
 * Connects once to the Redis of `connection`, without retrying, and disconnects; throws
 * `<owner>: cannot reach Redis at <address> (<why>)` when that fails or takes over `readyTimeout`
 * ms (the caller's option of that name, checked here first: a positive integer, default 10 000).
 * BullMQ's clients reconnect forever, and one never connected cannot be closed: without this
 * check first, an unreachable Redis (a wrong port, a server not started) would hang the caller
 * without a word.
 *
 * @param owner For the message.
 * @param connection What `connectionOptions` made.
 * @param readyTimeout Milliseconds to wait for the connection, as the caller was given it.
 */
export async function checkRedis(owner: string, connection: RedisOptions & { url?: string }, readyTimeout: unknown): Promise<void> {
  const timeout = checkPositiveInteger(owner, 'readyTimeout', readyTimeout ?? READY_TIMEOUT);
  const { url, ...rest } = connection;
  const options: RedisOptions = { ...rest, lazyConnect: true, connectTimeout: timeout, retryStrategy: () => null, maxRetriesPerRequest: 0 };
  const client = url === undefined ? new Redis(options) : new Redis(url, options);
  // why the connection failed comes as an error event; connect() then only says it closed
  let why: Error | undefined;
  client.on('error', (error: Error) => (why = error));
  try {
    await client.connect();
  } catch (error) {
    // the client has ended (it retries nothing): disconnect() would only keep a 2 s timer alive
    throw new Error(`${owner}: cannot reach Redis at ${redisAddress(connection)} (${(why ?? (error as Error)).message})`);
  }
  await client.quit();
}
