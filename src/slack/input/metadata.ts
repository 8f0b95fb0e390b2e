/** What a shortcut's modal carries to its submission in `private_metadata` (≤ 3000 chars). */
export interface ModalMetadata {
  /** Channel of the message the shortcut ran on: re-checked against the allowlist on submit. */
  readonly channelId: string;
  /** Thread to reply in (`message.thread_ts ?? message.ts`). */
  readonly threadTs: string;
  /** The shortcut's response_url, for private fallbacks. */
  readonly responseUrl?: string;
}

export function encodeModalMetadata(m: ModalMetadata): string {
  return JSON.stringify({ c: m.channelId, t: m.threadTs, ...(m.responseUrl ? { r: m.responseUrl } : {}) });
}

/** Tolerant: null on anything malformed. */
export function decodeModalMetadata(raw: string | undefined): ModalMetadata | null {
  if (!raw) return null;
  try {
    const v = JSON.parse(raw) as { c?: unknown; t?: unknown; r?: unknown };
    if (typeof v.c !== 'string' || typeof v.t !== 'string') return null;
    return { channelId: v.c, threadTs: v.t, ...(typeof v.r === 'string' ? { responseUrl: v.r } : {}) };
  } catch {
    return null;
  }
}
