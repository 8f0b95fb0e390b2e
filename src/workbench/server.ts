/**
 * The workbench's one HTTP server on 127.0.0.1: the page (/, /app.js, /app.css), its live
 * feed (/events, server-sent events), its actions (/ui/*), and the Slack stand-in the bot is
 * pointed at (/api/<method> as SLACK_API_URL, /response/<id> as response_urls).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Interactions, UserError, type FormValues } from './interactions.js';
import { pageHtml } from './page.js';
import { PAGE_CSS } from './page-css.js';
import { PAGE_JS } from './page-js.js';
import { readParams, type SlackStandIn } from './stand-in.js';
import { pageState } from './view.js';
import type { World } from './world.js';

export interface WorkbenchServer {
  readonly port: number;
  readonly url: string;
  close(): Promise<void>;
}

const SECURITY_HEADERS = { 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer', 'cache-control': 'no-store' };

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': type, ...SECURITY_HEADERS });
  res.end(body);
}

function json(res: ServerResponse, status: number, body: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(body));
}

export async function startServer(opts: {
  world: World;
  standIn: () => SlackStandIn;
  interactions: () => Interactions;
  host: string;
  port: number;
  onError?: (e: unknown) => void;
}): Promise<WorkbenchServer> {
  const { world } = opts;
  const streams = new Set<ServerResponse>();
  const onChange = (version: number): void => {
    for (const s of streams) s.write(`data: ${version}\n\n`);
  };
  world.on('change', onChange);

  const ui = async (path: string, body: Record<string, unknown>): Promise<void> => {
    const i = opts.interactions();
    const s = (k: string): string => (typeof body[k] === 'string' ? (body[k] as string) : '');
    switch (path) {
      case '/ui/send':
        return i.send(s('channel'), s('text'), s('threadTs') || undefined);
      case '/ui/shortcut':
        return i.shortcut(s('messageId'));
      case '/ui/action':
        return i.action({
          actionId: s('actionId'),
          blockId: s('blockId'),
          kind: s('kind') || 'button',
          ...(body.value !== undefined ? { value: s('value') } : {}),
          ...(s('messageId') ? { messageId: s('messageId') } : {}),
          ...(s('viewId') ? { viewId: s('viewId') } : {}),
          ...(body.values ? { values: body.values as FormValues } : {}),
        });
      case '/ui/view-submit':
        return i.submit(s('viewId'), (body.values as FormValues) ?? {});
      case '/ui/view-close':
        return i.close(s('viewId'));
      case '/ui/locale':
        if (s('locale') !== 'ko' && s('locale') !== 'en') throw new UserError('locale must be ko or en');
        return i.setLocale(s('locale') as 'ko' | 'en');
      case '/ui/dismiss':
        return i.dismiss(s('messageId'));
      default:
        throw new UserError(`unknown action ${path}`);
    }
  };

  let allowedHosts = new Set<string>();
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    // Only names of this machine: a page elsewhere that rebinds its DNS name to 127.0.0.1 gets nothing.
    if (!allowedHosts.has(req.headers.host ?? '')) return send(res, 421, 'text/plain; charset=utf-8', 'unknown host');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;
    if (req.method === 'POST' && path.startsWith('/api/')) {
      const params = await readParams(req);
      const reply = opts.standIn().api(path.slice('/api/'.length), params, req.headers.authorization);
      res.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8', ...reply.headers });
      res.end(JSON.stringify(reply.body));
      return;
    }
    if (req.method === 'POST' && path.startsWith('/response/')) {
      let body: Record<string, unknown>;
      try {
        body = await readParams(req);
      } catch {
        send(res, 400, 'text/plain', 'invalid_payload');
        return;
      }
      const reply = opts.standIn().respond(path.slice('/response/'.length), body);
      res.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8', ...reply.headers });
      res.end(typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body));
      return;
    }
    if (req.method === 'GET') {
      switch (path) {
        case '/':
          return send(res, 200, 'text/html; charset=utf-8', pageHtml());
        case '/app.js':
          return send(res, 200, 'text/javascript; charset=utf-8', PAGE_JS);
        case '/app.css':
          return send(res, 200, 'text/css; charset=utf-8', PAGE_CSS);
        case '/favicon.ico':
          res.writeHead(204).end();
          return;
        case '/ui/state':
          return json(res, 200, pageState(world, url.searchParams.get('channel') ?? '', url.searchParams.get('thread') ?? undefined));
        case '/events':
          res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
          res.write(`retry: 1000\ndata: ${world.version}\n\n`);
          streams.add(res);
          req.on('close', () => streams.delete(res));
          return;
      }
    }
    if (req.method === 'POST' && path.startsWith('/ui/')) {
      // Only the page itself may act: a cross-site form post would carry another Origin.
      const origin = req.headers.origin;
      if (origin !== undefined && origin !== `http://${req.headers.host}`)
        return json(res, 403, { ok: false, error: 'cross-origin request refused' });
      if (!req.headers['content-type']?.includes('application/json')) return json(res, 415, { ok: false, error: 'JSON only' });
      try {
        await ui(path, await readParams(req));
        json(res, 200, { ok: true });
      } catch (e) {
        if (e instanceof UserError) json(res, 400, { ok: false, error: e.message });
        else throw e;
      }
      return;
    }
    send(res, 404, 'text/plain; charset=utf-8', 'not found');
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      opts.onError?.(e);
      if (!res.headersSent) json(res, 500, { ok: false, error: e instanceof Error ? e.message : 'internal error' });
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
  return {
    port,
    url: `http://${opts.host}:${port}/`,
    async close() {
      world.off('change', onChange);
      for (const s of streams) s.end();
      streams.clear();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
