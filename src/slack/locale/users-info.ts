/**
 * `users.info?include_locale=true` as one plain POST. The locale is best-effort (any failure
 * means Korean), so it does without the Web API client's queue, retries and per-call debug
 * lines, which the benchmark showed costing ~0.3 ms of CPU per new user.
 */
import { slackApiBase } from '../../config/slack-api-url.js';

/** The user's Slack locale (`ko-KR`, `en-US`…), or undefined when Slack has none; rejects on any failure. */
export async function fetchUserLocale(
  fetchFn: typeof fetch,
  opts: { readonly apiUrl: string | undefined; readonly token: string; readonly user: string },
): Promise<{ locale: string | undefined }> {
  const res = await fetchFn(`${slackApiBase(opts.apiUrl)}users.info`, {
    method: 'POST',
    headers: { authorization: `Bearer ${opts.token}`, 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body: new URLSearchParams({ user: opts.user, include_locale: 'true' }).toString(),
  });
  const body = (await res.json().catch(() => null)) as { ok?: boolean; error?: string; user?: { locale?: unknown } } | null;
  // The error code (e.g. missing_scope) only; never the token or the body.
  if (!res.ok || !body?.ok) throw new Error(`users.info failed: ${body?.error ?? `HTTP ${res.status}`}`);
  const locale = body.user?.locale;
  if (locale !== undefined && typeof locale !== 'string') throw new Error('users.info failed: locale is not a string');
  return { locale };
}
