/**
 * Short references that tie a log line to what a person was told ("참조 d3a91f0c"). Eight hex
 * characters, the first always a letter: an all-digit reference would read as a customer number
 * to the log redaction and be masked, and the line could no longer be found from the card.
 */
import { randomBytes } from 'node:crypto';

export function newRef(): string {
  const bytes = randomBytes(4);
  const first = 'abcdef'[bytes[0]! % 6]!;
  return first + bytes.toString('hex').slice(1);
}
