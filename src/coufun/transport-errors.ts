/**
 * Maps what undici and Node's sockets throw onto a short, log-safe reason and whether a retry
 * is safe and useful. Pure: looks only at the error's `code`/`name` and its `cause` chain.
 */

/** How a transport failure should be reported. */
export type TransportFailure =
  | { readonly kind: 'timeout' }
  | { readonly kind: 'network'; readonly reason: string; readonly retry: boolean };

// Retrying is safe for every one of these (the lookup is read-only); it is only *useful* when
// the failure may be transient, not for a bad certificate or an unknown host.
const BY_CODE: Readonly<Record<string, { reason: string; retry: boolean }>> = {
  ECONNREFUSED: { reason: 'connection refused', retry: true },
  ECONNRESET: { reason: 'connection reset', retry: true },
  EPIPE: { reason: 'connection reset', retry: true },
  UND_ERR_SOCKET: { reason: 'connection closed', retry: true },
  UND_ERR_CONNECT_TIMEOUT: { reason: 'connect timeout', retry: true },
  ETIMEDOUT: { reason: 'connect timeout', retry: true },
  EHOSTUNREACH: { reason: 'host unreachable', retry: true },
  ENETUNREACH: { reason: 'network unreachable', retry: true },
  EAI_AGAIN: { reason: 'DNS lookup failed', retry: true },
  ENOTFOUND: { reason: 'DNS lookup failed', retry: false },
  UND_ERR_RES_CONTENT_LENGTH_MISMATCH: { reason: 'response cut short', retry: true },
  UND_ERR_CLOSED: { reason: 'client closed', retry: false },
  UND_ERR_DESTROYED: { reason: 'client closed', retry: false },
  UND_ERR_PRX_TLS: { reason: 'proxy TLS error', retry: false },
};

// Reasons for a connection that was made and then broke (mid-request or mid-answer): not "could
// not connect". Every other network reason is a failure to connect at all.
const BROKE_OFF = new Set(['connection reset', 'connection closed', 'response cut short', 'invalid HTTP response']);

/** Whether a NetworkError reason means the connection broke after it was made (`exchange`) or was never made (`connect`). */
export function networkStage(reason: string): 'connect' | 'exchange' {
  return BROKE_OFF.has(reason) ? 'exchange' : 'connect';
}

const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);
const TLS_CODE = /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|HOSTNAME_MISMATCH)/;

/**
 * Classify `error` (walking `cause` links). Returns `null` for anything that is not a known
 * transport failure, so a programming error is never disguised as a network problem.
 */
export function classifyTransportError(error: unknown): TransportFailure | null {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    // undici's HTTPParserError does not always carry an HPE_* code.
    if (e.name === 'HTTPParserError' || (typeof code === 'string' && code.startsWith('HPE_'))) {
      return { kind: 'network', reason: 'invalid HTTP response', retry: false };
    }
    if (typeof code !== 'string') continue;
    if (TIMEOUT_CODES.has(code)) return { kind: 'timeout' };
    const known = BY_CODE[code];
    if (known) return { kind: 'network', ...known };
    if (TLS_CODE.test(code)) return { kind: 'network', reason: 'TLS error', retry: false };
    if (code === 'UND_ERR_ABORTED' && /proxy/i.test(e.message)) {
      return { kind: 'network', reason: 'proxy refused the tunnel', retry: false };
    }
  }
  return null;
}
