/**
 * Up or down, for one Redis connection. Down when the connection closes or an operation fails
 * (a timeout on a hung server counts); up again when the connection is ready and a `PING`
 * answers. While down and connected, a `PING` probe runs on a fixed, unref'd timer (no busy
 * loop); while disconnected, ioredis's own reconnection brings the `ready` that ends it. One
 * warning per change of state, naming only an error code (never the URL, which may hold a
 * password).
 */
import type { Redis } from 'ioredis';
import type { Logger } from '../../log/logger.js';
import type { StoreHealth, StoreStatus } from '../types.js';
import { withDeadline } from '../../time/deadline.js';

/** The error's code or name: `ECONNREFUSED`, `timeout`, … (never its text, which may name hosts). */
/** A short, address-free reason for a Redis failure (an error code, `timeout`, `connection_closed`): safe to log. */
export function failureReason(e: unknown): string {
  if (e instanceof Error) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[A-Z0-9_]{2,40}$/.test(code)) return code;
    if (/timed? ?out/i.test(e.message)) return 'timeout';
    if (/writeable|closed|connection/i.test(e.message)) return 'connection_closed';
    return e.name.replace(/[^A-Za-z0-9_]/g, '').slice(0, 40) || 'error';
  }
  return 'error';
}

export class RedisHealth implements StoreHealth {
  private state: StoreStatus = 'down';
  private everUp = false;
  private announcedDown = false;
  private readonly listeners = new Set<(status: StoreStatus) => void>();
  private probeTimer: NodeJS.Timeout | undefined;
  private probing = false;
  private closed = false;

  constructor(
    private readonly redis: Redis,
    private readonly options: {
      readonly logger?: Logger;
      readonly probeIntervalMs?: number /** Deadline for a probe's PING, ms. */;
      readonly timeoutMs?: number;
    },
  ) {
    redis.on('ready', () => void this.probe());
    redis.on('close', () => this.down('connection_closed'));
  }

  status(): StoreStatus {
    return this.state;
  }

  onStatusChange(listener: (status: StoreStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** An operation failed: Redis counts as down until a probe succeeds. */
  failed(e: unknown): void {
    this.down(failureReason(e));
    this.scheduleProbe();
  }

  /** The first connection attempt failed (Redis absent at start). */
  startFailed(e: unknown): void {
    this.down(failureReason(e));
  }

  /** Stop probing (shutdown). */
  close(): void {
    this.closed = true;
    clearTimeout(this.probeTimer);
  }

  private down(reason: string): void {
    if (this.closed) return;
    if (this.state === 'down') {
      // Absent at start: the first failure is worth one warning too.
      if (!this.everUp && !this.announcedDown) {
        this.announcedDown = true;
        this.options.logger?.event('warn', 'redis_down', { reason, since: 'start' });
      }
      return;
    }
    this.state = 'down';
    this.announcedDown = true;
    this.options.logger?.event('warn', 'redis_down', { reason });
    this.emit();
  }

  private up(): void {
    if (this.closed || this.state === 'up') return;
    this.state = 'up';
    clearTimeout(this.probeTimer);
    // The first connection is routine; a recovery is a change worth a warning.
    this.options.logger?.event(this.announcedDown ? 'warn' : 'info', 'redis_up', {});
    this.everUp = true;
    this.emit();
  }

  private emit(): void {
    for (const listener of this.listeners) {
      try {
        listener(this.state);
      } catch {
        // a listener's failure is not ours
      }
    }
  }

  private scheduleProbe(): void {
    if (this.closed || this.probeTimer !== undefined) return;
    this.probeTimer = setTimeout(() => {
      this.probeTimer = undefined;
      void this.probe();
    }, this.options.probeIntervalMs ?? 1000);
    this.probeTimer.unref();
  }

  private async probe(): Promise<void> {
    if (this.closed || this.probing || this.state === 'up') return;
    // Disconnected: ioredis reconnects by itself and its 'ready' calls us again.
    if (this.redis.status !== 'ready') return;
    this.probing = true;
    try {
      await withDeadline(this.redis.ping(), this.options.timeoutMs ?? 1000, 'Redis');
      this.up();
    } catch {
      this.scheduleProbe();
    } finally {
      this.probing = false;
    }
  }
}
