// Percentiles of one run's samples, and medians across runs.

export interface Latency {
  count: number;
  p50: number;
  p95: number;
  max: number;
}

/** Nearest-rank percentile of unsorted samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function latency(samples: readonly number[]): Latency {
  return { count: samples.length, p50: percentile(samples, 50), p95: percentile(samples, 95), max: samples.length ? Math.max(...samples) : NaN };
}

export function median(values: readonly number[]): number {
  const defined = values.filter((v) => Number.isFinite(v));
  if (defined.length === 0) return NaN;
  const sorted = [...defined].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The time to turn an answer into JSON and back (best of a few): what any LSP server and client pay to carry it. */
export function jsonRoundTripMs(value: unknown): number {
  let best = Infinity;
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    JSON.parse(JSON.stringify({ jsonrpc: '2.0', id: 1, result: value }));
    best = Math.min(best, performance.now() - started);
  }
  return best;
}
