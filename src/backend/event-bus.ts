/**
 * Wake-ups for the live channel. A wake-up only says "the outbox grew": a woken stream re-reads the
 * outbox after its own cursor, so a lost, late, repeated or coalesced wake-up can delay an event
 * but never lose or repeat one. The outbox in the store stays the source of truth.
 */
export interface OutboxWakeUp {
  /** The newest cursor written when the wake-up was sent (a hint; streams re-read anyway). */
  cursor: string;
}

export type WakeUpListener = (wakeUp: OutboxWakeUp) => void;

/** Publishes and delivers wake-ups: in the page, across tabs (BroadcastChannel), or across servers (pub/sub). */
export interface EventBus {
  publish(wakeUp: OutboxWakeUp): void;
  /** Returns the function that stops listening. */
  subscribe(listener: WakeUpListener): () => void;
}

/** Timers of the live channel (heartbeats, polls), injected so tests can count what is left running. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemTimers: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};

/** A bus within one process or page: the default, and the local half of the demo's cross-tab bus. */
export function createLocalEventBus(): EventBus & { readonly listenerCount: number } {
  const listeners = new Set<WakeUpListener>();
  return {
    publish(wakeUp) {
      for (const listener of [...listeners]) {
        try {
          listener(wakeUp);
        } catch (error) {
          queueMicrotask(() => {
            throw error;
          });
        }
      }
    },
    subscribe(listener) {
      // A wrapper per subscription, so one function subscribed twice is two subscriptions.
      const entry: WakeUpListener = (wakeUp) => listener(wakeUp);
      listeners.add(entry);
      return () => void listeners.delete(entry);
    },
    get listenerCount() {
      return listeners.size;
    },
  };
}
