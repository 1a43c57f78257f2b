import type { AppStatus, BankAccount, Build, BuildReview, Category, Licence, Payee } from '../catalog/index.ts';
import { CatalogCollection, widgetKey, type OrganisationRecord, type WidgetRecord } from './catalog-records.ts';
import type { ChatSettings } from '../chat/index.ts';
import { ChatCollection, type ChatSettingsRecord } from './chat/records.ts';
import { seedChat } from './chat/seed.ts';
import { Collection, type AppRecord, type UserRecord } from './records.ts';
import { Permission, staffUser, type DepartmentRecord, type ObjectRecord, type StaffRecord } from './staff.ts';
import { sha256 } from './ports.ts';
import type { Store, StoreTransaction } from './store.ts';

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

/** Partner organisations: the bakery (staff-petr's) and the one behind the city's other apps. */
export const SEED_ORGANISATIONS: readonly OrganisationRecord[] = [
  { id: 'org-bakery', name: 'Corner Bakery LLC' },
  { id: 'org-city', name: 'City Services JSC' },
];

/** Licences the organisations bought: each app holds one, and each organisation has one free. */
export const SEED_LICENCES: readonly Omit<Licence, 'addedAt'>[] = [
  ...['dmapp6', 'dmapp7', 'dmapp8', 'dmapp9'].map((name) => ({ name, organisationId: 'org-bakery' })),
  ...['dmapp10', 'dmapp11', 'dmapp12', 'dmapp13', 'dmapp14', 'dmapp15', 'dmapp16', 'dmapp17', 'dmapp18', 'dmapp19'].map((name) => ({ name, organisationId: 'org-city' })),
];

export interface SeedApp {
  id: string;
  organisationId: string;
  name: string;
  description: string;
  category: Category;
  licence: string | null;
  /** The partner's API key, in clear, for the demo and tests; the store keeps only its hash. */
  partnerKey: string;
  offer: { version: number; documentId: string; title: string; text: string; url?: string };
  status: AppStatus;
  /** True for an app that passed moderation: it has an approved, live build. */
  reviewed: boolean;
  /** A build waiting for the moderator (the app is On moderation). */
  buildOnModeration?: boolean;
  /** Users who see the app while it is in Testing. */
  testerIds?: string[];
  /** Apps that take payments name who receives them. */
  payee?: Payee;
  bankAccount?: BankAccount;
}

const bakeryPayee = { legalName: 'Corner Bakery LLC', taxId: '7701234567' };
const bakeryAccount = { accountNumber: '40702810900000012345', bankId: '044525225' };

