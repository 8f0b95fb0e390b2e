/**
 * Label values for the bot's metrics, each from a small fixed set or a strict pattern, so no
 * barcode, phone number, user ID, token or vendor text can ever become a time series. Pure.
 */
import { ErrorCode, VendorError } from '../coufun/errors.js';
import type { LookupOutcome } from '../lookup/types.js';
import { ENTRY_METRICS, metricOf } from '../slack/entry-points/registry.js';

/** The label used for anything that does not fit its label's set or pattern. */
export const OTHER = 'other';

/** Where a lookup came from: the Slack entry points' metric labels, from their registry. */
export const ENTRY_LABELS: readonly string[] = ENTRY_METRICS;

/**
 * How a lookup ended: `found` (the vendor answered with orders), or the failure's class. Never
 * the vendor's text, the order status (a card's business, not the operator's) or the barcode.
 */
export const OUTCOME_LABELS = [
  'found',
  'vendor_error',
  'invalid_input',
  'timeout',
  'network',
  'http_status',
  'bad_response',
  'oversize',
  'internal',
] as const;
export type OutcomeLabel = (typeof OUTCOME_LABELS)[number] | typeof OTHER;

const OUTCOME_BY_CODE: Readonly<Record<ErrorCode, OutcomeLabel>> = {
  [ErrorCode.InvalidInput]: 'invalid_input',
  [ErrorCode.Timeout]: 'timeout',
  [ErrorCode.Network]: 'network',
  [ErrorCode.HttpStatus]: 'http_status',
  [ErrorCode.BadResponse]: 'bad_response',
  [ErrorCode.Oversize]: 'oversize',
  [ErrorCode.Vendor]: 'vendor_error',
  [ErrorCode.Internal]: 'internal',
};

/** The metric label of an entry point's name (one of ENTRY_LABELS), else `other`. */
export function entryLabel(entry: unknown): string {
  return (typeof entry === 'string' ? metricOf(entry) : undefined) ?? OTHER;
}

/** The outcome class of one lookup (see OUTCOME_LABELS). */
export function outcomeClass(outcome: LookupOutcome): OutcomeLabel {
  if (outcome.ok) return 'found';
  if (outcome.error instanceof VendorError) return 'vendor_error';
  return OUTCOME_BY_CODE[outcome.error.code] ?? OTHER;
}

const VENDOR_RESULT = /^vendor_\d{2}$/;
const PLAIN_RESULT = new Set(['ok', ...Object.values(ErrorCode).map((c) => c.toLowerCase())]);

/**
 * A vendor request's result as the lookup service reports it (`ok`, `vendor_16`, `timeout`, …):
 * kept when it is `ok`, a two-digit vendor code or a known error code; a vendor code of another
 * shape becomes `vendor_other`, anything else `other`.
 */
export function vendorResultLabel(result: string): string {
  if (PLAIN_RESULT.has(result) || VENDOR_RESULT.test(result)) return result;
  return result.startsWith('vendor_') ? 'vendor_other' : OTHER;
}

const SLACK_METHOD = /^[a-z]+(\.[a-zA-Z]+)+$/;
const SLACK_ERROR = /^[a-z_]{1,40}$/;
const HTTP_ERROR = /^http_[1-5]\d\d$/;

/** A Web API method name (`chat.postMessage`), else `other`. */
export function slackMethodLabel(method: string | undefined): string {
  return method !== undefined && method.length <= 60 && SLACK_METHOD.test(method) ? method : OTHER;
}

/** A Slack error code (`channel_not_found`) or an HTTP failure of ours (`http_503`), else `other`. */
export function slackErrorLabel(error: unknown): string {
  return typeof error === 'string' && (SLACK_ERROR.test(error) || HTTP_ERROR.test(error)) ? error : OTHER;
}

/** An HTTP failure from Slack without a readable error code: `http_429`, `http_503`, … */
export function httpStatusLabel(status: number): string {
  return Number.isInteger(status) && status >= 100 && status <= 599 ? `http_${status}` : 'http_other';
}
