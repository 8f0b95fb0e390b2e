/**
 * A bulk run's progress on stderr: a bar (done/total, rate, time left, errors so far) when stderr
 * is a terminal, one line every few seconds when it is not (a log, CI).
 */
import { SingleBar } from 'cli-progress';
import type { BulkProgress } from '../../bulk/queue/types.js';

const LINE_EVERY_MS = 5000;

export interface ProgressView {
  update(progress: BulkProgress, errors: number): void;
  stop(): void;
}

export interface ProgressStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

/** `1분 50초`, `12초`. */
export function formatEta(ms: number | null): string {
  if (ms === null) return '계산 중';
  const s = Math.max(0, Math.round(ms / 1000));
  return s >= 60 ? `${Math.floor(s / 60)}분 ${s % 60}초` : `${s}초`;
}

function line(p: BulkProgress, errors: number): string {
  return `진행 ${p.done}/${p.total} · ${p.itemsPerSecond.toFixed(1)}건/초 · 남은 시간 ${formatEta(p.etaMs)} · 오류 ${errors}`;
}

export function createProgressView(stream: ProgressStream): ProgressView {
  if (stream.isTTY) {
    const bar = new SingleBar({
      stream: stream as NodeJS.WritableStream,
      format: '[{bar}] {value}/{total} · {speed}건/초 · 남은 시간 {left} · 오류 {errors}',
      barsize: 30,
      hideCursor: true,
      clearOnComplete: false,
    });
    let started = false;
    return {
      update(p, errors) {
        const payload = { speed: p.itemsPerSecond.toFixed(1), left: formatEta(p.etaMs), errors };
        if (!started) bar.start(p.total, p.done, payload);
        else bar.update(p.done, payload);
        started = true;
      },
      stop: () => {
        if (started) bar.stop();
      },
    };
  }
  let last = 0;
  return {
    update(p, errors) {
      const now = performance.now();
      if (now - last < LINE_EVERY_MS && p.done < p.total) return;
      last = now;
      stream.write(`${line(p, errors)}\n`);
    },
    stop: () => undefined,
  };
}
