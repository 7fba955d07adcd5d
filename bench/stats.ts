// Medians and percentiles: every figure of the bench is one, since single runs are noise here.
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

export const median = (values: readonly number[]): number => percentile(values, 0.5);
