import { LIMITS } from '../protocol/index.ts';
import { createMemoryBlobs, type BlobPort } from './blobs.ts';
import { createLocalEventBus, systemTimers, type EventBus, type Timers } from './event-bus.ts';
import { createOutbox, DEFAULT_RETENTION, type Outbox } from './outbox.ts';
import type { Clock, CodeSender, KeyPort, RandomSource } from './ports.ts';
import type { Store } from './store.ts';

/** Tunable limits of the sign-in flow, sessions, the live channel, payments and storage. */
export interface BackendLimits {
  codeLength: number;
  /** A code works this long after it was sent. */
  codeTtlMs: number;
  /** Wrong codes allowed before the code is burnt. */
  maxCodeAttempts: number;
  /** The least time between two code requests for one phone. */
  resendIntervalMs: number;
  /** At most this many codes per phone within `codeWindowMs`. */
  maxCodesPerWindow: number;
  codeWindowMs: number;
  sessionTtlMs: number;
  /** A live stream sends a heartbeat comment (and re-reads the outbox) this often. */
  liveHeartbeatMs: number;
  /** Events read from the outbox at a time when a stream catches up. */
  liveEventPageSize: number;
  /** Outbox events older than this are pruned. */
  eventRetentionMs: number;
  /** At most this many outbox events are kept. */
  maxRetainedEvents: number;
  /** Confirmation codes a user may try on a payment's confirmation step before it fails. */
  paymentConfirmationAttempts: number;
  /** Keys an app may keep per user (SPEC: 1,024). */
  storageMaxKeys: number;
}

export const DEFAULT_LIMITS: BackendLimits = {
  codeLength: 6,
  codeTtlMs: 5 * 60 * 1000,
  maxCodeAttempts: 5,
  resendIntervalMs: 60 * 1000,
  maxCodesPerWindow: 5,
  codeWindowMs: 60 * 60 * 1000,
  sessionTtlMs: 30 * 24 * 60 * 60 * 1000,
  liveHeartbeatMs: 15 * 1000,
  liveEventPageSize: 100,
  eventRetentionMs: DEFAULT_RETENTION.retentionMs,
  maxRetainedEvents: DEFAULT_RETENTION.maxEvents,
  paymentConfirmationAttempts: 3,
  storageMaxKeys: LIMITS.storage.keys,
};

/** The issuer (`iss`) of launch tokens when none is configured. */
export const DEFAULT_ISSUER = 'miniapps-host';

export interface BackendDeps {
  store: Store;
  clock: Clock;
  random: RandomSource;
  keys: KeyPort;
  codeSender: CodeSender;
  /** Wakes live streams when the outbox grows; an in-process bus by default. */
  bus?: EventBus;
  /** Heartbeat timers of live streams; the global timers by default. */
  timers?: Timers;
  /** Uploaded bytes (chat attachments); in memory by default. */
  blobs?: BlobPort;
  /** The `iss` of launch tokens; partners verify against it. */
  issuer?: string;
  limits?: Partial<BackendLimits>;
}

export interface BackendContext extends Required<Omit<BackendDeps, 'limits'>> {
  limits: BackendLimits;
  outbox: Outbox;
}

export function resolveContext(deps: BackendDeps): BackendContext {
  const limits = { ...DEFAULT_LIMITS, ...deps.limits };
  const bus = deps.bus ?? createLocalEventBus();
  return {
    ...deps,
    issuer: deps.issuer ?? DEFAULT_ISSUER,
    bus,
    timers: deps.timers ?? systemTimers,
    blobs: deps.blobs ?? createMemoryBlobs(),
    limits,
    outbox: createOutbox({ clock: deps.clock, bus, retention: { retentionMs: limits.eventRetentionMs, maxEvents: limits.maxRetainedEvents } }),
  };
}

export const iso = (ms: number): string => new Date(ms).toISOString();
