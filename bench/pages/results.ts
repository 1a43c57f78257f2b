// What every benchmark page reports, and how: one entry per figure next to its anchor measured in
// the same run; `ratio` is the median of per-round ratios and `spread` how they are spread.

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  anchor: string;
  anchorValue: number;
  ratio: number;
  /**
   * How the per-round ratios are spread: lowest and highest, the middle half (`q1`–`q3`), and the
   * 95% confidence interval of their median (`low`–`high`), which says how far another run's
   * `ratio` may land from this one.
   */
  spread?: { min: number; q1: number; q3: number; max: number; low: number; high: number };
  target: string;
  met: boolean | null;
}

declare global {
  interface Window {
    benchResults?: BenchResult[];
    benchDone?: boolean;
    benchError?: string;
  }
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * The spread of per-round ratios (see `BenchResult.spread`). The median's interval is the
 * distribution-free one: the order statistics at n/2 ∓ 0.98·√n, which hold the true median with
 * 95% probability whatever the ratios' distribution.
 */
export function spreadOf(ratios: readonly number[]): NonNullable<BenchResult['spread']> {
  const sorted = [...ratios].sort((a, b) => a - b);
  const n = sorted.length;
  const at = (index: number) => +sorted[Math.min(n - 1, Math.max(0, index))]!.toFixed(3);
  const reach = 0.98 * Math.sqrt(n);
  return {
    min: at(0),
    q1: at(Math.round((n - 1) / 4)),
    q3: at(Math.round((3 * (n - 1)) / 4)),
    max: at(n - 1),
    low: at(Math.floor(n / 2 - reach)),
    high: at(Math.ceil(n / 2 + reach) - 1),
  };
}

/** Hands the page's results (or its failure) to bench/run.mjs. */
export function publish(results: Promise<BenchResult[]>, log?: (line: string) => void): void {
  results.then(
    (done) => {
      window.benchResults = done;
      window.benchDone = true;
      log?.('done');
    },
    (error: unknown) => {
      window.benchError = String((error as Error)?.stack ?? error);
      window.benchDone = true;
    },
  );
}
