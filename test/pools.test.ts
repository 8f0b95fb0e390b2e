/**
 * Which pool a test runs in follows from its path (vitest.config.ts): this file is a plain
 * `*.test.ts`, so it runs in the `unit` threads, where opening a server is refused at once.
 */
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';

describe('the unit pool', () => {
  it('refuses a server, naming the file rule that moves the test to the forks pool', () => {
    const server = createServer();
    expect(() => server.listen(0, '127.0.0.1')).toThrow(/\*\.e2e\.test\.ts/);
    expect(server.listening).toBe(false);
  });
});