/** Apps in the catalog, in several statuses, with their current offers. */
export const SEED_APPS: readonly SeedApp[] = [
  {
    id: 'bakery',
    organisationId: 'org-bakery',
    name: 'Corner Bakery',
    description: 'Fresh bread and cakes baked to order and delivered to your door',
    category: 'food-and-drinks',
    licence: 'dmapp6',
    partnerKey: 'pk_demo_bakery',
    offer: {
      version: 1,
      documentId: 'bakery-offer-1',
      title: 'Corner Bakery: terms of sale',
      text: 'Orders are baked to order and delivered to your door. Payment is taken when the order is confirmed. You can cancel an order until it is baked.',
    },
    status: 'active',
    reviewed: true,
    payee: bakeryPayee,
    bankAccount: bakeryAccount,
  },
  {
    id: 'fitness',
    organisationId: 'org-city',
    name: 'Fit Club',
    description: 'Book classes at the fitness club of your building',
    category: 'lifestyle',
    licence: 'dmapp10',
    partnerKey: 'pk_demo_fitness',
    offer: {
      version: 1,
      documentId: 'fitness-offer-1',
      title: 'Fit Club: membership terms',
      text: 'Classes can be booked up to seven days ahead and cancelled up to two hours before they start. Memberships are personal.',
    },
    status: 'active',
    reviewed: true,
    payee: { legalName: 'Fit Club JSC', taxId: '7807654321' },
    bankAccount: { accountNumber: '40702810500000067890', bankId: '044030653' },
  },
  {
    id: 'utilities',
    organisationId: 'org-city',
    name: 'Utility Bills',
    description: 'The bills of your premises and meter readings',
    category: 'bill-payments',
    licence: 'dmapp11',
    partnerKey: 'pk_demo_utilities',
    offer: {
      version: 1,
      documentId: 'utilities-offer-1',
      title: 'Utility Bills: terms of use',
      text: 'We show the bills of your premises and take meter readings. Readings sent after the 25th count towards next month.',
    },
    status: 'active',
    reviewed: true,
  },
  {
    id: 'bakery-beta',
    organisationId: 'org-bakery',
    name: 'Corner Bakery beta',
    description: 'The next version of Corner Bakery for its testers',
    category: 'food-and-drinks',
    licence: 'dmapp7',
    partnerKey: 'pk_demo_bakery_beta',
    offer: {
      version: 1,
      documentId: 'bakery-beta-offer-1',
      title: 'Corner Bakery beta: terms of testing',
      text: 'The next version of Corner Bakery, open to its testers only. Orders are real and paid as usual.',
    },
    status: 'testing',
    reviewed: true,
    testerIds: ['user-ivan'],
    payee: bakeryPayee,
    bankAccount: bakeryAccount,
  },
  {
    id: 'bakery-loyalty',
    organisationId: 'org-bakery',
    name: 'Bakery loyalty card',
    description: 'Collect a stamp for every loaf and get the tenth one free',
    category: 'lifestyle',
    licence: 'dmapp8',
    partnerKey: 'pk_demo_bakery_loyalty',
    offer: {
      version: 1,
      documentId: 'bakery-loyalty-offer-1',
      title: 'Bakery loyalty card: terms',
      text: 'Stamps are personal and expire after a year. The free loaf is any loaf of the day.',
    },
    status: 'on-moderation',
    reviewed: false,
    buildOnModeration: true,
  },
  {
    id: 'parking',
    organisationId: 'org-city',
    name: 'Courtyard parking',
    description: 'Book a guest parking place in the courtyard',
    category: 'transport',
    licence: 'dmapp16',
    partnerKey: 'pk_demo_parking',
    offer: {
      version: 1,
      documentId: 'parking-offer-1',
      title: 'Courtyard parking: terms of use',
      text: 'A guest place is booked for up to four hours a day. Switched off for the winter.',
    },
    status: 'inactive',
    reviewed: true,
  },
  {
    id: 'service-desk',
    organisationId: 'org-city',
    name: 'Service desk',
    description: 'Report a problem in your building with a photo and follow your requests or chat with the managing company',
    category: 'real-estate',
    licence: 'dmapp18',
    partnerKey: 'pk_demo_service_desk',
    offer: {
      version: 1,
      documentId: 'service-desk-offer-1',
      title: 'Service desk: terms of use',
      text: 'Requests go to the managing company of your building. We answer on working days within one day; emergencies are handled at once.',
    },
    status: 'active',
    reviewed: true,
  },
  {
    id: 'utility-calculator',
    organisationId: 'org-city',
    name: 'Utility calculator',
    description: 'Work out a bill from your meter readings and the current tariffs',
    category: 'bill-payments',
    licence: 'dmapp19',
    partnerKey: 'pk_demo_utility_calculator',
    offer: {
      version: 1,
      documentId: 'utility-calculator-offer-1',
      title: 'Utility calculator: terms of use',
      text: 'The calculator estimates a bill from the readings you type. It sends nothing anywhere; the bill from the managing company is the one to pay.',
    },
    status: 'active',
    reviewed: true,
  },
  // The demo's developer apps (demo/apps/catalog.ts).
  ...[
    ['launch-inspector', 'Launch inspector', 'dmapp12'],
    ['no-user-data', 'Without user data', 'dmapp13'],
    ['plain-page', 'Plain page without SDK', 'dmapp14'],
    ['broken', 'Never ready', 'dmapp15'],
  ].map(([id, name, licence]) => ({
    id: id!,
    organisationId: 'org-city',
    name: name!,
    description: 'A sample mini-app of the platform demo',
    category: 'tools' as const,
    licence: licence!,
    partnerKey: `pk_demo_${id}`,
    offer: {
      version: 1,
      documentId: `${id}-offer-1`,
      title: `${name}: terms of use`,
      text: 'A sample mini-app of the platform demo. It shows what a mini-app receives from the host; it stores nothing and takes no payments.',
    },
    status: 'active' as const,
    reviewed: true,
  })),
];

/** Widgets on the four screens: Testing ones show to testers only, drafts to nobody. */
export const SEED_WIDGETS: readonly Pick<WidgetRecord, 'id' | 'appId' | 'screen' | 'state'>[] = [
  { id: 'widget-bakery-main', appId: 'bakery', screen: 'main', state: 'published' },
  { id: 'widget-bakery-showcase', appId: 'bakery', screen: 'showcase', state: 'published' },
  { id: 'widget-bakery-beta-main', appId: 'bakery-beta', screen: 'main', state: 'published' },
  { id: 'widget-fitness-home', appId: 'fitness', screen: 'home', state: 'published' },
  { id: 'widget-utilities-services', appId: 'utilities', screen: 'services', state: 'published' },
  { id: 'widget-utilities-home', appId: 'utilities', screen: 'home', state: 'draft' },
  { id: 'widget-inspector-services', appId: 'launch-inspector', screen: 'services', state: 'published' },
  { id: 'widget-service-desk-home', appId: 'service-desk', screen: 'home', state: 'published' },
  { id: 'widget-service-desk-services', appId: 'service-desk', screen: 'services', state: 'published' },
  { id: 'widget-calculator-home', appId: 'utility-calculator', screen: 'home', state: 'published' },
  { id: 'widget-calculator-main', appId: 'utility-calculator', screen: 'main', state: 'draft' },
];

/**
 * Chat settings of the service desk (demo/apps/service-desk), in the chat backend's seed format
 * (src/backend/chat/seed.ts): the bot's tags route repairs in the river block to maintenance.
 */
