/**
 * Pure formatters shared by every front end (terminal, Slack card, audit log).
 * Times are shown in Korea Standard Time whatever the machine's time zone; the calendar
 * arithmetic behind that lives in src/time/kst.ts.
 */
import type { CalendarDate } from '../time/calendar-date.js';
import { formatInKst } from '../time/kst.js';
import { translate, type Locale, type Translations } from './i18n.js';

const UNITS: Translations<{ readonly won: (sign: string, digits: string) => string; readonly seconds: (s: number) => string }> = {
  ko: { won: (sign, digits) => `${sign}${digits}원`, seconds: (s) => `${s}초` },
  en: { won: (sign, digits) => `${sign}₩${digits}`, seconds: (s) => `${s} s` },
};

function group(n: number): string {
  return String(Math.abs(Math.trunc(n))).replace(/\B(?=(\d{3})+$)/g, ',');
}

/** Won amount: ko `2,500원`, en `₩2,500`. Fractions are dropped (won has no minor unit). */
export function formatWon(n: number, locale: Locale): string {
  // Sign of the truncated amount, so a dropped fraction never leaves a `-0원`.
  const sign = Math.trunc(n) < 0 ? '-' : '';
  return translate(UNITS, locale).won(sign, group(n));
}

/**
 * A calendar date as `YYYY-MM-DD`. Accepts the typed `CalendarDate` (already `YYYY-MM-DD`) or the
 * vendor's `YYYYMMDD`; anything else is returned unchanged, never hidden.
 */
export function formatDate(date: CalendarDate): string {
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(date);
  return compact ? `${compact[1]}-${compact[2]}-${compact[3]}` : date;
}

/** An instant (epoch ms or Date) as `YYYY-MM-DD HH:mm` in KST, whatever the machine's TZ. Throws RangeError for an invalid instant. */
export function formatKst(at: number | Date): string {
  return formatInKst(at, 'YYYY-MM-DD HH:mm');
}

/** An instant as ISO 8601 with the KST offset, e.g. `2023-09-15T12:30:00+09:00` (for JSON). */
export function kstIso(at: number | Date): string {
  return formatInKst(at, 'YYYY-MM-DDTHH:mm:ssZ');
}

/** A duration for people: `850ms`, `1.2초` / `1.2 s`. */
export function formatDuration(ms: number, locale: Locale): string {
  // Decide on the rounded value, so 999.6 ms reads `1초`, not `1000ms`.
  const whole = Math.round(ms);
  if (whole < 1000) return `${whole}ms`;
  const s = Math.round(ms / 100) / 10;
  return translate(UNITS, locale).seconds(s);
}
