/**
 * Socket Mode's side of the fake Slack: a real WebSocket server on 127.0.0.1 that the fake Web
 * API's `apps.connections.open` hands out. Each connection gets Slack's `hello`; what the bot
 * sends back (envelope acks) is recorded; `send` delivers an envelope built by
 * test/support/payloads.ts (`socketEnvelope`).
 */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { FakeSlack } from './fake-slack.js';
import { socketEnvelope, type EnvelopeType } from './payloads.js';

export interface FakeSocketMode {
  readonly url: string;
  /** Every message the bot sent, on any connection, parsed. */
  readonly received: Record<string, unknown>[];
  /** Connections in the order they opened. */
  readonly connections: WebSocket[];
  /** The `n`th connection (1-based), once it is open. */
  connection(n?: number): Promise<WebSocket>;
  /** Whether the bot acked envelope `id`. */
  acked(id: string): boolean;
  /** Deliver a payload in an envelope on `ws`; returns the envelope ID. */
  send(ws: WebSocket, type: EnvelopeType, payload: Record<string, unknown>, retryAttempt?: number): string;
  close(): Promise<void>;
}

/** Start the socket side and point `slack`'s `apps.connections.open` at it. */
export async function startSocketMode(slack: FakeSlack): Promise<FakeSocketMode> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await once(server, 'listening');
  const received: Record<string, unknown>[] = [];
  const connections: WebSocket[] = [];
  const waiting: (() => void)[] = [];
  let envelopes = 0;
  server.on('connection', (ws) => {
    connections.push(ws);
    ws.on('message', (data) => received.push(JSON.parse(String(data)) as Record<string, unknown>));
    ws.send(JSON.stringify({ type: 'hello', num_connections: connections.length, connection_info: { app_id: 'A1' } }));
    for (const wake of waiting.splice(0)) wake();
  });
  const url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/link`;
  slack.on('apps.connections.open', () => ({ body: { ok: true, url } }));

  const connection = async (n = 1): Promise<WebSocket> => {
    while (connections.length < n) await new Promise<void>((wake) => waiting.push(wake));
    return connections[n - 1]!;
  };
  return {
    url,
    received,
    connections,
    connection,
    acked: (id) => received.some((m) => m.envelope_id === id),
    send(ws, type, payload, retryAttempt = 0) {
      envelopes += 1;
      const envelope = socketEnvelope(`env-${envelopes}`, type, payload, retryAttempt);
      ws.send(JSON.stringify(envelope));
      return String(envelope.envelope_id);
    },
    async close() {
      for (const ws of connections) ws.terminate();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
