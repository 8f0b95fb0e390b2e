/**
 * The display module: every word and format a person sees, shared by the terminal (src/cli) and
 * the Slack card. Pure: no I/O, no clock of its own (callers pass `nowMs`), Korean by default.
 *
 * - `describeOrder(order, ctx)` → `OrderView` (one coupon), `describeError(error, locale)` →
 *   `ErrorView`, `describeMeta(meta, locale)` → `MetaView` (which environment answered, when).
 * - Formatters: `formatWon`, `formatDate`, `formatKst`, `kstIso`, masks `maskPhone`, `maskBarcode`.
 * - Labels: `t(locale)`, `statusLabel`, `typeLabel`, `envLabel`.
 */
export { DEFAULT_LOCALE, translate, type Locale, type Translations } from './i18n.js';
export { describeError, type ErrorView } from './errors.js';
export { formatDate, formatDuration, formatKst, formatWon, kstDate, kstDaysUntil, kstIso, maskBarcode, maskPhone } from './format.js';
export { envLabel, statusLabel, t, typeLabel, type Labels, type StatusLabel, type Tone } from './labels.js';
export { describeMeta, type MetaView } from './meta-view.js';
export { describeOrder, expiryText, type OrderView, type OrderViewContext, type ViewRow } from './order-view.js';
