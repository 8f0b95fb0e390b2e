/**
 * What people type or paste, made comparable: NFC, full-width letters/digits (a Korean IME's
 * 全角 mode) to ASCII, dash look-alikes to `-`, no-break spaces to spaces. Pure; shared by the
 * `/coupon` parser and the complaint-message extractor so both read a number the same way.
 */
export function normaliseTyped(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[０-９Ａ-Ｚａ-ｚ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\u2010-\u2015\u2212\uff0d]/g, '-')
    .replace(/\u00a0/g, ' ');
}
