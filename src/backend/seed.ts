import type { AppStatus, BankAccount, Payee } from '../catalog/index.ts';
import { Collection, type AppRecord, type UserRecord } from './records.ts';
import { sha256 } from './ports.ts';
import type { Store } from './store.ts';

const sunnyPark = { id: 'object-sunny-park', title: 'Sunny Park, building 1' };
const riverside = { id: 'object-riverside', title: 'Riverside, building 3' };

/** Users the demo and the tests sign in as. */
export const SEED_USERS: readonly UserRecord[] = [
  {
    id: 'user-anna',
    name: 'Anna Petrova',
    phone: '+79990000001',
    premises: [{ id: 'premises-sp-12', title: 'Flat 12', object: sunnyPark }],
  },
  {
    id: 'user-ivan',
    name: 'Ivan Sidorov',
    phone: '+79990000002',
    premises: [
      { id: 'premises-sp-45', title: 'Flat 45', object: sunnyPark },
      { id: 'premises-rs-7', title: 'Flat 7', object: riverside },
    ],
  },
  {
    id: 'user-maria',
    name: 'Maria Kuznetsova',
    phone: '+79990000003',
    premises: [{ id: 'premises-rs-101', title: 'Office 101', object: riverside }],
  },
];

export interface SeedApp {
  id: string;
  title: string;
  /** The partner's API key, in clear, for the demo and tests; the store keeps only its hash. */
  partnerKey: string;
  offer: { version: number; title: string; text: string; url?: string };
  status: AppStatus;
  /** Users who see the app while it is in Testing. */
  testerIds?: string[];
  /** Apps that take payments name who receives them. */
  payee?: Payee;
  bankAccount?: BankAccount;
}

/** Apps with their current offers. */
export const SEED_APPS: readonly SeedApp[] = [
  {
    id: 'bakery',
    title: 'Corner Bakery',
    partnerKey: 'pk_demo_bakery',
    offer: {
      version: 1,
      title: 'Corner Bakery: terms of sale',
      text: 'Orders are baked to order and delivered to your door. Payment is taken when the order is confirmed. You can cancel an order until it is baked.',
    },
    status: 'active',
    payee: { legalName: 'Corner Bakery LLC', taxId: '7701234567' },
    bankAccount: { accountNumber: '40702810900000012345', bankId: '044525225' },
  },
  {
    id: 'fitness',
    title: 'Fit Club',
    partnerKey: 'pk_demo_fitness',
    offer: {
      version: 1,
      title: 'Fit Club: membership terms',
      text: 'Classes can be booked up to seven days ahead and cancelled up to two hours before they start. Memberships are personal.',
    },
    status: 'active',
    payee: { legalName: 'Fit Club JSC', taxId: '7807654321' },
    bankAccount: { accountNumber: '40702810500000067890', bankId: '044030653' },
  },
  {
    id: 'utilities',
    title: 'Utility Bills',
    partnerKey: 'pk_demo_utilities',
    offer: {
      version: 1,
      title: 'Utility Bills: terms of use',
      text: 'We show the bills of your premises and take meter readings. Readings sent after the 25th count towards next month.',
    },
    status: 'active',
  },
  {
    id: 'bakery-beta',
    title: 'Corner Bakery beta',
    partnerKey: 'pk_demo_bakery_beta',
    offer: {
      version: 1,
      title: 'Corner Bakery beta: terms of testing',
      text: 'The next version of Corner Bakery, open to its testers only. Orders are real and paid as usual.',
    },
    status: 'testing',
    testerIds: ['user-ivan'],
    payee: { legalName: 'Corner Bakery LLC', taxId: '7701234567' },
    bankAccount: { accountNumber: '40702810900000012345', bankId: '044525225' },
  },
  // The demo's developer apps (demo/apps/catalog.ts).
  ...[
    ['launch-inspector', 'Launch inspector'],
    ['no-user-data', 'Without user data'],
    ['plain-page', 'Plain page, no SDK'],
    ['broken', 'Never ready'],
  ].map(([id, title]) => ({
    id: id!,
    title: title!,
    partnerKey: `pk_demo_${id}`,
    offer: {
      version: 1,
      title: `${title}: terms of use`,
      text: 'A sample mini-app of the platform demo. It shows what a mini-app receives from the host; it stores nothing and takes no payments.',
    },
    status: 'active' as const,
  })),
];

/**
 * Writes the seed users and apps that the store lacks. Existing records keep their values; an app
 * record from before a field existed (status, testers, payee) gets the seed's value for it.
 */
export async function seedStore(store: Store, now: number): Promise<void> {
  const apps = await Promise.all(
    SEED_APPS.map(async (app): Promise<AppRecord> => ({
      id: app.id,
      title: app.title,
      partnerKeyHash: await sha256(app.partnerKey),
      offer: { ...app.offer, publishedAt: new Date(now).toISOString() },
      status: app.status,
      testerIds: [...(app.testerIds ?? [])],
      payee: app.payee ? { ...app.payee } : null,
      bankAccount: app.bankAccount ? { ...app.bankAccount } : null,
    })),
  );
  await store.transaction(async (tx) => {
    for (const user of SEED_USERS) {
      if (!(await tx.get(Collection.USERS, user.id))) await tx.put(Collection.USERS, user.id, structuredClone(user));
    }
    for (const app of apps) {
      const existing = await tx.get<AppRecord>(Collection.APPS, app.id);
      if (!existing) await tx.put(Collection.APPS, app.id, app);
      else if (Object.keys(app).some((field) => !(field in existing))) await tx.put(Collection.APPS, app.id, { ...app, ...existing });
    }
  });
}
