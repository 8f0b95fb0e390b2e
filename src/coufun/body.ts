/** Reading a response body with a byte cap, without ever buffering more than the cap. */
import { OversizeError } from './errors.js';

/** The part of an undici response body (or any Node Readable) that the reader needs. */
export interface ByteStream extends AsyncIterable<Uint8Array | string> {
  destroy(error?: Error): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

const ignore = (): void => {};

/**
 * Destroys a body nobody will read. undici reports the early destroy as an 'error' event
 * ("Request aborted"); with no listener that would be an uncaught exception, so one is attached.
 */
export function discardBody(body: ByteStream): void {
  body.on('error', ignore);
  body.destroy();
}

/**
 * Collects `body` into one buffer. Throws `OversizeError` at once when `contentLength` announces
 * more than `maxBytes`, or as soon as the bytes received pass `maxBytes`; in both cases the
 * stream is destroyed so the connection is not left half-read. Stream errors propagate.
 */
export async function readCappedBody(
  body: ByteStream,
  contentLength: string | string[] | undefined,
  maxBytes: number,
): Promise<Uint8Array> {
  // Errors still reach the loop below; the listener only covers those emitted after it stops.
  body.on('error', ignore);
  const announced = Number(Array.isArray(contentLength) ? contentLength[0] : contentLength);
  if (Number.isFinite(announced) && announced > maxBytes) {
    discardBody(body);
    throw new OversizeError(maxBytes);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of body) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      total += bytes.byteLength;
      if (total > maxBytes) throw new OversizeError(maxBytes);
      chunks.push(bytes);
    }
  } catch (e) {
    discardBody(body);
    throw e;
  }
  return Buffer.concat(chunks, total);
}
