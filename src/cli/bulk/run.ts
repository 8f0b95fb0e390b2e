/**
 * `npm run lookup -- --file <list>`: check a whole list from a terminal. Reads and checks the
 * list in full before anything is sent, runs it through the in-process bulk queue (paced, over
 * the same lookup service as everything else), journals each result as it arrives, and writes
 * the result (CSV with BOM, or `.xlsx`) beside the list. Ctrl-C stops new lookups, lets those in
 * flight finish, writes what it has and says how to resume; a second press after a second stops
 * at once. Signals within a second are one press (npm and tsx forward the terminal's signal).
 */
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { readBulkConfig } from '../../config/bulk.js';
import { readCatalog } from '../../config/catalog.js';
import { readCoufunConfig } from '../../config/coufun.js';
import { ConfigError, EnvReader, type Env } from '../../config/env.js';
import { t } from '../../display/index.js';
import { planList } from '../../bulk/plan.js';
import { createMemoryQueue } from '../../bulk/queue/memory.js';
import type { BulkJobEnd } from '../../bulk/queue/types.js';
import { readList } from '../../bulk/read/reader.js';
import type { ItemResult } from '../../bulk/results/stored.js';
import { assembleResult } from '../../bulk/results/assemble.js';
import { summaryLines } from '../../bulk/results/summary-view.js';
import { resultCsv } from '../../bulk/write/csv.js';
import { resultXlsx } from '../../bulk/write/xlsx.js';
import { openLookup } from '../../lookup/bootstrap.js';
import { systemClock } from '../../time/clock.js';
import type { CliIo } from '../run.js';
import { BULK_EXIT, defaultOut, parseBulkArgs, type BulkCommand } from './args.js';
import { JournalWriter, readJournal } from './journal.js';
import { renderListProblem, renderRefused, renderResume, renderSummary } from './print.js';
import { createProgressView } from './progress.js';

/** Signals closer together than this are one Ctrl-C (the terminal, npm and tsx each deliver it). */
const SAME_PRESS_MS = 1000;

