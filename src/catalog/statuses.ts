/** Status of a mini-app in the catalog. */
export const AppStatus = {
  INACTIVE: 'inactive',
  ON_MODERATION: 'on-moderation',
  READY_TO_PUBLISH: 'ready-to-publish',
  TESTING: 'testing',
  ACTIVE: 'active',
} as const;
export type AppStatus = (typeof AppStatus)[keyof typeof AppStatus];
export const ALL_STATUSES: readonly AppStatus[] = Object.values(AppStatus);

/** Human labels, as the SPEC names the statuses. */
export const STATUS_LABELS: { readonly [S in AppStatus]: string } = {
  inactive: 'Inactive',
  'on-moderation': 'On moderation',
  'ready-to-publish': 'Ready to publish',
  testing: 'Testing',
  active: 'Active',
};

/**
 * Who acts on the catalog. `partner`: the partner's staff holding "mini-apps: edit";
 * `moderator`: the platform's moderators.
 */
export const Role = {
  PARTNER: 'partner',
  MODERATOR: 'moderator',
} as const;
export type Role = (typeof Role)[keyof typeof Role];
export const ALL_ROLES: readonly Role[] = Object.values(Role);

/** The person doing an action. A partner acts only on apps of their own organisation. */
export interface Actor {
  userId: string;
  role: Role;
  /** Required for partners; moderators act across organisations. */
  organisationId?: string;
}
