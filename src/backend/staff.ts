import type { Department, Directory, Employee, ObjectNode } from '../chat/index.ts';
import { hasAccess } from '../chat/index.ts';
import type { BackendContext } from './context.ts';
import { BackendError } from './errors.ts';
import { Collection, type UserRecord } from './records.ts';
import { resolveSession, type ResolvedSession } from './sign-in.ts';
import type { StoreReader } from './store.ts';

/*
 * Staff: people of the host's organisation (operators, administrators, moderators) and of
 * partner organisations (who edit their mini-apps). A staff member signs in like anyone else, by
 * phone and code; the session's user is then looked up here, and every staff route names the
 * permission it needs. Object access (buildings, blocks, groups of projects) limits what chat
 * staff see: access to an object covers everything below it.
 */

export const Permission = {
  /** Partner staff: register apps, upload builds, send to moderation, publish, place widgets, test tokens. */
  MINIAPPS_EDIT: 'miniapps:edit',
  /** Platform moderators: add licences, approve or reject submissions. */
  MODERATE: 'catalog:moderate',
  /** See the chats of the objects one has access to. */
  CHATS_VIEW: 'chats:view',
  /** Write to clients in those chats. */
  CHATS_SEND: 'chats:send',
  /** A chat administrator: may delete any message. */
  CHATS_ADMIN: 'chats:admin',
} as const;
export type Permission = (typeof Permission)[keyof typeof Permission];
export const PERMISSIONS: readonly Permission[] = Object.values(Permission);

/** The notifications a staff member gets, each by push and/or e-mail. */
export type StaffNotificationKind = 'assigned' | 'client-message';
export type NotificationChannels = { push: boolean; email: boolean };

/** Key: staff id. */
export interface StaffRecord {
  [field: string]: unknown;
  id: string;
  /** The user who signs in as this staff member (unique). */
  userId: string;
  name: string;
  email: string;
  /** The partner organisation of partner staff; null for the host's own staff. */
  organisationId: string | null;
  permissions: Permission[];
  /** The chat department, for chat staff. */
  departmentId: string | null;
  /** Objects whose chats this member may see. */
  objectIds: string[];
  /** Offline staff are skipped when a conversation is assigned. */
  online: boolean;
  notifications: Record<StaffNotificationKind, NotificationChannels>;
}

/** Key: object id. The object tree (group of projects → block → building). */
export interface ObjectRecord extends ObjectNode {
  [field: string]: unknown;
  title: string;
}

/** Key: department id. */
export interface DepartmentRecord extends Department {
  [field: string]: unknown;
}

export interface ResolvedStaff extends ResolvedSession {
  staff: StaffRecord;
}

/** What a signed-in staff member may see about themselves (`GET /staff/me`). */
export interface StaffProfile {
  id: string;
  name: string;
  email: string;
  organisationId: string | null;
  permissions: Permission[];
  departmentId: string | null;
  objectIds: string[];
  online: boolean;
  notifications: Record<StaffNotificationKind, NotificationChannels>;
}

export function staffProfile(staff: StaffRecord): StaffProfile {
  const { id, name, email, organisationId, permissions, departmentId, objectIds, online, notifications } = staff;
  return { id, name, email, organisationId, permissions: [...permissions], departmentId, objectIds: [...objectIds], online, notifications: structuredClone(notifications) };
}

/**
 * The staff member behind the session, holding every permission asked for: UNAUTHORIZED without
 * a session, FORBIDDEN for a user who is not staff or lacks a permission (the message names it).
 */
export async function resolveStaff(ctx: BackendContext, authorization: string | undefined, ...required: Permission[]): Promise<ResolvedStaff> {
  const session = await resolveSession(ctx, authorization);
  const found = await ctx.store.findUnique<StaffRecord>(Collection.STAFF, 'userId', session.user.id);
  if (!found) throw new BackendError('FORBIDDEN', 'This account is not staff');
  const missing = required.filter((permission) => !found.value.permissions.includes(permission));
  if (missing.length > 0) throw new BackendError('FORBIDDEN', `This needs the permission ${missing.map((p) => `"${p}"`).join(', ')}`, { missing });
  return { ...session, staff: found.value };
}

export function hasPermission(staff: StaffRecord, permission: Permission): boolean {
  return staff.permissions.includes(permission);
}

/** The chat directory over the store: the object tree, departments, and chat staff as employees. */
export async function loadDirectory(store: StoreReader): Promise<Directory> {
  // One read after another: inside a transaction a SQL store has one connection, which must not
  // be handed several statements at once.
  const objects = await store.list<ObjectRecord>(Collection.OBJECTS);
  const departments = await store.list<DepartmentRecord>(Collection.DEPARTMENTS);
  const staff = await store.list<StaffRecord>(Collection.STAFF);
  return {
    objects: objects.map(({ value }) => ({ id: value.id, kind: value.kind, parentId: value.parentId })),
    departments: departments.map(({ value }) => ({ id: value.id, name: value.name })),
    employees: staff.filter(({ value }) => value.departmentId !== null && hasPermission(value, Permission.CHATS_VIEW)).map(({ value }) => employeeOf(value)),
  };
}

export function employeeOf(staff: StaffRecord): Employee {
  return { id: staff.id, name: staff.name, departmentId: staff.departmentId ?? '', objectIds: [...staff.objectIds] };
}

/** Whether the staff member may see what belongs to the object (a chat's client object): never for an unknown object. */
export function staffSeesObject(directory: Directory, staff: StaffRecord, objectId: string | null): boolean {
  return hasAccess(directory.objects, employeeOf(staff), objectId);
}

/** The user a staff record signs in as, for seeding. */
export function staffUser(staff: StaffRecord, phone: string): UserRecord {
  return { id: staff.userId, name: staff.name, phone, premises: [] };
}
