export interface TimingResult {
  notes: number;
  requests: number;
  p50: number;
  p95: number;
  baselineP95: number;
  coldP95: number;
  poolBound: number;
}

export async function timeCodeActions(sizes: readonly number[], log: (message: string) => void): Promise<TimingResult[]> {
  void sizes;
  void log;
  return [];
}
