/**
 * A `fetch` wrapper that reports failed Slack Web API calls (`…/api/<method>`): an answer with
 * `ok:false` (its `error` code), an HTTP status ≥ 400 without one (`http_NNN`), or no answer at
 * all (`timeout`, `network`). The caller gets the same response (its body unread) or the same
 * error; other URLs (response_url posts) pass straight through.
 */
import { httpStatusLabel } from './labels.js';

/** Told about each failed Web API call; `method` is the raw path segment (the recorder bounds it). */
export type SlackApiErrorSink = (method: string | undefined, error: string) => void;

/** The Web API method of a request URL (`https://slack.com/api/chat.postMessage` → `chat.postMessage`), else undefined. */
export function slackApiMethod(input: string | URL | Request): string | undefined {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  const match = /\/api\/([^/?#]+)(?:[?#]|$)/.exec(url);
  return match?.[1];
}

/** Wrap `inner` so every failed Web API call reaches `sink`. Reporting never changes what the caller sees. */
export function instrumentSlackFetch(inner: typeof fetch, sink: SlackApiErrorSink): typeof fetch {
  const report = (method: string | undefined, error: string): void => {
    try {
      sink(method, error);
    } catch {
      // metrics are best-effort
    }
  };
  const wrapped = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const method = slackApiMethod(input);
    if (method === undefined) return inner(input, init);
    let res: Response;
    try {
      res = await inner(input, init);
    } catch (e) {
      report(method, thrownLabel(e));
      throw e;
    }
    const error = await failureOf(res);
    if (error !== undefined) report(method, error);
    return res;
  };
  return wrapped as typeof fetch;
}

/** The error code of a failed answer, or undefined for a success. Reads a copy of the body. */
async function failureOf(res: Response): Promise<string | undefined> {
  const code = await errorCodeOf(res);
  if (code !== undefined) return code;
  return res.status >= 400 ? httpStatusLabel(res.status) : undefined;
}

// Slack answers compact JSON; only a body that says `"ok":false` is parsed at all.
const NOT_OK = /"ok"\s*:\s*false/;

async function errorCodeOf(res: Response): Promise<string | undefined> {
  try {
    // A Response's body can be read once: read a clone (lean-fetch's clone re-reads its buffered
    // bytes, no stream tee). The check stays for fetch stand-ins in tests that have no clone().
    const copy = typeof res.clone === 'function' ? res.clone() : res;
    const text = await copy.text();
    if (!NOT_OK.test(text)) return undefined;
    const body = JSON.parse(text) as { ok?: unknown; error?: unknown };
    if (body.ok !== false) return undefined;
    return typeof body.error === 'string' ? body.error : 'unknown';
  } catch {
    return undefined;
  }
}

function thrownLabel(e: unknown): string {
  const name = e instanceof Error ? e.name : '';
  if (name === 'TimeoutError' || name === 'AbortError' || /timeout/i.test(name)) return 'timeout';
  return 'network';
}
