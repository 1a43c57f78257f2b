/**
 * The catalog's HTTP contract: partner staff under `/catalog`, moderators under `/moderation`,
 * residents' widgets under `/widgets`. The edge checks types and sizes only; the catalog domain
 * (src/catalog) applies its rules and reports every problem (see catalog-errors.ts).
 */
import * as v from 'valibot';
import type { AppStatus, Category, WidgetScreen } from '../catalog/index.ts';

/** Method and path of each catalog route, relative to `/api`. */
export const CATALOG_ROUTES = {
  listApps: 'GET /catalog/apps',
  registerApp: 'POST /catalog/apps',
  getApp: 'GET /catalog/apps/:appId',
  editApp: 'PATCH /catalog/apps/:appId',
  attachLicence: 'PUT /catalog/apps/:appId/licence',
  clearLicence: 'DELETE /catalog/apps/:appId/licence',
  changeOffer: 'PUT /catalog/apps/:appId/offer',
  uploadBuild: 'POST /catalog/apps/:appId/builds',
  downloadBuild: 'GET /catalog/apps/:appId/builds/:buildId/bundle',
  sendToModeration: 'POST /catalog/apps/:appId/send-to-moderation',
  publish: 'POST /catalog/apps/:appId/publish',
  activate: 'POST /catalog/apps/:appId/activate',
  startTesting: 'POST /catalog/apps/:appId/start-testing',
  deactivate: 'POST /catalog/apps/:appId/deactivate',
  addTester: 'PUT /catalog/apps/:appId/testers/:userId',
  removeTester: 'DELETE /catalog/apps/:appId/testers/:userId',
  listWidgets: 'GET /catalog/apps/:appId/widgets',
  placeWidget: 'POST /catalog/apps/:appId/widgets',
  setWidgetState: 'PUT /catalog/apps/:appId/widgets/:widgetId/state',
  removeWidget: 'DELETE /catalog/apps/:appId/widgets/:widgetId',
  issueTestToken: 'POST /catalog/apps/:appId/test-tokens',
  listLicences: 'GET /catalog/licences',
  moderationApps: 'GET /moderation/apps',
  moderationApp: 'GET /moderation/apps/:appId',
  moderationBuild: 'GET /moderation/apps/:appId/builds/:buildId/bundle',
  approve: 'POST /moderation/apps/:appId/approve',
  reject: 'POST /moderation/apps/:appId/reject',
  moderationLicences: 'GET /moderation/licences',
  addLicence: 'POST /moderation/licences',
  residentWidgets: 'GET /widgets/:screen',
} as const;

/** The largest build a partner may upload (SPEC: a `.zip` of the mini-app). */
export const MAX_BUILD_BYTES = 20 * 1024 * 1024;

const text = (max: number) => v.pipe(v.string('Must be a string'), v.maxLength(max, `At most ${max} characters`));

const OfferBody = v.strictObject({
  documentId: text(128),
  title: text(200),
  url: v.optional(v.pipe(text(2048), v.url('The url must be an absolute URL'))),
  text: v.optional(text(100_000)),
});

const PayeeBody = v.strictObject({ legalName: text(256), taxId: text(64) });
const BankAccountBody = v.strictObject({ accountNumber: text(64), bankId: text(64) });

/** The registration form (every field required by the domain; payments details when taken). */
export const RegisterAppBody = v.strictObject({
  licence: text(64),
  // Generous bounds: the domain counts characters its own way and reports the limits it applies.
  name: text(1024),
  description: text(4096),
  category: text(64),
  offer: v.nullable(OfferBody),
  takesPayments: v.boolean('takesPayments must be true or false'),
  payee: v.optional(v.nullable(PayeeBody), null),
  bankAccount: v.optional(v.nullable(BankAccountBody), null),
  placementRulesAccepted: v.boolean('placementRulesAccepted must be true or false'),
});
export type RegisterAppBody = v.InferInput<typeof RegisterAppBody>;

export const EditAppBody = v.pipe(
  v.strictObject({
    name: v.optional(text(1024)),
    description: v.optional(text(4096)),
    category: v.optional(text(64)),
    takesPayments: v.optional(v.boolean('takesPayments must be true or false')),
    payee: v.optional(v.nullable(PayeeBody)),
    bankAccount: v.optional(v.nullable(BankAccountBody)),
  }),
  v.check((body) => Object.keys(body).length > 0, 'Name at least one field to change'),
);
export type EditAppBody = v.InferInput<typeof EditAppBody>;

export const ChangeOfferBody = OfferBody;
export type ChangeOfferBody = v.InferInput<typeof ChangeOfferBody>;

export const LicenceBody = v.strictObject({ licence: text(64) });
export type LicenceBody = v.InferInput<typeof LicenceBody>;

export const RejectBody = v.strictObject({ reason: text(2000) });
export type RejectBody = v.InferInput<typeof RejectBody>;

/** The screen and state are checked by the domain, which names the ones it takes. */
export const PlaceWidgetBody = v.strictObject({ screen: text(32) });
export type PlaceWidgetBody = v.InferInput<typeof PlaceWidgetBody>;

export const WidgetStateBody = v.strictObject({ state: text(32) });
export type WidgetStateBody = v.InferInput<typeof WidgetStateBody>;

export const AddLicenceBody = v.strictObject({ name: text(64), organisationId: text(64) });
export type AddLicenceBody = v.InferInput<typeof AddLicenceBody>;

/** `POST /catalog/apps/:appId/builds?fileName=…&size=…`: the body is the `.zip` itself. */
export const BuildUploadQuery = v.strictObject({
  fileName: v.pipe(v.string('fileName is required'), v.minLength(1, 'fileName is required'), v.maxLength(255, 'At most 255 characters')),
  size: v.pipe(
    v.string('size is required: the number of bytes of the build'),
    v.regex(/^[1-9][0-9]{0,15}$/, 'size is the number of bytes of the build'),
    v.transform(Number),
  ),
});

export const ModerationListQuery = v.strictObject({
  status: v.optional(v.picklist(['inactive', 'on-moderation', 'ready-to-publish', 'testing', 'active'] as const, 'Not a status')),
});

/** One row of the partner's app list, newest update first. */
export interface AppListRowView {
  id: string;
  name: string;
  status: AppStatus;
  category: Category;
  /** ISO 8601. */
  updatedAt: string;
}

/** A moderator's row also names the organisation. */
export interface ModerationRowView extends AppListRowView {
  organisationId: string;
}

/** A widget as a resident's screen shows it. */
export interface ResidentWidgetView {
  id: string;
  screen: WidgetScreen;
  app: { id: string; name: string; category: Category };
  /** True when the app is in Testing: the resident sees it as one of its testers. */
  testing: boolean;
}
