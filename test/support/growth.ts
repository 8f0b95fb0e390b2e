/**
 * How work grows with input size, without wall-clock limits: CPU time (`process.cpuUsage`) of
 * ten parses of a small input against one parse of an input ten times its size. Linear work
 * gives a ratio near 1, quadratic near 10; medians of a few rounds damp a noisy machine.
 */

/** Median CPU microseconds of `rounds` runs of `fn` repeated `times` times. */
function cpuMicros(fn: () => void, times: number, rounds: number): number {
  const samples: number[] = [];
  for (let r = 0; r < rounds; r += 1) {
    const start = process.cpuUsage();
    for (let i = 0; i < times; i += 1) fn();
    const used = process.cpuUsage(start);
    samples.push(used.user + used.system);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

/**
 * CPU of one `parse(big)` over ten `parse(small)`, where `big` is ten times `small`'s size.
 * Both are warmed up first so the JIT does not count.
 */
export function growthRatio<T>(parse: (input: T) => unknown, small: T, big: T, rounds = 5): number {
  for (let i = 0; i < 3; i += 1) {
    parse(small);
    parse(big);
  }
  // Enough repetitions that the small side is well above the timer's resolution.
  const reps = 3;
  const smallCost = cpuMicros(() => parse(small), 10 * reps, rounds);
  const bigCost = cpuMicros(() => parse(big), reps, rounds);
  return bigCost / Math.max(1, smallCost);
}

/** `unit` repeated to exactly `chars` characters. */
export function fill(unit: string, chars: number): string {
  return unit.repeat(Math.ceil(chars / unit.length)).slice(0, chars);
}

/**
 * The bound the tests hold the ratio to: linear work is ~1, quadratic ~10; 4 leaves room for
 * a busy machine and a garbage collection landing in the big run.
 */
export const LINEAR_BOUND = 4;
