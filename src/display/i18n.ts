/**
 * The one i18n mechanism: every word table of the app is a `Translations<T>` (one entry per
 * locale, the same shape in each, checked by the compiler) read with `translate`. Korean is the
 * default for the ops team; English is for people whose Slack language is English.
 */

/** Display language. */
export type Locale = 'ko' | 'en';

/** Korean, the ops team's language. */
export const DEFAULT_LOCALE: Locale = 'ko';

/** One word table per locale, all of the same shape `T`. */
export type Translations<T> = Readonly<Record<Locale, T>>;

/** The words of `table` for `locale` (the default locale's when a caller passes something else). */
export function translate<T>(table: Translations<T>, locale: Locale): T {
  return Object.hasOwn(table, locale) ? table[locale] : table[DEFAULT_LOCALE];
}
