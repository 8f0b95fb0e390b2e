/**
 * `CoufunError` → `ErrorView`: what to tell a person about a failed lookup, and who can act.
 * Never shows raw XML/HTML, a full barcode or a phone number.
 */
import {
  BadResponseError,
  HttpStatusError,
  InternalError,
  NetworkError,
  OversizeError,
  TimeoutError,
  ValidationError,
  VendorError,
  type CoufunError,
} from '../coufun/errors.js';
import { networkStage } from '../coufun/transport-errors.js';
import type { ResultAudience } from '../coufun/types.js';
import { errorWords } from './error-text.js';
import { formatDuration } from './format.js';
import { t } from './labels.js';
import type { Locale } from './i18n.js';
import { vendorCodeWords } from './vendor-hints.js';
import { cleanVendorText, stripInvisible } from './vendor-text.js';

/** A failure, ready to render. */
export interface ErrorView {
  /** Short headline; for a vendor failure it names the result code. */
  readonly title: string;
  /** What happened, in one or two sentences; for a vendor failure, its RESULT_MSG verbatim. */
  readonly detail: string;
  /** What to do next, and who should do it. */
  readonly hint: string;
  /** Who can fix it: the asker (`user`), the bot operator, nobody (`transient`: retry), or unknown. */
  readonly audience: ResultAudience;
  /** Whether simply trying again may help (from the error). */
  readonly retryable: boolean;
  /** Stable reference for support: the vendor's RESULT_CODE for vendor failures, else the error code. */
  readonly code: string;
  /**
   * Whether an answer from Coufun arrived at all (a vendor code, an HTTP status, an unreadable
   * or oversized body): only then does a response time mean anything.
   */
  readonly answered: boolean;
  /** `detail` is the vendor's own text (RESULT_MSG), cleaned and masked: show it quoted, as text. */
  readonly vendorText: boolean;
  /**
   * The card's first line for a failure: whether the coupon can be used cannot be told, unless
   * the vendor's code says so itself (17 already used, 18 already cancelled).
   */
  readonly verdict: string;
}

/** What the failure is about, so vendor text that echoes it can be masked. */
export interface ErrorSubject {
  /** The coupon number asked about. */
  readonly barcode?: string;
}

// Reasons from the transport layer are short log-safe phrases; cap them anyway so a future,
// chattier reason cannot flood a card.
const MAX_REASON_CHARS = 80;

/** Describe a lookup failure for people, in `locale`. */
export function describeError(error: CoufunError, locale: Locale, subject: ErrorSubject = {}): ErrorView {
  const words = errorWords(locale);
  const answered =
    error instanceof VendorError || error instanceof HttpStatusError || error instanceof BadResponseError || error instanceof OversizeError;
  const base = { retryable: error.retryable, code: error.code as string, answered, vendorText: false, verdict: t(locale).verdict.failed };

  if (error instanceof ValidationError) {
    const field = words.field[error.field];
    const v = words.validation;
    const { limit, actual, char } = error.detail;
    const detail =
      error.rule === 'required'
        ? v.required(field)
        : error.rule === 'max_bytes'
          ? v.maxBytes(field, String(limit ?? '?'), String(actual ?? '?'))
          : v.charset(field, char === undefined ? '?' : showChar(char));
    // POC_ID comes from the bot's configuration, not from the person asking.
    const audience: ResultAudience = error.field === 'POC_ID' ? 'operator' : 'user';
    return { ...base, title: v.title, detail, hint: v.hint[error.field], audience };
  }

  if (error instanceof VendorError) {
    const known = vendorCodeWords(error.vendorCode, locale);
    const audience = error.info.audience;
    // The code and the message are the vendor's text: shown as text, never as controls or numbers.
    const code = stripInvisible(error.vendorCode);
    const message = cleanVendorText(error.vendorMessage, subject.barcode).trim();
    return {
      ...base,
      code,
      title: words.vendor.title(code, known?.meaning ?? null),
      detail: message === '' ? words.vendor.noMessage : message,
      vendorText: true,
      hint: known?.hint ?? (error.info.known ? words.hintFor[audience] : words.vendor.unknownCodeHint(code)),
      audience,
      verdict: known?.verdict ?? base.verdict,
    };
  }

  if (error instanceof TimeoutError) {
    const { title, detail } = words.timeout;
    return {
      ...base,
      title,
      detail: detail(formatDuration(error.timeoutMs, locale)),
      hint: words.hintFor.transient,
      audience: 'transient',
    };
  }

  if (error instanceof NetworkError) {
    // A non-retryable network failure (unknown host, TLS, proxy) is a deployment problem.
    const audience: ResultAudience = error.retryable ? 'transient' : 'operator';
    const reason = error.reason.slice(0, MAX_REASON_CHARS);
    // A reset mid-answer is not "could not connect".
    const text = networkStage(error.reason) === 'exchange' ? words.brokeOff : words.network;
    return { ...base, title: text.title, detail: text.detail(reason), hint: words.hintFor[audience], audience };
  }

  if (error instanceof HttpStatusError) {
    // 5xx: the vendor is struggling; 3xx/4xx: the URL or access is wrong, which is configuration.
    const audience: ResultAudience = error.status >= 500 ? 'transient' : 'operator';
    return {
      ...base,
      title: words.httpStatus.title,
      detail: words.httpStatus.detail(error.status),
      hint: words.hintFor[audience],
      audience,
    };
  }

  if (error instanceof BadResponseError) {
    const audience: ResultAudience = error.retryable ? 'transient' : 'unknown';
    return {
      ...base,
      title: words.badResponse.title,
      detail: words.badResponse.detail[error.reason],
      hint: words.hintFor[audience],
      audience,
    };
  }

  if (error instanceof InternalError) {
    const { title, detail } = words.internal;
    return { ...base, title, detail: detail(error.ref), hint: words.hintFor.operator, audience: 'operator' };
  }

  if (error instanceof OversizeError) {
    return {
      ...base,
      title: words.oversize.title,
      detail: words.oversize.detail(error.limitBytes),
      hint: words.hintFor.operator,
      audience: 'operator',
    };
  }

  return { ...base, title: words.other.title, detail: words.other.detail, hint: words.hintFor.unknown, audience: 'unknown' };
}

/**
 * A "success" that carried no order: not a usable answer, described as the protocol problem it
 * is (the card needs no error object for it).
 */
export function describeEmptyAnswer(locale: Locale): ErrorView {
  return describeError(new BadResponseError('no_orders'), locale);
}

/** One character made visible: `"#" (U+0023)`, so a space or control character can be seen. */
function showChar(char: string): string {
  const cp = char.codePointAt(0) ?? 0;
  const hex = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  const printable = cp > 0x20 && cp !== 0x7f && !(cp >= 0x80 && cp < 0xa0);
  return printable ? `"${char}" (${hex})` : hex;
}
