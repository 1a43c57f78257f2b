/*
 * The staff directory the chat routes over: an object tree (group of projects → block →
 * building), departments and employees with the objects they have access to. Access to an
 * object covers everything below it: access to a block reaches all of its buildings.
 */

export type ObjectKind = 'project-group' | 'block' | 'building';

export interface ObjectNode {
  id: string;
  kind: ObjectKind;
  /** The block of a building, the group of a block; null at the top. */
  parentId: string | null;
}

export interface Department {
  id: string;
  name: string;
}

export interface Employee {
  id: string;
  name: string;
  departmentId: string;
  /** Objects this employee may see chats for (each with everything below it). */
  objectIds: readonly string[];
}

export interface Directory {
  objects: readonly ObjectNode[];
  departments: readonly Department[];
  employees: readonly Employee[];
}

/** The client of a conversation, with the object their premises belong to. */
export interface ChatClient {
  id: string;
  name: string;
  /** The building of the client's premises; null when the host does not know it. */
  objectId: string | null;
  /** Attributes used by the personal-manager strategy. */
  city?: string;
}

/**
 * The object and all objects above it, nearest first. Unknown ids yield just themselves; a
 * malformed tree with a cycle stops at the first repeat instead of looping.
 */
export function objectPath(objects: readonly ObjectNode[], objectId: string): string[] {
  const byId = new Map(objects.map((o) => [o.id, o]));
  const path: string[] = [];
  let current: string | null = objectId;
  while (current !== null && !path.includes(current)) {
    path.push(current);
    current = byId.get(current)?.parentId ?? null;
  }
  return path;
}

/** True when `objectId` is `ancestorId` or lies below it. */
export function isWithin(objects: readonly ObjectNode[], objectId: string, ancestorId: string): boolean {
  return objectPath(objects, objectId).includes(ancestorId);
}

/** True when the employee has access to the object (directly or through an object above it). */
export function hasAccess(objects: readonly ObjectNode[], employee: Employee, objectId: string | null): boolean {
  if (objectId === null) return false;
  const path = objectPath(objects, objectId);
  return employee.objectIds.some((id) => path.includes(id));
}
