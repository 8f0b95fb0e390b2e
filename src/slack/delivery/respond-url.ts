/**
 * POST a message to a Slack response_url where Bolt offers no `respond` (after a modal). The
 * fetch is the bot's Slack pool (lean-fetch.ts), which also bounds the wait.
 */
export async function respondTo(responseUrl: string, message: Record<string, unknown>, fetchFn: typeof fetch): Promise<void> {
  const res = await fetchFn(responseUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(message),
  });
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`response_url answered HTTP ${res.status}`);
}
