import type { Clock, CodeSender, KeyPort, RandomSource } from './ports.ts';
import type { Store } from './store.ts';

/** Tunable limits of the sign-in flow and sessions. */
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
}

export const DEFAULT_LIMITS: BackendLimits = {
  codeLength: 6,
  codeTtlMs: 5 * 60 * 1000,
  maxCodeAttempts: 5,
  resendIntervalMs: 60 * 1000,
  maxCodesPerWindow: 5,
  codeWindowMs: 60 * 60 * 1000,
  sessionTtlMs: 30 * 24 * 60 * 60 * 1000,
};

/** The issuer (`iss`) of launch tokens when none is configured. */
export const DEFAULT_ISSUER = 'miniapps-host';

export interface BackendDeps {
  store: Store;
  clock: Clock;
  random: RandomSource;
  keys: KeyPort;
  codeSender: CodeSender;
  /** The `iss` of launch tokens; partners verify against it. */
  issuer?: string;
  limits?: Partial<BackendLimits>;
}

export interface BackendContext extends Required<Omit<BackendDeps, 'limits'>> {
  limits: BackendLimits;
}

export function resolveContext(deps: BackendDeps): BackendContext {
  return { ...deps, issuer: deps.issuer ?? DEFAULT_ISSUER, limits: { ...DEFAULT_LIMITS, ...deps.limits } };
}

export const iso = (ms: number): string => new Date(ms).toISOString();
