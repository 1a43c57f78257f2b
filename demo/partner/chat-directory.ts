/**
 * What the chat settings form offers to choose from: the object tree, the departments and the chat
 * staff. The backend has no directory route for partners, so the demo reads the seed its backend
 * runs on (the same records `loadDirectory` reads there).
 */
import { SEED_DEPARTMENTS, SEED_OBJECTS, SEED_STAFF } from '../../src/backend/seed.ts';
import { Permission } from '../../src/backend/staff.ts';
import type { ObjectKind } from '../../src/chat/index.ts';

export interface DirectoryOption {
  value: string;
  label: string;
}

/** An object of the tree with its depth, parents before children. */
export interface ObjectRow {
  id: string;
  title: string;
  kind: ObjectKind;
  depth: number;
}

function walk(parentId: string | null, depth: number): ObjectRow[] {
  return SEED_OBJECTS.filter((object) => object.parentId === parentId).flatMap((object) => [
    { id: object.id, title: object.title, kind: object.kind, depth },
    ...walk(object.id, depth + 1),
  ]);
}

export const OBJECT_ROWS: readonly ObjectRow[] = walk(null, 0);

export const DEPARTMENT_OPTIONS: readonly DirectoryOption[] = SEED_DEPARTMENTS.map((department) => ({ value: department.id, label: department.name }));

const CHAT_STAFF = SEED_STAFF.filter((staff) => staff.departmentId !== null && staff.permissions.includes(Permission.CHATS_VIEW));

export const EMPLOYEE_OPTIONS: readonly DirectoryOption[] = CHAT_STAFF.map((staff) => ({ value: staff.id, label: staff.name }));

export function employeesOf(departmentId: string): DirectoryOption[] {
  return CHAT_STAFF.filter((staff) => staff.departmentId === departmentId).map((staff) => ({ value: staff.id, label: staff.name }));
}
