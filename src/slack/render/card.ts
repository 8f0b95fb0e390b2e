/**
 * The lookup card: one message for the outcomes of one request (1–5 barcodes, each with 1–10
 * orders or an error), in request order. The full layout shows every fact of every order; when
 * it would break Slack's limits the card switches to one line per order, and if even that is too
 * long it shows the first orders and says how many were left off.
 */
import type { KnownBlock } from '@slack/types';
import {
  describeEmptyAnswer,
  describeError,
  describeOrders,
  envLabel,
  type ErrorView,
  type Locale,
  type OrdersView,
} from '../../display/index.js';
import { maskBarcode } from '../../text/masks.js';
import type { LookupOutcome } from '../../lookup/types.js';
import { cardActions, type ButtonValue, type CardAction, type CardActionValue } from './actions.js';
import { context, divider, escapeMrkdwn, fallbackText, header, inertMarkers, type SlackMessage } from './blocks.js';
import { errorBlock } from './card-error.js';
import { fitBody, fitsMessage, type BodyItem } from './card-fit.js';
import { footerBlock, sandboxBanner } from './card-footer.js';
import { compactOrderBlock, fullOrderBlocks, summaryBlocks, summaryLineBlock } from './card-order.js';
import { slackWords } from './strings.js';

/** How and for whom a card is rendered. */
export interface CardContext {
  readonly locale: Locale;
  /** Now (injected clock), for "days left" / "expired … ago". */
  readonly nowMs: number;
  /** Slack user ID of the person who asked, shown as `<@U…>`. */
  readonly requesterId: string;
  /** Catalog name of the goods; without it the goods ID is the title. */
  readonly goodsName?: string;
  /**
   * `private`: ephemeral, buttons 채널에 공유 + 새로고침 (+ 다시 시도 when a retry may help);
   * `shared`: posted to the channel, names who shared it, no buttons;
   * `thread`: posted in a thread by the shortcut, names who checked, a refresh button.
   */
  readonly mode: 'private' | 'shared' | 'thread';
  /** Who shared the card (shared mode); defaults to the requester. */
  readonly sharedBy?: string;
  /**
   * Thread mode: the reference the refresh button carries instead of the barcodes (a thread
   * card is readable by the whole channel). Without one, a thread card has no button.
   */
  readonly buttonRef?: string;
}

/** One outcome described once, for the blocks and the fallback text alike. */
type Described =
  | { readonly ok: true; readonly outcome: LookupOutcome; readonly orders: OrdersView }
  | { readonly ok: false; readonly outcome: LookupOutcome; readonly view: ErrorView };

function describe(outcome: LookupOutcome, ctx: CardContext): Described {
  const { locale } = ctx;
  if (!outcome.ok) return { ok: false, outcome, view: describeError(outcome.error, locale, { barcode: outcome.barcode }) };
  // A success without orders is not a usable answer; it reads as the protocol problem it is.
  if (outcome.orders.length === 0) return { ok: false, outcome, view: describeEmptyAnswer(locale) };
  const base = { nowMs: ctx.nowMs, locale, goodsId: outcome.goodsId, barcode: outcome.barcode };
  return { ok: true, outcome, orders: describeOrders(outcome.orders, ctx.goodsName ? { ...base, goodsName: ctx.goodsName } : base) };
}

/** Render the card for one request's outcomes. Pure: same outcomes and context, same message. */
export function renderLookupMessage(outcomes: readonly LookupOutcome[], ctx: CardContext): SlackMessage {
  const described = outcomes.map((o) => describe(o, ctx));
  const metas = outcomes.map((o) => o.meta);
  const banner = sandboxBanner(metas, ctx.locale);
  const top: KnownBlock[] = banner ? [banner] : [];
  const actions = cardActions(buttonsFor(outcomes, described, ctx), ctx.locale);
  const sources = described.map((d) => ({ meta: d.outcome.meta, answered: d.ok || d.view.answered }));
  const bottom: KnownBlock[] = [...(actions ? [actions] : []), footerBlock(sources, ctx, ctx.locale)];
  // The notification text is mrkdwn too: vendor values in it stay text.
  const text = fallbackText(summaryLines(described, ctx).map(inertMarkers));

  const full = [...top, ...fullBody(described, ctx.locale), ...bottom];
  if (fitsMessage(full)) return { text, blocks: full };
  return { text, blocks: compactBlocks(described, ctx, top, bottom) };
}

