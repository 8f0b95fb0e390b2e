/** Fixed limits of a request, the same for every entry point (not settings: a change here is a code change). */

/**
 * At most this many coupon numbers in one request (`/coupon`, the form, a mention, a card's
 * button, the terminal). The rate limit may not be set below it, or a full request could never pass.
 */
export const MAX_BARCODES = 5;
