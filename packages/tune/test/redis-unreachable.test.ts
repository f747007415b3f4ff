import { describe, expect, test } from 'vitest';
import { bullmqExecutor, gridSearch, runWorker } from '../src/node/index.js';
import { redisAddress } from '../src/node/redis-ready.js';

// Port 1 on the loopback: nothing listens there, so every connection is refused at once. Before
// the check, BullMQ's clients reconnected forever and these calls never returned.
const nowhere = 'redis://127.0.0.1:1';
const module = { module: new URL('fixtures/objective.mjs', import.meta.url).href };

describe('an unreachable Redis is an error at once, not a silent hang', () => {
  test('bullmqExecutor', async () => {
    await expect(bullmqExecutor(module, { connection: nowhere, readyTimeout: 300 })).rejects.toThrow(
      /^bullmqExecutor: cannot reach Redis at redis:\/\/127\.0\.0\.1:1 \(.*ECONNREFUSED.*\)$/,
    );
  });

  test('a search on BullMQ, before any trial', async () => {
    const search = gridSearch({ lr: [0.1] }, module.module, { executor: { kind: 'bullmq', connection: nowhere, readyTimeout: 300 } as never });
    await expect(search).rejects.toThrow('bullmqExecutor: cannot reach Redis at redis://127.0.0.1:1 (');
  });

  test('runWorker', async () => {
    await expect(runWorker({ connection: { host: '127.0.0.1', port: 1 }, readyTimeout: 300 })).rejects.toThrow(
      /^runWorker: cannot reach Redis at 127\.0\.0\.1:1 \(.*ECONNREFUSED.*\)$/,
    );
  });

  test('readyTimeout is checked, and a password never reaches a message', async () => {
    await expect(bullmqExecutor(module, { connection: nowhere, readyTimeout: 0 })).rejects.toThrow(
      'bullmqExecutor: readyTimeout must be a positive integer, got 0',
    );
    expect(redisAddress({ url: 'redis://user:secret@example.com:6380/2' })).toBe('redis://user:***@example.com:6380/2');
    expect(redisAddress({ host: 'redis.local' })).toBe('redis.local:6379');
  });
});
