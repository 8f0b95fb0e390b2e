/**
 * The process's HTTP server: Slack requests at POST /slack/events (checked by
 * `slack-events.ts`, then Bolt's receiver), `GET /healthz`, `GET /metrics` when a metrics source
 * is given, and a draining mode (503 for new Slack requests) during shutdown. The server stays
 * ours so it can be drained, and its limits (`http-limits.ts`) keep slow or huge clients from
 * holding connections and memory: headers and bodies must arrive within seconds, bodies are
 * capped, and so are concurrent connections.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HTTPReceiver } from '@slack/bolt';
import { systemClock, type Clock } from '../time/clock.js';
import { errorFields, type Logger } from '../log/logger.js';
import type { KeyValueStore } from '../stores/types.js';
import { DEFAULT_HTTP_LIMITS, type HttpLimits } from './http-limits.js';
import { slackEventsHandler } from './slack-events.js';

export const EVENTS_PATH = '/slack/events';
export const METRICS_PATH = '/metrics';

export interface HttpFront {
  readonly server: Server;
  readonly port: number;
  /** From now on Slack requests get 503 and /healthz says shutting_down. */
  beginDrain(): void;
  close(): Promise<void>;
}

/** Slack's side of the front (HTTP mode); absent in Socket Mode, where only /healthz is served. */
export interface SlackIngress {
  readonly receiver: HTTPReceiver;
  readonly signingSecret: string;
  /** Shared store for replay protection (the same on every replica). */
  readonly store: KeyValueStore;
}

export interface HttpFrontOptions {
  readonly slack: SlackIngress | null;
  readonly port: number;
  readonly host?: string;
  /** Status object for /healthz; must not contain secrets. */
  readonly health: () => { status: string } & Record<string, unknown>;
  /** Source of `GET /metrics` (404 without one). */
  readonly metrics?: () => Promise<{ contentType: string; body: string }>;
  readonly logger: Logger;
  /** Real time, for signature windows and throttled warnings (default: the system clock). */
  readonly clock?: Clock;
  readonly limits?: Partial<HttpLimits>;
}

/** What Node's own parser and timers report, as the status a client is told. */
const CLIENT_ERROR_STATUS: Record<string, string> = {
  ERR_HTTP_REQUEST_TIMEOUT: '408 Request Timeout',
  HPE_HEADER_OVERFLOW: '431 Request Header Fields Too Large',
};

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

/** Listen on `options.port` (0: any free port) and resolve once listening. */
export function startHttpFront(options: HttpFrontOptions): Promise<HttpFront> {
  let draining = false;
  const { logger } = options;
  const limits: HttpLimits = { ...DEFAULT_HTTP_LIMITS, ...options.limits };
  const events = options.slack ? slackEventsHandler({ ...options.slack, clock: options.clock ?? systemClock, logger, limits }) : undefined;

  const serveMetrics = (res: ServerResponse, metrics: NonNullable<HttpFrontOptions['metrics']>): void => {
    metrics().then(
      ({ contentType, body }) => {
        res.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store', 'content-length': Buffer.byteLength(body) });
        res.end(body);
      },
      (e: unknown) => {
        logger.event('error', 'metrics_failed', errorFields(e));
        if (!res.headersSent) send(res, 500, { error: 'internal_error' });
      },
    );
  };

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const path = (req.url ?? '/').split('?')[0];
    const read = req.method === 'GET' || req.method === 'HEAD';
    if (path === '/healthz' && read) {
      const health = draining ? { ...options.health(), status: 'shutting_down' } : options.health();
      send(res, draining ? 503 : 200, health);
      return;
    }
    if (path === METRICS_PATH && read && options.metrics) {
      serveMetrics(res, options.metrics);
      return;
    }
    if (path === EVENTS_PATH && events) {
      if (draining) {
        res.setHeader('retry-after', '5');
        res.setHeader('connection', 'close');
        send(res, 503, { error: 'shutting_down' });
        return;
      }
      if (req.method === 'POST') {
        events(req, res);
        return;
      }
      send(res, 405, { error: 'method_not_allowed' });
      return;
    }
    send(res, 404, { error: 'not_found' });
  };

  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      // How often Node enforces the two timeouts above (default 30 s, far longer than they are).
      connectionsCheckingInterval: Math.min(1_000, limits.headersTimeoutMs),
    },
    (req, res) => {
      try {
        handle(req, res);
      } catch (e) {
        logger.event('error', 'http_handler_failed', errorFields(e));
        if (!res.headersSent) send(res, 500, { error: 'internal_error' });
      }
    },
  );
  server.maxConnections = limits.maxConnections;
  server.timeout = limits.idleTimeoutMs;
  // A client that sends garbage or stalls is answered and closed, without a log line per attempt.
  server.on('clientError', (e: NodeJS.ErrnoException, socket) => {
    const status = CLIENT_ERROR_STATUS[e.code ?? ''] ?? '400 Bad Request';
    if (socket.writable && e.code !== 'ECONNRESET') socket.end(`HTTP/1.1 ${status}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`);
    socket.destroy();
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve({
        server,
        port: (server.address() as AddressInfo).port,
        beginDrain: () => {
          draining = true;
        },
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeIdleConnections();
          }),
      });
    });
  });
}
