import type { AppRecord as CatalogAppRecord, BankAccount } from '../catalog/index.ts';
import type { Payment } from '../payments/index.ts';
import type { UserProfile } from '../protocol/index.ts';
import { CHAT_SCHEMA } from './chat/records.ts';
import { CATALOG_SCHEMA } from './catalog-records.ts';
import { OutboxCollection } from './outbox.ts';
import type { StoreSchema } from './store.ts';

/** What the backend keeps, collection by collection. */
export const Collection = {
  USERS: 'users',
  APPS: 'apps',
  CODES: 'codes',
  SESSIONS: 'sessions',
  LAUNCH_TOKENS: 'launchTokens',
  ACCEPTANCES: 'offerAcceptances',
  PAYMENTS: 'payments',
  PUSH_LOG: 'pushLog',
  STORAGE_ENTRIES: 'appStorage',
  STORAGE_USAGE: 'appStorageUsage',
  /** Staff members (src/backend/staff.ts); `userId` is unique. */
  STAFF: 'staff',
  /** The object tree: groups of projects, blocks, buildings. */
  OBJECTS: 'objects',
  /** Chat departments. */
  DEPARTMENTS: 'departments',
} as const;

export const BACKEND_SCHEMA: StoreSchema = {
  [Collection.USERS]: { unique: ['phone'] },
  // `licence` is unique: two concurrent attaches of one licence cannot both commit.
  [Collection.APPS]: { unique: ['licence'] },
  [Collection.CODES]: {},
  [Collection.SESSIONS]: {},
  // `current` ("appId/userId") is set only on the one live token of a user and app.
  [Collection.LAUNCH_TOKENS]: { unique: ['current'] },
  [Collection.ACCEPTANCES]: {},
  // `scope` (`idempotencyScope(appId, userId, key)`) is what makes one key pay at most once.
  [Collection.PAYMENTS]: { unique: ['scope'] },
  [Collection.PUSH_LOG]: {},
  [Collection.STORAGE_ENTRIES]: {},
  [Collection.STORAGE_USAGE]: {},
  [Collection.STAFF]: { unique: ['userId'] },
  [Collection.OBJECTS]: {},
  [Collection.DEPARTMENTS]: {},
  // The live channel's outbox (src/backend/outbox.ts).
  [OutboxCollection.EVENTS]: {},
  [OutboxCollection.BY_AUDIENCE]: {},
  [OutboxCollection.STATE]: {},
  // The catalog's licences, organisations and widgets (src/backend/catalog-records.ts).
  ...CATALOG_SCHEMA,
  // The chat (src/backend/chat/records.ts).
  ...CHAT_SCHEMA,
};

export interface PlaceRef {
  id: string;
  title: string;
}

export interface PremisesRecord extends PlaceRef {
  /** The building (object) the premises belong to. */
  object: PlaceRef;
}

/** Key: user id. */
export interface UserRecord {
  [field: string]: unknown;
  id: string;
  name: string;
  /** E.164, unique. */
  phone: string;
  /** The first one is the user's current premises. */
  premises: PremisesRecord[];
}

/**
 * Key: app id. The one record of a mini-app: the catalog's (src/catalog: licence, name, category,
 * description, offer versions, payee and account, builds, status) and what the backend keeps
 * beside it. Launch tokens, offers, payments, push and the catalog routes all read this record.
 */
export interface AppRecord extends CatalogAppRecord {
  [field: string]: unknown;
  /** SHA-256 of the partner's API key (the partner-key routes); null for an app without one. */
  partnerKeyHash: string | null;
  /** Users who see the app while it is in Testing. */
  testerIds: string[];
}

/** Key: phone. Kept after use so the request history can rate-limit. */
export interface CodeRecord {
  [field: string]: unknown;
  phone: string;
  /** SHA-256 of `phone:code`; null once used or burnt. */
  codeHash: string | null;
  expiresAt: number;
  attemptsLeft: number;
  /** True when the attempts ran out: the code stays refused until a new one is requested. */
  burnt: boolean;
  /** When codes were requested (ms), within the last rate-limit window. */
  requestedAt: number[];
}

/** Key: SHA-256 of the bearer token, so the store never holds a usable token. */
export interface SessionRecord {
  [field: string]: unknown;
  userId: string;
  createdAt: number;
  expiresAt: number;
}

/** Key: jti. */
export interface LaunchTokenRecord {
  [field: string]: unknown;
  jti: string;
  appId: string;
  userId: string;
  issuedAt: number;
  expiresAt: number;
  test: boolean;
  /** `appId/userId` while this is the live token of the pair; removed when revoked. */
  current?: string;
  revokedAt?: number;
}

/** Key: `appId/userId`. */
export interface AcceptanceRecord {
  [field: string]: unknown;
  appId: string;
  userId: string;
  version: number;
  acceptedAt: number;
}

/** Key: payment id. A payment (src/payments) and what the backend keeps beside it. */
export interface PaymentRecord extends Payment {
  [field: string]: unknown;
  /** The payee as it was when the payment was created. */
  payee: PaymentPayee;
  /**
   * `idempotencyScope(appId, userId, idempotencyKey)` while the payment holds its key (unique).
   * Dropped when a payment under its order's default key fails or is cancelled, so the order can
   * be paid again; kept otherwise, so the key keeps answering with this payment.
   */
  scope?: string;
  /** Grows with every write: a move prepared outside a transaction commits only over the version it read. */
  version: number;
  /** Codes the user may still try while the payment awaits confirmation. */
  confirmationAttemptsLeft?: number;
  /** The signed receipt, once the payment has ended. */
  receipt?: string;
}

/** The payee shown on the payment screen and kept with each payment. */
export interface PaymentPayee {
  legalName: string;
  taxId: string;
  bankAccount: BankAccount;
}

/** Key: `appId/userId`. Ids and times of the pushes sent in the last 24 h, oldest first; never their contents. */
export interface PushLogRecord {
  [field: string]: unknown;
  sent: { id: string; at: number }[];
}

/** Key: `appId/userId/<storage key>`. */
export interface StorageEntryRecord {
  [field: string]: unknown;
  value: string;
}

/** Key: `appId/userId`: how many keys the app keeps for the user. */
export interface StorageUsageRecord {
  [field: string]: unknown;
  keys: number;
}

export function pairKey(appId: string, userId: string): string {
  return `${appId}/${userId}`;
}

/** The profile shared with mini-apps, at the given premises (the current ones by default). */
export function profileOf(user: UserRecord, premisesId?: string): UserProfile | undefined {
  const premises = premisesId === undefined ? user.premises[0] : user.premises.find((candidate) => candidate.id === premisesId);
  if (premisesId !== undefined && !premises) return undefined;
  return {
    id: user.id,
    name: user.name,
    phone: user.phone,
    ...(premises
      ? { premises: { id: premises.id, title: premises.title }, object: { id: premises.object.id, title: premises.object.title } }
      : {}),
  };
}
