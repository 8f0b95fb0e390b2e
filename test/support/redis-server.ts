/**
 * A real `redis-server` of our own for tests: a free loopback port, persistence off, stopped by
 * its PID. `kill()` is a crash (SIGKILL), `restart()` brings it back on the same port, empty.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createConnection, createServer } from 'node:net';
import { service } from './services.js';

export interface RedisServer {
  readonly port: number;
  readonly url: string;
  readonly pid: number | undefined;
  /** SIGKILL, as a crash would; resolves once the process is gone. */
  kill(): Promise<void>;
  /** Start again on the same port (empty: persistence is off). */
  restart(): Promise<void>;
  /** SIGTERM and wait; safe to call twice. */
  stop(): Promise<void>;
}

/** A loopback port that was free a moment ago. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function spawnOn(port: number): Promise<ChildProcess> {
  const child = spawn(
    service('redis-server').path,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'yes', '--loglevel', 'warning'],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let failed: Error | undefined;
  child.once('error', (e) => (failed = e));
  for (let i = 0; i < 200; i += 1) {
    if (failed) throw new Error(`redis-server did not start (${failed.message}); install it: apt-get install -y redis-server`);
    if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode}`);
    if (await accepts(port)) return child;
    await new Promise((r) => setTimeout(r, 25));
  }
  child.kill('SIGKILL');
  throw new Error('redis-server did not accept connections within 5 s');
}

function gone(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

/** Start one on `port` (default: a free one). */
export async function startRedisServer(port?: number): Promise<RedisServer> {
  port ??= await freePort();
  const at = port;
  let child: ChildProcess | undefined = await spawnOn(at);
  return {
    port: at,
    url: `redis://127.0.0.1:${at}`,
    get pid() {
      return child?.pid;
    },
    async kill() {
      if (child) await gone(child, 'SIGKILL');
      child = undefined;
    },
    async restart() {
      if (child) await gone(child, 'SIGKILL');
      child = await spawnOn(at);
    },
    async stop() {
      if (child) await gone(child, 'SIGTERM');
      child = undefined;
    },
  };
}
