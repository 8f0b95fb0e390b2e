/**
 * What a client of the HTTP front may cost us, sized to Slack's real traffic (see the README's
 * "HTTP limits"). Slack sends a whole request at once and expects an answer within 3 s, so a
 * body or header that takes seconds to arrive is not Slack.
 */
export interface HttpLimits {
  /**
   * Largest accepted body. Measured: a message shortcut on a 40,000-character Korean message
   * (text plus its rich_text copy) is 721 KB form-encoded; a bot message at Block Kit's limits
   * (50 sections of 3,000 Korean characters plus 40,000 of text) is 1.72 MB. 2 MiB covers both.
   */
  readonly bodyBytes: number;
  /** All bodies being received at once, together: past it new requests get 503. */
  readonly bufferedBytes: number;
  /** From the first byte of the body to its last. */
  readonly bodyTimeoutMs: number;
  /** From the connection (or the previous response) to the end of the request headers. */
  readonly headersTimeoutMs: number;
  /** The whole request, headers and body. */
  readonly requestTimeoutMs: number;
  /** Open connections at once; more are closed as they arrive. */
  readonly maxConnections: number;
  /** An idle keep-alive connection is closed after this (longer than load balancers' 60 s). */
  readonly keepAliveTimeoutMs: number;
  /** A connection with no traffic at all for this long is closed. */
  readonly idleTimeoutMs: number;
}

/** The limits the bot runs with (tests lower some to reach them quickly). */
export const DEFAULT_HTTP_LIMITS: HttpLimits = Object.freeze({
  bodyBytes: 2 * 1024 * 1024,
  bufferedBytes: 32 * 1024 * 1024,
  bodyTimeoutMs: 5_000,
  headersTimeoutMs: 5_000,
  requestTimeoutMs: 10_000,
  maxConnections: 1024,
  keepAliveTimeoutMs: 65_000,
  idleTimeoutMs: 70_000,
});
