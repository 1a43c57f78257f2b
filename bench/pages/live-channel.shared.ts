// What the live-channel benchmark page and its writer frame share (no side effects: both import it).
import { SEED_USERS } from '../../src/backend/index.ts';

/** What the writer frame (live-channel.writer.ts) exposes to the page. */
export interface LiveChannelWriter {
  ready: Promise<void>;
  /** Writes one event for the user in a transaction of the frame's own store. */
  write(n: number): Promise<unknown>;
  /** Posts a bare message on the anchor channel. */
  post(n: number): void;
}

export const BENCH_DATABASE = 'miniapps-bench-live-channel';
export const ANCHOR_CHANNEL = 'miniapps-bench-live-anchor';
export const BENCH_USER = SEED_USERS[0]!;