export async function runBulk(argv: readonly string[], env: Env, io: CliIo): Promise<number> {
  const args = parseBulkArgs(argv);
  if (!args.ok) {
    io.stderr.write(`${args.problems.join('\n')}\n`);
    return BULK_EXIT.usage;
  }
  const command = args.command;
  const r = new EnvReader(env);
  const coufun = readCoufunConfig(r);
  const catalog = readCatalog(r, coufun.env);
  const bulk = readBulkConfig(r);
  try {
    r.check();
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    io.stderr.write(`${e.message}\n`);
    return BULK_EXIT.usage;
  }
  const usage = (text: string): number => {
    io.stderr.write(`${text}\n`);
    return BULK_EXIT.usage;
  };
  if (!existsSync(command.file) || !statSync(command.file).isFile()) return usage(`${command.file}: 파일이 없습니다.`);
  // Measured before reading: a file over the limit is never loaded.
  const size = statSync(command.file).size;
  if (size > bulk.maxFileBytes) return usage(renderListProblem({ kind: 'too_large', bytes: size, limit: bulk.maxFileBytes }, command.file));
  const read = await readList(readFileSync(command.file), basename(command.file), {
    catalog,
    ...(command.goods !== undefined ? { goods: command.goods } : {}),
    ...(command.sheet !== undefined ? { sheet: command.sheet } : {}),
    maxItems: bulk.maxItems,
    maxFileBytes: bulk.maxFileBytes,
  });
  if (!read.ok) return usage(renderListProblem(read.problem, command.file));
  const plan = planList(read.list);
  if (plan.items.length === 0) return usage(`${renderRefused(plan.refused)}조회할 수 있는 쿠폰번호가 없습니다.`);

  const out = command.out ?? defaultOut(command.file);
  const journalPath = `${out}.journal`;
  let done: ReadonlyMap<number, ItemResult> = new Map();
  if (command.resume) {
    const journal = readJournal(journalPath, plan.fingerprint, plan.items.length);
    if (journal.kind === 'missing') return usage(`${journalPath}: 이어서 할 기록이 없습니다. --resume 없이 실행해 주세요.`);
    if (journal.kind === 'other_list')
      return usage(`${journalPath}: 다른 목록의 기록입니다 (목록이 바뀌었습니다). --force로 처음부터 조회해 주세요.`);
    done = journal.done;
  } else if ((existsSync(out) || existsSync(journalPath)) && !command.force) {
    return usage(
      `${out}: 결과 파일(또는 중단된 기록)이 이미 있습니다. 덮어쓰려면 --force, 중단된 조회를 이어서 하려면 --resume을 붙여 주세요.`,
    );
  }

  if (coufun.env === 'sandbox') io.stderr.write(`${t('ko').notice.sandbox}\n`);
  io.stderr.write(renderRefused(plan.refused));
  const clock = io.clock ?? systemClock;
  const opened = await openLookup(coufun, { clock, ...(io.sandbox ? { sandbox: io.sandbox } : {}), env });
  const queue = createMemoryQueue({
    lookup: opened.service,
    ratePerSecond: command.rate ?? bulk.ratePerSecond,
    concurrency: command.concurrency ?? bulk.concurrency,
    stallMs: bulk.stallMs,
  });
  const journal = new JournalWriter(journalPath, { fingerprint: plan.fingerprint, items: plan.items.length }, command.resume);
  const stopSignals: (() => void)[] = [];
  try {
    const job = await queue.start({ items: plan.items, done, meta: { startedBy: 'terminal', label: basename(command.file) } });
    let errors = plan.refused.length + [...done.values()].filter((x) => x.kind === 'failed').length;
    const view = createProgressView(io.stderr);
    job.onItem((index, result) => {
      journal.add(index, result);
      if (result.kind === 'failed') errors += 1;
      view.update(job.progress(), errors);
    });
    view.update(job.progress(), errors);
    const ticker = setInterval(() => view.update(job.progress(), errors), 1000);
    let firstPress: number | null = null;
    let hardStop: (() => void) | undefined;
    const hard = new Promise<'hard'>((resolve) => (hardStop = () => resolve('hard')));
    if (io.onSignal) {
      stopSignals.push(
        io.onSignal(() => {
          const now = performance.now();
          if (firstPress === null) {
            firstPress = now;
            view.stop();
            io.stderr.write('\n중단합니다: 새 조회를 멈추고 진행 중인 조회를 마무리합니다 (한 번 더 누르면 즉시 종료).\n');
            job.cancel('interrupted');
          } else if (now - firstPress > SAME_PRESS_MS) hardStop?.();
        }),
      );
    }
    const end = await Promise.race([job.finished, hard]);
    clearInterval(ticker);
    view.stop();
    if (end === 'hard') {
      // Lookups still in flight are aborted, not awaited: that is what the second press asks.
      await opened.close({ force: true });
      io.stderr.write(`즉시 종료했습니다. 지금까지의 결과는 ${journalPath}에 있습니다.\n${renderResume(argv)}`);
      return BULK_EXIT.interrupted;
    }
    return await finish(command, argv, end, { plan, out, journal, catalog, nowMs: clock(), io });
  } finally {
    for (const stop of stopSignals) stop();
    journal.close();
    await queue.close();
    await opened.close({ force: true });
  }
}

async function finish(
  command: BulkCommand,
  argv: readonly string[],
  end: BulkJobEnd,
  ctx: {
    plan: ReturnType<typeof planList>;
    out: string;
    journal: JournalWriter;
    catalog: ReturnType<typeof readCatalog>;
    nowMs: number;
    io: CliIo;
  },
): Promise<number> {
  const { rows, summary } = assembleResult(ctx.plan, end, { nowMs: ctx.nowMs, locale: command.lang, catalog: ctx.catalog });
  const lines = summaryLines(summary, command.lang);
  const bytes = /\.xlsx$/i.test(ctx.out) ? await resultXlsx(rows, lines, command.lang) : resultCsv(rows, command.lang);
  writeFileSync(`${ctx.out}.tmp`, bytes);
  renameSync(`${ctx.out}.tmp`, ctx.out);
  if (end.outcome === 'completed') ctx.journal.remove();
  if (command.json) {
    const plain = rows.map(({ facts: _facts, ...row }) => row);
    ctx.io.stdout.write(`${JSON.stringify({ summary, rows: plain }, null, 2)}\n`);
  } else {
    ctx.io.stdout.write(renderSummary(lines, ctx.out));
  }
  if (end.outcome === 'stalled') {
    ctx.io.stderr.write('쿠펀이 응답하지 않아 조회를 멈췄습니다 (BULK_STALL_MS 동안 응답 없음). 지금까지의 결과는 저장했습니다.\n');
  }
  if (end.outcome !== 'completed') ctx.io.stderr.write(renderResume(argv));
  if (end.outcome === 'cancelled') return BULK_EXIT.interrupted;
  if (end.outcome === 'stalled') return BULK_EXIT.stalled;
  return summary.verdicts.error > 0 ? BULK_EXIT.errors : BULK_EXIT.ok;
}
