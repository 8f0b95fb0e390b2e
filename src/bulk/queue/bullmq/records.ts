/**
 * A bulk job's own records on Redis, beside BullMQ's queue: the sealed spec (its items and who
 * started it), the sealed results by item, a small state hash (counts, status, when Coufun last
 * answered) and a log of finished indices for watchers. Every key is under the configured prefix
 * and every write renews its TTL; values that hold coupon data are sealed with the shared secret.
 */
import type { Redis } from 'ioredis';
import type { ValueCodec } from '../../../stores/value-codec.js';
import type { ItemResult } from '../../results/stored.js';
import { isItemResult } from '../../results/stored.js';

export type JobStatus = 'running' | 'completed' | 'stalled' | 'cancelled';

export interface JobState {
  readonly status: JobStatus;
  readonly reason: string;
  readonly total: number;
  readonly done: number;
  readonly answered: number;
  readonly failed: number;
  readonly requests: number;
  readonly cacheHits: number;
  readonly inflight: number;
  readonly createdAt: number;
  readonly lastAnswerAt: number;
  /** Set once the job's result has been assembled (by whichever replica finished it). */
  readonly finishedAt: number;
}

// KEYS results, state, log; ARGV index, sealed result, 'answered'|'failed', ttl ms.
// Returns the job's done count, or -1 when the item already had a result (a re-run after a stall).
const RECORD = `
if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 0 then return -1 end
redis.call('XADD', KEYS[3], '*', 'i', ARGV[1])
local done = redis.call('HINCRBY', KEYS[2], 'done', 1)
redis.call('HINCRBY', KEYS[2], ARGV[3], 1)
for i = 1, 3 do redis.call('PEXPIRE', KEYS[i], ARGV[4]) end
return done
`;
// KEYS state; ARGV from, to, reason, ttl. Moves the status only from `from`.
const MOVE = `
if redis.call('HGET', KEYS[1], 'status') ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'status', ARGV[2], 'reason', ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return 1
`;

type Scripted = Redis & {
  bulkRecord(results: string, state: string, log: string, index: number, sealed: string, field: string, ttl: number): Promise<number>;
  bulkMove(state: string, from: string, to: string, reason: string, ttl: number): Promise<number>;
};

export class JobRecords {
  private readonly redis: Scripted;

  constructor(
    redis: Redis,
    private readonly prefix: string,
    private readonly codec: ValueCodec,
    private readonly ttlMs: number,
  ) {
    if (!('bulkRecord' in redis)) {
      redis.defineCommand('bulkRecord', { numberOfKeys: 3, lua: RECORD });
      redis.defineCommand('bulkMove', { numberOfKeys: 1, lua: MOVE });
    }
    this.redis = redis as Scripted;
  }

  key(id: string, part: 'spec' | 'results' | 'state' | 'log' | 'reported'): string {
    return `${this.prefix}bulk:${id}:${part}`;
  }

  seal(value: unknown): string {
    return this.codec.encode(value).toString('base64');
  }

  open<T>(text: string | null | undefined): T | undefined {
    return text ? (this.codec.decode(Buffer.from(text, 'base64')) as T | undefined) : undefined;
  }

  async create(id: string, spec: unknown, total: number, now: number): Promise<void> {
    await this.redis
      .multi()
      .set(this.key(id, 'spec'), this.seal(spec), 'PX', this.ttlMs)
      .hset(this.key(id, 'state'), { status: 'running', total, done: 0, answered: 0, failed: 0, createdAt: now, lastAnswerAt: now })
      .pexpire(this.key(id, 'state'), this.ttlMs)
      .exec();
  }

  async spec<T>(id: string): Promise<T | undefined> {
    return this.open<T>(await this.redis.get(this.key(id, 'spec')));
  }

  /** Record an item's result once; the job's done count, or -1 if it already had one. */
  record(id: string, index: number, result: ItemResult): Promise<number> {
    const field = result.kind === 'answered' ? 'answered' : 'failed';
    return this.redis.bulkRecord(
      this.key(id, 'results'),
      this.key(id, 'state'),
      this.key(id, 'log'),
      index,
      this.seal(result),
      field,
      this.ttlMs,
    );
  }

  /** Count one attempt: a vendor request or a cache hit, and whether Coufun answered. */
  async attempt(id: string, cacheHit: boolean, answeredAt: number | null): Promise<void> {
    const state = this.key(id, 'state');
    const m = this.redis.multi().hincrby(state, cacheHit ? 'cacheHits' : 'requests', 1);
    if (answeredAt !== null) m.hset(state, 'lastAnswerAt', answeredAt);
    await m.pexpire(state, this.ttlMs).exec();
  }

  async inflight(id: string, delta: 1 | -1): Promise<void> {
    await this.redis.hincrby(this.key(id, 'state'), 'inflight', delta);
  }

  async has(id: string, index: number): Promise<boolean> {
    return (await this.redis.hexists(this.key(id, 'results'), String(index))) === 1;
  }

  async move(id: string, from: JobStatus, to: JobStatus, reason = ''): Promise<boolean> {
    return (await this.redis.bulkMove(this.key(id, 'state'), from, to, reason, this.ttlMs)) === 1;
  }

  async state(id: string): Promise<JobState | null> {
    const raw = await this.redis.hgetall(this.key(id, 'state'));
    if (!raw.status) return null;
    const n = (k: string): number => Number(raw[k] ?? 0);
    return {
      status: raw.status as JobStatus,
      reason: raw.reason ?? '',
      total: n('total'),
      done: n('done'),
      answered: n('answered'),
      failed: n('failed'),
      requests: n('requests'),
      cacheHits: n('cacheHits'),
      inflight: n('inflight'),
      createdAt: n('createdAt'),
      lastAnswerAt: n('lastAnswerAt'),
      finishedAt: n('finishedAt'),
    };
  }

  async markFinished(id: string, at: number): Promise<void> {
    await this.redis.multi().hset(this.key(id, 'state'), 'finishedAt', at).pexpire(this.key(id, 'state'), this.ttlMs).exec();
  }

  /** True for the one caller that gets to report the job. */
  async claimReport(id: string): Promise<boolean> {
    return (await this.redis.set(this.key(id, 'reported'), '1', 'PX', this.ttlMs, 'NX')) === 'OK';
  }

  /** Indices finished after log entry `after` ('0' from the start), and the last entry's ID. */
  async finishedSince(id: string, after: string): Promise<{ indices: number[]; last: string }> {
    const reply = (await this.redis.xread('COUNT', 5000, 'STREAMS', this.key(id, 'log'), after)) as [string, [string, string[]][]][] | null;
    const entries = reply?.[0]?.[1] ?? [];
    return { indices: entries.map(([, fields]) => Number(fields[1])), last: entries.at(-1)?.[0] ?? after };
  }

  async results(id: string, indices?: readonly number[]): Promise<Map<number, ItemResult>> {
    const out = new Map<number, ItemResult>();
    if (indices === undefined) {
      for (const [k, v] of Object.entries(await this.redis.hgetall(this.key(id, 'results')))) {
        const r = this.open<unknown>(v);
        if (isItemResult(r)) out.set(Number(k), r);
      }
      return out;
    }
    if (indices.length === 0) return out;
    const values = await this.redis.hmget(this.key(id, 'results'), ...indices.map(String));
    indices.forEach((index, i) => {
      const r = this.open<unknown>(values[i]);
      if (isItemResult(r)) out.set(index, r);
    });
    return out;
  }
}
