// What every benchmark page reports, and how: one entry per figure next to its anchor measured in
// the same run; `ratio` is the median of per-round ratios and `spread` their lowest and highest.

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  anchor: string;
  anchorValue: number;
  ratio: number;
  /** The lowest and highest of the per-round ratios. */
  spread?: { min: number; max: number };
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

export function spreadOf(ratios: readonly number[]): { min: number; max: number } {
  return { min: +Math.min(...ratios).toFixed(3), max: +Math.max(...ratios).toFixed(3) };
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