export const SEED_SERVICE_DESK_CHAT: { appId: string; settings: ChatSettings } = {
  appId: 'service-desk',
  settings: {
    welcomeTitle: 'Service desk',
    welcomeText: 'Tell us what happened in your building.',
    responsible: { departmentId: 'dept-support', employeeIds: [] },
    finishTexts: { resolved: 'Your request is resolved. Thank you for writing.', noAnswer: 'We closed the chat as you did not answer. Write any time.' },
    restartTimeoutMs: 30 * 60 * 1000,
    bot: {
      enabled: true,
      greetingEmployeeId: 'staff-olga',
      callToChooseTopic: 'What is it about?',
      tags: [
        {
          id: 'repair',
          text: 'Repairs',
          autoReply: 'Describe what is broken; a photo helps.',
          rules: [
            { objectIds: ['block-river'], departmentId: 'dept-maintenance', employeeIds: ['staff-pavel'] },
            { objectIds: ['group-city'], departmentId: 'dept-support', employeeIds: [] },
          ],
        },
        { id: 'request', text: 'My request', autoReply: 'Tell us the number of your request.', rules: [{ objectIds: ['group-city'], departmentId: 'dept-support', employeeIds: [], strategy: 'round-robin' }] },
      ],
    },
  },
};

/** The catalog record of a seed app, as registered, reviewed and placed at `now`. */
export async function seedAppRecord(app: SeedApp, now: number): Promise<AppRecord> {
  const build = (n: number, review: BuildReview): Build => ({ id: `${app.id}-build-${n}`, fileName: `${app.id}-1.0.${n - 1}.zip`, sizeBytes: 48_213, uploadedAt: now, review });
  const builds = [...(app.reviewed ? [build(1, 'approved')] : []), ...(app.buildOnModeration ? [build(app.reviewed ? 2 : 1, 'on-moderation')] : [])];
  return {
    id: app.id,
    organisationId: app.organisationId,
    name: app.name,
    description: app.description,
    category: app.category,
    status: app.status,
    createdAt: now,
    updatedAt: now,
    licence: app.licence,
    offer: { ...app.offer, since: now },
    takesPayments: app.payee !== undefined,
    payee: app.payee ? { ...app.payee } : null,
    bankAccount: app.bankAccount ? { ...app.bankAccount } : null,
    hasPassedReview: app.reviewed,
    rejectionReason: null,
    builds,
    liveBuildId: app.reviewed ? build(1, 'approved').id : null,
    partnerKeyHash: await sha256(app.partnerKey),
    testerIds: [...(app.testerIds ?? [])],
  };
}

/**
 * Writes the seed users, staff, objects, departments, organisations, licences, apps and widgets
 * that the store lacks. Existing records keep their values; an app record from before the catalog
 * (no `organisationId`) becomes the seed's catalog record, keeping its offer version and text.
 */
export async function seedStore(store: Store, now: number): Promise<void> {
  const apps = await Promise.all(SEED_APPS.map((app) => seedAppRecord(app, now)));
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
    await seedCatalog(tx, apps, now);
    await seedChat(tx, now);
    const { appId, settings } = SEED_SERVICE_DESK_CHAT;
    if (!(await tx.get(ChatCollection.SETTINGS, appId))) {
      await tx.put(ChatCollection.SETTINGS, appId, { appId, settings: structuredClone(settings), geography: null, updatedAt: now } satisfies ChatSettingsRecord);
    }
  });
}

async function seedCatalog(tx: StoreTransaction, apps: readonly AppRecord[], now: number): Promise<void> {
  for (const organisation of SEED_ORGANISATIONS) {
    if (!(await tx.get(CatalogCollection.ORGANISATIONS, organisation.id))) await tx.put(CatalogCollection.ORGANISATIONS, organisation.id, { ...organisation });
  }
  for (const licence of SEED_LICENCES) {
    if (!(await tx.get(CatalogCollection.LICENCES, licence.name))) await tx.put(CatalogCollection.LICENCES, licence.name, { ...licence, addedAt: now });
  }
  for (const app of apps) {
    const existing = await tx.get<Record<string, unknown>>(Collection.APPS, app.id);
    if (!existing) await tx.put(Collection.APPS, app.id, app);
    else if (!('organisationId' in existing)) await tx.put(Collection.APPS, app.id, { ...app, offer: { ...app.offer, ...olderOffer(existing.offer) } });
  }
  for (const widget of SEED_WIDGETS) {
    const app = apps.find((each) => each.id === widget.appId)!;
    const key = widgetKey(widget.appId, widget.id);
    const record: WidgetRecord = { ...widget, organisationId: app.organisationId, placedAt: now, updatedAt: now };
    if (!(await tx.get(CatalogCollection.WIDGETS, key))) await tx.put(CatalogCollection.WIDGETS, key, record);
  }
}

/** The version and text of an offer stored before the catalog, so acceptances of it stay current. */
function olderOffer(offer: unknown): Partial<SeedApp['offer']> {
  if (typeof offer !== 'object' || offer === null) return {};
  const { version, title, text } = offer as Record<string, unknown>;
  return {
    ...(typeof version === 'number' ? { version } : {}),
    ...(typeof title === 'string' ? { title } : {}),
    ...(typeof text === 'string' ? { text } : {}),
  };
}
