/**
 * A small reader of the Prometheus text format for tests: sample lines → name, labels, value.
 * Strict: a line that is neither a comment nor a well-formed sample throws.
 */
export interface Sample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)(?: \d+)?$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

export function parseExposition(text: string): Sample[] {
  const out: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const m = SAMPLE.exec(line);
    if (!m) throw new Error(`not a sample line: ${line}`);
    const labels: Record<string, string> = {};
    for (const l of (m[2] ?? '').matchAll(LABEL)) labels[l[1]!] = l[2]!;
    const raw = m[3]!;
    const value = raw === '+Inf' ? Infinity : raw === '-Inf' ? -Infinity : Number(raw);
    // Prometheus reads NaN in any case (prom-client writes `Nan` for an empty event-loop histogram).
    if (Number.isNaN(value) && raw.toLowerCase() !== 'nan') throw new Error(`bad value in: ${line}`);
    out.push({ name: m[1]!, labels, value });
  }
  return out;
}

/** The value of the sample named `name` whose labels are exactly `labels`; undefined when absent. */
export function sampleValue(samples: readonly Sample[], name: string, labels: Readonly<Record<string, string>>): number | undefined {
  const want = Object.entries(labels);
  const hit = samples.find(
    (s) => s.name === name && Object.keys(s.labels).length === want.length && want.every(([k, v]) => s.labels[k] === v),
  );
  return hit?.value;
}
