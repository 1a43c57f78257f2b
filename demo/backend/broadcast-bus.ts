import { createLocalEventBus, type EventBus, type OutboxWakeUp } from '../../src/backend/index.ts';

export interface BroadcastEventBus extends EventBus {
  /** Streams of this tab listening now. */
  readonly listenerCount: number;
  /** Stops hearing and telling the other tabs. */
  close(): void;
}

const isWakeUp = (data: unknown): data is OutboxWakeUp =>
  typeof data === 'object' && data !== null && typeof (data as { cursor?: unknown }).cursor === 'string';

/**
 * The demo's event bus: every tab runs its own backend over the same IndexedDB, so a write in one
 * tab must wake the streams of the others. A wake-up reaches this tab's streams at once and the
 * other tabs through a BroadcastChannel (which never echoes to its sender). Losing one only delays
 * an event until the stream's next heartbeat: the outbox in IndexedDB is what streams read.
 */
export function createBroadcastEventBus(name: string): BroadcastEventBus {
  const local = createLocalEventBus();
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(name) : undefined;
  if (channel) {
    channel.onmessage = (event: MessageEvent) => {
      if (isWakeUp(event.data)) local.publish({ cursor: event.data.cursor });
    };
  }
  return {
    publish(wakeUp) {
      local.publish(wakeUp);
      channel?.postMessage({ cursor: wakeUp.cursor });
    },
    subscribe: (listener) => local.subscribe(listener),
    get listenerCount() {
      return local.listenerCount;
    },
    close() {
      channel?.close();
    },
  };
}
