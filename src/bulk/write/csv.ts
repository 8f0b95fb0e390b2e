/** The result as CSV: UTF-8 with a byte-order mark, so Excel on a Korean Windows PC opens it right. Pure. */
import { stringify } from 'csv-stringify/sync';
import type { Locale } from '../../display/index.js';
import type { ResultRow } from '../results/rows.js';
import { bulkWords, COLUMNS } from '../results/words.js';

export function resultCsv(rows: readonly ResultRow[], locale: Locale): Buffer {
  const header = COLUMNS.map((c) => bulkWords(locale).header[c]);
  const body = rows.map((row) => COLUMNS.map((c) => String(row[c])));
  return Buffer.from(stringify([header, ...body], { bom: true, record_delimiter: 'windows' }), 'utf8');
}
