/** A token bucket: `burst` calls at once, refilled at `perSecond`. */
export interface RateLimit {
  burst: number;
  perSecond: number;
}

export const DEFAULT_RATE_LIMIT: RateLimit = { burst: 2000, perSecond: 500 };

export class TokenBucket {
  #tokens: number;
  #updatedAt: number;

  constructor(
    readonly limit: RateLimit,
    readonly now: () => number = () => performance.now(),
  ) {
    this.#tokens = limit.burst;
    this.#updatedAt = now();
  }

  /**
   * Takes `count` tokens (one by default); false when fewer were left, which empties the bucket.
   * `now` is the time the messages arrived when the caller has it (an event's `timeStamp`).
   */
  take(count = 1, now = this.now()): boolean {
    this.#tokens = Math.min(this.limit.burst, this.#tokens + ((now - this.#updatedAt) / 1000) * this.limit.perSecond);
    this.#updatedAt = now;
    if (this.#tokens < count) {
      this.#tokens = 0;
      return false;
    }
    this.#tokens -= count;
    return true;
  }
}
