/**
 * What the catalog keeps beside the app records (`apps`, src/backend/records.ts): licences,
 * organisations and widgets, and how records are shown to staff and residents.
 */
import type { Build, Licence, OfferVersion, Widget } from '../catalog/index.ts';
import { iso } from './context.ts';
import type { AppRecord } from './records.ts';
import type { StoreSchema } from './store.ts';

export const CatalogCollection = {
  /** Key: licence name (unique platform-wide by its key). */
  LICENCES: 'licences',
  /** Key: organisation id. Partner organisations; their staff carry `organisationId`. */
  ORGANISATIONS: 'organisations',
  /** Key: `appId/widgetId`. */
  WIDGETS: 'widgets',
} as const;

export const CATALOG_SCHEMA: StoreSchema = {
  [CatalogCollection.LICENCES]: {},
  [CatalogCollection.ORGANISATIONS]: {},
  [CatalogCollection.WIDGETS]: {},
};

export interface LicenceRecord extends Licence {
  [field: string]: unknown;
}

export interface OrganisationRecord {
  [field: string]: unknown;
  id: string;
  name: string;
}

export interface WidgetRecord extends Widget {
  [field: string]: unknown;
  organisationId: string;
  /** When it was placed; a screen lists its widgets in this order. */
  placedAt: number;
}

export const widgetKey = (appId: string, widgetId: string): string => `${appId}/${widgetId}`;

/** An offer as staff see it: the document and its version, times as ISO 8601. */
export interface OfferVersionView extends Omit<OfferVersion, 'since'> {
  since: string;
}

export interface BuildView extends Omit<Build, 'uploadedAt'> {
  uploadedAt: string;
}

/** An app as partner staff and moderators see it (never the partner key's hash). */
export interface AppView {
  id: string;
  organisationId: string;
  name: string;
  description: string;
  category: AppRecord['category'];
  status: AppRecord['status'];
  createdAt: string;
  updatedAt: string;
  licence: string | null;
  offer: OfferVersionView;
  takesPayments: boolean;
  payee: AppRecord['payee'];
  bankAccount: AppRecord['bankAccount'];
  hasPassedReview: boolean;
  rejectionReason: string | null;
  builds: BuildView[];
  liveBuildId: string | null;
  testerIds: string[];
}

export function appView(app: AppRecord): AppView {
  return {
    id: app.id,
    organisationId: app.organisationId,
    name: app.name,
    description: app.description,
    category: app.category,
    status: app.status,
    createdAt: iso(app.createdAt),
    updatedAt: iso(app.updatedAt),
    licence: app.licence,
    offer: { ...app.offer, since: iso(app.offer.since) },
    takesPayments: app.takesPayments,
    payee: app.payee ? { ...app.payee } : null,
    bankAccount: app.bankAccount ? { ...app.bankAccount } : null,
    hasPassedReview: app.hasPassedReview,
    rejectionReason: app.rejectionReason,
    builds: app.builds.map((build) => ({ ...build, uploadedAt: iso(build.uploadedAt) })),
    liveBuildId: app.liveBuildId,
    testerIds: [...app.testerIds],
  };
}

export interface WidgetView {
  id: string;
  appId: string;
  screen: Widget['screen'];
  state: Widget['state'];
  placedAt: string;
  updatedAt: string;
}

export function widgetView(widget: WidgetRecord): WidgetView {
  return { id: widget.id, appId: widget.appId, screen: widget.screen, state: widget.state, placedAt: iso(widget.placedAt), updatedAt: iso(widget.updatedAt) };
}

export interface LicenceView {
  name: string;
  organisationId: string;
  addedAt: string;
  /** The app holding the licence, or null when it is free. */
  appId: string | null;
}
