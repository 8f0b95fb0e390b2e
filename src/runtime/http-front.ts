/**
 * The process's HTTP server: Slack requests to Bolt's receiver at POST /slack/events, a
 * `GET /healthz` status, and a draining mode (503 for new Slack requests) during shutdown.
 * Bolt's HTTPReceiver is used as a request listener so the server stays ours to drain.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HTTPReceiver } from '@slack/bolt';
import { errorFields, type Logger } from '../log/logger.js';

export const EVENTS_PATH = '/slack/events';

export interface HttpFront {
  readonly server: Server;
  readonly port: number;
  /** From now on Slack requests get 503 and /healthz says shutting_down. */
  beginDrain(): void;
  close(): Promise<void>;
}

export interface HttpFrontOptions {
  readonly receiver: HTTPReceiver | null;
  readonly port: number;
  readonly host?: string;
  /** Status object for /healthz; must not contain secrets. */
  readonly health: () => { status: string } & Record<string, unknown>;
  readonly logger: Logger;
  /** Prometheus exposition for `GET /metrics`; without it that path is 404. */
  readonly metrics?: () => Promise<{ contentType: string; body: string }>;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function serveMetrics(res: ServerResponse, metrics: NonNullable<HttpFrontOptions['metrics']>, logger: Logger): void {
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
}

export function startHttpFront(options: HttpFrontOptions): Promise<HttpFront> {
  let draining = false;
  const { receiver, logger } = options;

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) {
      const health = draining ? { ...options.health(), status: 'shutting_down' } : options.health();
      send(res, draining ? 503 : 200, health);
      return;
    }
    if (path === '/metrics' && options.metrics && (req.method === 'GET' || req.method === 'HEAD')) {
      serveMetrics(res, options.metrics, logger);
      return;
    }
    if (path === EVENTS_PATH && receiver) {
      if (draining) {
        res.setHeader('retry-after', '5');
        send(res, 503, { error: 'shutting_down' });
        return;
      }
      if (req.method === 'POST') {
        receiver.requestListener(req, res);
        return;
      }
      send(res, 405, { error: 'method_not_allowed' });
      return;
    }
    send(res, 404, { error: 'not_found' });
  };

  const server = createServer((req, res) => {
    try {
      handle(req, res);
    } catch (e) {
      logger.event('error', 'http_handler_failed', errorFields(e));
      if (!res.headersSent) send(res, 500, { error: 'internal_error' });
    }
  });
  server.keepAliveTimeout = 65_000;

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
