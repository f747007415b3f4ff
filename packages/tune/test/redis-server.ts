import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A redis-server this test file started, on 127.0.0.1 and a free port. */
export interface RedisServer {
  readonly url: string;
  stop(): Promise<void>;
}

/** A port nobody listens on now (the OS picks it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Runs redis-server with the script's arguments and kills it once stdin ends; exits with its code.
 * (A job in the background reads /dev/null, so the watch reads stdin through fd 3.)
 */
const WATCHED = 'exec 3<&0; redis-server "$@" & server=$!; (cat <&3 >/dev/null; kill $server 2>/dev/null) & wait $server';

/**
 * Starts `redis-server` (Debian's package) on 127.0.0.1 at a free port, without persistence, and
 * resolves once it accepts connections; or resolves to the reason it could not (not installed,
 * did not start within 10 s), for the caller to skip with.
 */
export async function startRedis(): Promise<RedisServer | string> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'etagrad-redis-'));
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir];
  // The server is stopped when its stdin ends: when stop() closes it, or when this test process
  // dies in any way (kill -9 included), so that no redis-server outlives the tests.
  const child: ChildProcess = spawn('sh', ['-c', WATCHED, 'sh', ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  const started = await new Promise<true | string>((resolve) => {
    const timer = setTimeout(() => resolve('redis-server did not start within 10 s'), 10_000);
    const done = (result: true | string) => {
      clearTimeout(timer);
      resolve(result);
    };
    child.once('error', (error) => done(`redis-server failed: ${error.message}`));
    // 127: the shell found no redis-server
    child.once('exit', (code) => done(code === 127 ? 'redis-server is not installed (apt-get install redis-server)' : `redis-server exited with code ${code}`));
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) done(true);
    });
  });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.stdin?.end();
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  if (started !== true) {
    await stop();
    return started;
  }
  return { url: `redis://127.0.0.1:${port}`, stop };
}
