/**
 * The display module: every word and format a person sees, shared by the terminal (src/cli) and
 * the Slack card. Pure: no I/O, no clock of its own (callers pass `nowMs`), Korean by default.
 *
 * - `describeOrder(order, ctx)` → `OrderView` (one coupon), `describeError(error, locale)` →
 *   `ErrorView`, `describeMeta(meta, locale)` → `MetaView` (which environment answered, when).
 * - Formatters: `formatWon`, `formatDate`, `formatKst`, `kstIso` (masks are src/text/masks.ts's).
 * - Labels: `t(locale)`, `statusLabel`, `typeLabel`, `envLabel`; words per locale via `translate`.
 * - `describeOrders(orders, ctx)` → the views plus the several-orders summary; each view leads
 *   with its `verdict` and lists its fields from the one field table (`ORDER_FIELD_TABLE`).
 */
export { DEFAULT_LOCALE, translate, type Locale, type Translations } from './i18n.js';
export { describeEmptyAnswer, describeError, type ErrorSubject, type ErrorView } from './errors.js';
export { formatDate, formatDuration, formatKst, formatWon, kstIso } from './format.js';
export { envLabel, statusLabel, t, typeLabel, type Labels, type StatusLabel, type Tone } from './labels.js';
export { describeMeta, type MetaView } from './meta-view.js';
export { describeOrder, expiryText, fieldsOn, type OrderView, type OrderViewContext, type ViewRow } from './order-view.js';
export { MAX_ORDER_FIELDS, ORDER_FIELD_TABLE, type FieldRow, type OrderFieldKey, type Surface } from './order-fields.js';
export { describeOrders, summarizeOrders, type OrdersSummary, type OrdersView } from './orders-view.js';
export { describeVerdict, type Verdict, type VerdictCategory } from './verdict.js';
export { cleanVendorText, stripInvisible } from './vendor-text.js';
