/**
 * Builds the Bolt app: the receiver for the chosen mode, the channel gate in front of every
 * entry point, the listeners, and an error handler that logs instead of crashing.
 */
import { App, HTTPReceiver, type LogLevel, SocketModeReceiver } from '@slack/bolt';
import type { SlackConfig } from '../config/slack.js';
import { errorFields, type Logger } from '../log/logger.js';
import type { BotDeps } from './deps/bot-deps.js';
import { channelGate } from './middleware/channel-gate.js';
import { eventOnce, ignoreBotEvents } from './middleware/event-admission.js';
import { SLACK_TIMEOUT_MS, type LeanFetch } from '../runtime/lean-fetch.js';
import { registerListeners } from './listeners/index.js';
import { slackApiBase } from '../config/slack-api-url.js';

export type SlackReceiver = { kind: 'http'; receiver: HTTPReceiver } | { kind: 'socket'; receiver: SocketModeReceiver };

export interface BuiltApp {
  readonly app: App;
  readonly receiver: SlackReceiver;
  /** The pool behind every Web API call and response_url post; closed on shutdown. */
  readonly http: LeanFetch;
}

export function buildSlackApp(config: SlackConfig, deps: BotDeps, logger: Logger): BuiltApp {
  const slackApiUrl = slackApiBase(config.apiUrl);
  // Retries stay short: a person is waiting for the card (the default retries for ~30 min).
  const { http } = deps;
  const clientOptions = {
    fetch: http.fetch,
    slackApiUrl,
    retryConfig: { retries: 2, factor: 2, minTimeout: 300, maxTimeout: 2000, maxRetryTime: 8000 },
    // A 429 comes back to us (thread-post.ts decides whether waiting is worth it) instead of
    // the client sleeping for as long as Slack asks while a person waits.
    rejectRateLimitedCalls: true,
    timeout: SLACK_TIMEOUT_MS,
  };
  const level = logger.getLevel() as LogLevel;
  const receiver: SlackReceiver =
    config.mode === 'socket'
      ? {
          kind: 'socket',
          receiver: new SocketModeReceiver({
            appToken: config.appToken ?? '',
            logger,
            logLevel: level,
            installerOptions: { clientOptions: { slackApiUrl } },
          }),
        }
      : {
          kind: 'http',
          // The HTTP front (src/runtime/slack-events.ts) has read, size-limited and verified the
          // body (both time directions, replays) before this receiver sees it, buffered.
          receiver: new HTTPReceiver({ signingSecret: config.signingSecret ?? '', signatureVerification: false, logger, logLevel: level }),
        };

  if (receiver.kind === 'socket') watchSocket(receiver.receiver, logger);
  const app = new App({
    token: config.botToken,
    receiver: receiver.receiver,
    logger,
    logLevel: level,
    clientOptions,
    deferInitialization: true,
    // Unused (no conversation state); without it Bolt builds an Error object per request.
    convoStore: false,
  });
  app.use(ignoreBotEvents(deps));
  app.use(eventOnce(deps));
  app.use(channelGate(deps));
  registerListeners(app, deps);
  app.error(async (error) => {
    logger.event('error', 'listener_error', errorFields(error.original ?? error));
  });
  return { app, receiver, http };
}

/** Log Socket Mode's connection state: `connected` as info, every other change as a warning. */
function watchSocket(receiver: SocketModeReceiver, logger: Logger): void {
  for (const state of ['connecting', 'connected', 'reconnecting', 'disconnecting', 'disconnected']) {
    receiver.client.on(state, () => logger.event(state === 'connected' ? 'info' : 'warn', 'socket_mode', { state }));
  }
}
