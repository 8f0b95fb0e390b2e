/**
 * The bench's bulk section alone (`npm run build && node build/test/bench/bulk-run.js [items]`):
 * the same measurement `npm run bench` ends with, without the rest.
 */
import { Agent } from 'undici';
import { startRedisServer, type RedisServer } from '../support/redis-server.js';
import { measureBulk, renderBulk } from './bulk.js';
import { FastFakeSlack } from './fake-slack-fast.js';

const items = Number(process.argv[2] ?? 2000);
const slack = await FastFakeSlack.start();
const dispatcher = new Agent({ connections: null, keepAliveTimeout: 60_000 });
let redis: RedisServer | null = null;
try {
  redis = await startRedisServer().catch(() => null);
  const bulk = await measureBulk({ delayMs: 50, items, slack, dispatcher, redis, progress: (t) => process.stderr.write(`${t}\n`) });
  process.stdout.write(`${renderBulk(bulk)}\n`);
} finally {
  await redis?.stop();
  await slack.close();
  await dispatcher.close();
}
