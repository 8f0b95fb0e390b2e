/** BULK_* settings: defaults, bounds, and every problem listed at once. */
import { describe, expect, it } from 'vitest';
import { BULK_DEFAULTS, loadBulkConfig } from '../../src/config/bulk.js';
import { configProblems } from '../support/config-problems.js';

describe('bulk configuration', () => {
  it('defaults: 5,000 rows, 10 MB, 5 a second, 4 at once, stop after 2 minutes, results kept 24 h', () => {
    expect(loadBulkConfig({})).toEqual(BULK_DEFAULTS);
    expect(BULK_DEFAULTS).toMatchObject({
      maxItems: 5000,
      maxFileBytes: 10 * 1024 * 1024,
      ratePerSecond: 5,
      concurrency: 4,
      stallMs: 120_000,
      resultTtlMs: 86_400_000,
    });
  });

  it('reads every variable', () => {
    const c = loadBulkConfig({
      BULK_MAX_ITEMS: '100',
      BULK_MAX_FILE_BYTES: '2048',
      BULK_RATE_PER_SECOND: '50',
      BULK_CONCURRENCY: '16',
      BULK_STALL_MS: '5000',
      BULK_RESULT_TTL_MS: '60000',
      BULK_LOCK_MS: '1000',
    });
    expect(c).toEqual({
      maxItems: 100,
      maxFileBytes: 2048,
      ratePerSecond: 50,
      concurrency: 16,
      stallMs: 5000,
      resultTtlMs: 60_000,
      lockMs: 1000,
    });
  });

  it('lists every problem at once', () => {
    const problems = configProblems(loadBulkConfig, {
      BULK_RATE_PER_SECOND: '0',
      BULK_CONCURRENCY: '1000',
      BULK_MAX_ITEMS: 'many',
      BULK_STALL_MS: '-1',
    });
    expect(problems).toHaveLength(4);
    expect(problems.join('\n')).toMatch(/BULK_RATE_PER_SECOND="0" must be a whole number from 1 to 500/);
    expect(problems.join('\n')).toMatch(/BULK_CONCURRENCY="1000"/);
  });
});
