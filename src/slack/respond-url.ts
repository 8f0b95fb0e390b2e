/** POST a message to a Slack response_url (used where Bolt offers no `respond`, e.g. after a modal). */
export async function respondTo(responseUrl: string, message: Record<string, unknown>, fetchFn: typeof fetch = fetch): Promise<void> {
  const res = await fetchFn(responseUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(message),
    signal: AbortSignal.timeout(10_000),
  });
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`response_url answered HTTP ${res.status}`);
}
