import type { AppStatus, BankAccount, Payee } from '../catalog/index.ts';
import { Collection, type AppRecord, type UserRecord } from './records.ts';
import { Permission, staffUser, type DepartmentRecord, type ObjectRecord, type StaffRecord } from './staff.ts';
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

/** The object tree: one group of projects, two blocks, the two buildings residents live in. */
export const SEED_OBJECTS: readonly ObjectRecord[] = [
  { id: 'group-city', kind: 'project-group', parentId: null, title: 'City projects' },
  { id: 'block-north', kind: 'block', parentId: 'group-city', title: 'North block' },
  { id: 'block-river', kind: 'block', parentId: 'group-city', title: 'River block' },
  { id: sunnyPark.id, kind: 'building', parentId: 'block-north', title: sunnyPark.title },
  { id: riverside.id, kind: 'building', parentId: 'block-river', title: riverside.title },
];

export const SEED_DEPARTMENTS: readonly DepartmentRecord[] = [
  { id: 'dept-support', name: 'Customer support' },
  { id: 'dept-maintenance', name: 'Maintenance' },
  { id: 'dept-sales', name: 'Sales' },
];

const bothByPush = { assigned: { push: true, email: true }, 'client-message': { push: true, email: false } };

/** Staff the demo and the tests sign in as (phone in clear: they sign in by code like residents). */
export const SEED_STAFF: readonly (StaffRecord & { phone: string })[] = [
  {
    id: 'staff-olga', userId: 'user-staff-olga', phone: '+79990000101', name: 'Olga Smirnova', email: 'olga@host.example',
    organisationId: null, permissions: [Permission.CHATS_VIEW, Permission.CHATS_SEND], departmentId: 'dept-support',
    objectIds: ['block-north'], online: true, notifications: bothByPush,
  },
  {
    id: 'staff-pavel', userId: 'user-staff-pavel', phone: '+79990000102', name: 'Pavel Volkov', email: 'pavel@host.example',
    organisationId: null, permissions: [Permission.CHATS_VIEW, Permission.CHATS_SEND], departmentId: 'dept-maintenance',
    objectIds: ['object-riverside'], online: true, notifications: bothByPush,
  },
  {
    id: 'staff-alexei', userId: 'user-staff-alexei', phone: '+79990000103', name: 'Alexei Orlov', email: 'alexei@host.example',
    organisationId: null, permissions: [Permission.CHATS_VIEW, Permission.CHATS_SEND, Permission.CHATS_ADMIN], departmentId: 'dept-support',
    objectIds: ['group-city'], online: true, notifications: bothByPush,
  },
  {
    // Sees chats but has access to no object: sees none of them.
    id: 'staff-nina', userId: 'user-staff-nina', phone: '+79990000104', name: 'Nina Lebedeva', email: 'nina@host.example',
    organisationId: null, permissions: [Permission.CHATS_VIEW], departmentId: 'dept-sales',
    objectIds: [], online: false, notifications: bothByPush,
  },
  {
    id: 'staff-petr', userId: 'user-staff-petr', phone: '+79990000201', name: 'Petr Baker', email: 'petr@bakery.example',
    organisationId: 'org-bakery', permissions: [Permission.MINIAPPS_EDIT], departmentId: null,
    objectIds: [], online: true, notifications: bothByPush,
  },
  {
    id: 'staff-mila', userId: 'user-staff-mila', phone: '+79990000301', name: 'Mila Moderova', email: 'mila@platform.example',
    organisationId: null, permissions: [Permission.MODERATE], departmentId: null,
    objectIds: [], online: true, notifications: bothByPush,
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
 * Writes the seed users, staff, objects, departments and apps that the store lacks. Existing records keep their values; an app
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
    for (const { phone, ...staff } of SEED_STAFF) {
      if (!(await tx.get(Collection.USERS, staff.userId))) await tx.put(Collection.USERS, staff.userId, staffUser(staff, phone));
      if (!(await tx.get(Collection.STAFF, staff.id))) await tx.put(Collection.STAFF, staff.id, structuredClone(staff));
    }
    for (const object of SEED_OBJECTS) {
      if (!(await tx.get(Collection.OBJECTS, object.id))) await tx.put(Collection.OBJECTS, object.id, { ...object });
    }
    for (const department of SEED_DEPARTMENTS) {
      if (!(await tx.get(Collection.DEPARTMENTS, department.id))) await tx.put(Collection.DEPARTMENTS, department.id, { ...department });
    }
    for (const app of apps) {
      const existing = await tx.get<AppRecord>(Collection.APPS, app.id);
      if (!existing) await tx.put(Collection.APPS, app.id, app);
      else if (Object.keys(app).some((field) => !(field in existing))) await tx.put(Collection.APPS, app.id, { ...app, ...existing });
    }
  });
}