function fullBody(described: readonly Described[], locale: Locale): KnownBlock[] {
  return described.flatMap((d, i) => {
    const sep: KnownBlock[] = i > 0 ? [divider()] : [];
    if (!d.ok) return [...sep, errorBlock(d.view, d.outcome.barcode, locale)];
    const { orders, summary } = d.orders;
    const head = summary && orders[0] ? summaryBlocks(orders[0].title, summary) : [];
    return [...sep, ...head, ...orders.flatMap((view, j) => fullOrderBlocks(view, j, orders.length))];
  });
}

function compactBlocks(described: readonly Described[], ctx: CardContext, top: KnownBlock[], bottom: KnownBlock[]): KnownBlock[] {
  const { locale } = ctx;
  const words = slackWords(locale).card;
  const first = described[0];
  const title = ctx.goodsName ?? first?.outcome.goodsId ?? '';
  const head: KnownBlock[] = [...top, header(title), context([escapeMrkdwn(words.compactNote)])];
  const items: BodyItem[] = described.flatMap((d): BodyItem[] =>
    d.ok
      ? [
          // The compact card has its one header already: just the summary line.
          ...(d.orders.summary
            ? [{ kind: 'keep', block: summaryLineBlock(d.orders.summary, maskBarcode(d.outcome.barcode)) } as const]
            : []),
          ...d.orders.orders.map((view): BodyItem => ({ kind: 'order', block: compactOrderBlock(view) })),
        ]
      : [{ kind: 'keep', block: errorBlock(d.view, d.outcome.barcode, locale) }],
  );
  const total = items.filter((i) => i.kind === 'order').length;
  const notShown = (n: number): KnownBlock => context([`➕ ${escapeMrkdwn(words.notShown(n))}`]);
  const fitted = fitBody(items, [...head, notShown(total), ...bottom]);
  const tail = fitted.dropped > 0 ? [notShown(fitted.dropped)] : [];
  return [...head, ...fitted.blocks, ...tail, ...bottom];
}

/** Buttons by mode. Every button repeats the request's first goods and its barcodes. */
function buttonsFor(
  outcomes: readonly LookupOutcome[],
  described: readonly Described[],
  ctx: CardContext,
): Array<readonly [CardAction, ButtonValue]> {
  const goodsId = outcomes[0]?.goodsId;
  if (goodsId === undefined || ctx.mode === 'shared') return [];
  const all: CardActionValue = { goodsId, barcodes: unique(outcomes.filter((o) => o.goodsId === goodsId).map((o) => o.barcode)) };
  if (ctx.mode === 'thread') return ctx.buttonRef ? [['refresh', { ref: ctx.buttonRef }]] : [];
  // One way to look again: 다시 시도 when a failure is worth retrying (it repeats the whole card;
  // answers that arrived come back from the cache), else 새로고침.
  const retryable = described.some((d) => !d.ok && d.view.retryable && d.outcome.goodsId === goodsId);
  // Nothing to show the channel when every outcome is a problem only the operator can fix.
  const shareable = described.some((d) => d.ok || d.view.audience !== 'operator');
  return [...(shareable ? [['share', all] as const] : []), retryable ? ['retry', all] : ['refresh', all]];
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** One plain line per barcode (masked barcode, the verdicts or the error), for notifications and screen readers. */
function summaryLines(described: readonly Described[], ctx: CardContext): string[] {
  const sandbox = described.some((d) => d.outcome.meta.env === 'sandbox');
  const lines = described.map((d) => {
    const title = ctx.goodsName ?? d.outcome.goodsId;
    const what = d.ok
      ? [...(d.orders.summary ? [d.orders.summary.line] : []), ...d.orders.orders.map((v) => v.verdict.line)].join(', ')
      : `${d.view.verdict} · ${d.view.title}`;
    return `${title} ${maskBarcode(d.outcome.barcode)}: ${what}`;
  });
  return sandbox ? [`🧪 ${envLabel('sandbox', ctx.locale)}`, ...lines] : lines;
}
