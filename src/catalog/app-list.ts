import type { AppRecord } from './app-record.ts';
import type { Category } from './categories.ts';
import type { AppStatus } from './statuses.ts';

/** One row of the partner's app list. */
export interface AppListRow {
  id: string;
  name: string;
  status: AppStatus;
  category: Category;
  updatedAt: number;
}

/**
 * The app list: newest update first. Equal times are ordered by id, so the order does not
 * depend on how the store happened to return the records.
 */
export function appList(apps: readonly AppRecord[]): AppListRow[] {
  return [...apps]
    .sort((a, b) => b.updatedAt - a.updatedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map(({ id, name, status, category, updatedAt }) => ({ id, name, status, category, updatedAt }));
}
