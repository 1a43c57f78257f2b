/**
 * Names the console shows for ids: objects, departments, chat staff and mini-apps. The backend has
 * no directory route yet, so the demo reads the seed it runs on (the same records its backend holds).
 */
import { isWithin } from '../../src/chat/index.ts';
import { SEED_DEPARTMENTS, SEED_OBJECTS, SEED_STAFF } from '../../src/backend/seed.ts';
import { Permission } from '../../src/backend/staff.ts';
import { demoApps } from '../apps/catalog.ts';

export interface NamedOption {
  value: string;
  label: string;
}

export const OBJECTS = SEED_OBJECTS;
export const DEPARTMENTS: readonly NamedOption[] = SEED_DEPARTMENTS.map((d) => ({ value: d.id, label: d.name }));

/** Chat staff (those who may see chats and belong to a department). */
export const CHAT_STAFF = SEED_STAFF.filter((s) => s.departmentId !== null && s.permissions.includes(Permission.CHATS_VIEW));

export function objectTitle(objectId: string | null): string {
  if (objectId === null) return '';
  return OBJECTS.find((o) => o.id === objectId)?.title ?? objectId;
}

export function appName(appId: string): string {
  return demoApps.find((app) => app.id === appId)?.name ?? appId;
}

/** The objects a staff member has access to, each with everything below it. */
export function objectsWithin(objectIds: readonly string[]): NamedOption[] {
  const nodes = OBJECTS.map(({ id, kind, parentId }) => ({ id, kind, parentId }));
  return OBJECTS.filter((o) => objectIds.some((root) => isWithin(nodes, o.id, root))).map((o) => ({ value: o.id, label: o.title }));
}

export function staffOfDepartment(departmentId: string): NamedOption[] {
  return CHAT_STAFF.filter((s) => s.departmentId === departmentId).map((s) => ({ value: s.id, label: s.name }));
}
