/**
 * The plan: a list's rows → the distinct (goods, number) items to look up, each row pointing at
 * its item. A number listed twice is asked once and reported on each of its rows. Pure.
 */
import { createHash } from 'node:crypto';
import type { ListRow, ReadList, RefusedRow } from './read/reader.js';

/** One distinct lookup. */
export interface BulkItem {
  readonly goodsId: string;
  readonly barcode: string;
}

/** A row to look up and the item that answers it. */
export interface PlanRow extends ListRow {
  readonly item: number;
}

export interface Plan {
  readonly items: readonly BulkItem[];
  /** In the list's order. */
  readonly rows: readonly PlanRow[];
  readonly refused: readonly RefusedRow[];
  /** Identifies the items (order included), so a resumed run knows it continues the same list. */
  readonly fingerprint: string;
}

export function planList(list: Pick<ReadList, 'rows' | 'refused'>): Plan {
  const index = new Map<string, number>();
  const items: BulkItem[] = [];
  const rows = list.rows.map((row) => {
    const key = `${row.goodsId}\u0000${row.barcode}`;
    let item = index.get(key);
    if (item === undefined) {
      item = items.length;
      index.set(key, item);
      items.push({ goodsId: row.goodsId, barcode: row.barcode });
    }
    return { ...row, item };
  });
  const hash = createHash('sha256');
  for (const item of items) hash.update(`${item.goodsId}\u0000${item.barcode}\n`);
  return { items, rows, refused: list.refused, fingerprint: hash.digest('base64url').slice(0, 22) };
}
