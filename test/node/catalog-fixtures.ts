import { zipSync, strToU8 } from 'fflate';
import {
  Collection,
  createCatalogClient,
  Permission,
  SEED_STAFF,
  SEED_USERS,
  seedAppRecord,
  SEED_APPS,
  type AppRecord,
  type CatalogClient,
  type StaffRecord,
} from '../../src/backend/index.ts';
import type { AppStatus } from '../../src/catalog/index.ts';
import { ORIGIN, type Harness, type SessionClient } from '../backend/harness.ts';

export const petr = SEED_STAFF.find((s) => s.id === 'staff-petr')!;
export const mila = SEED_STAFF.find((s) => s.id === 'staff-mila')!;
export const anna = SEED_USERS.find((u) => u.id === 'user-anna')!;
export const ivan = SEED_USERS.find((u) => u.id === 'user-ivan')!;
export const maria = SEED_USERS.find((u) => u.id === 'user-maria')!;

/** Partner staff of the other organisation (org-city), added by the tests. */
export const sofia: StaffRecord & { phone: string } = {
  ...petr,
  id: 'staff-sofia',
  userId: 'user-staff-sofia',
  phone: '+79990000202',
  name: 'Sofia City',
  email: 'sofia@city.example',
  organisationId: 'org-city',
  permissions: [Permission.MINIAPPS_EDIT],
};

export async function addSofia(h: Harness): Promise<void> {
  const { phone, ...staff } = sofia;
  await h.store.put(Collection.USERS, staff.userId, { id: staff.userId, name: staff.name, phone, premises: [] });
  await h.store.put(Collection.STAFF, staff.id, staff);
}

export interface SignedIn {
  session: SessionClient;
  catalog: CatalogClient;
  token: string;
}

export async function signIn(h: Harness, phone: string): Promise<SignedIn> {
  const session = h.client();
  await session.signInAs(phone);
  const catalog = createCatalogClient({ baseUrl: `${ORIGIN}/api`, fetch: (request) => h.app.fetch(request), getSessionToken: () => session.session.token });
  // A minute between sign-ins keeps the code rate limit out of the way.
  h.clock.advance(61_000);
  return { session, catalog, token: session.session.token! };
}

/** A small real `.zip`. */
export function zipOf(files: Record<string, string> = { 'index.html': '<!doctype html><title>App</title>' }): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])));
}

/** The bakery app (org-bakery) put into any status and review state, with a licence and an approved or uploaded build. */
export async function putBakeryIn(h: Harness, status: AppStatus, hasPassedReview: boolean, overrides: Partial<AppRecord> = {}): Promise<AppRecord> {
  const seed = await seedAppRecord(SEED_APPS.find((app) => app.id === 'bakery')!, h.clock.now());
  const build = { id: 'bakery-build-1', fileName: 'bakery-1.0.0.zip', sizeBytes: 100, uploadedAt: h.clock.now(), review: hasPassedReview ? ('approved' as const) : ('uploaded' as const) };
  const record: AppRecord = { ...seed, status, hasPassedReview, builds: [build], liveBuildId: hasPassedReview ? build.id : null, ...overrides };
  await h.store.put(Collection.APPS, record.id, record);
  return record;
}

export async function appRecord(h: Harness, appId: string): Promise<AppRecord | undefined> {
  return h.store.get<AppRecord>(Collection.APPS, appId);
}

export const validRegistration = {
  licence: 'dmapp9',
  name: 'Bakery delivery',
  description: 'Bread delivered to your door every morning',
  category: 'food-and-drinks',
  offer: { documentId: 'delivery-offer-1', title: 'Delivery terms', text: 'Delivery is free above five loaves.' },
  takesPayments: false,
  payee: null,
  bankAccount: null,
  placementRulesAccepted: true,
};
