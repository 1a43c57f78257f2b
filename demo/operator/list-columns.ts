/**
 * The chat list's columns: one table for what the screen shows and what the export writes, so a
 * hidden column is hidden in both, and the values are worded once.
 */
import type { ChatListItem } from '../../src/backend/chat/contract.ts';
import type { ShellLocale } from '../shell/preferences.ts';
import { appName, objectTitle } from './directory.ts';
import { CHANNEL_NAMES, formatWhen, type OperatorText } from './texts.ts';

export const COLUMN_IDS = ['number', 'client', 'app', 'object', 'status', 'responsible', 'channel', 'unread', 'created', 'updated'] as const;
export type ColumnId = (typeof COLUMN_IDS)[number];

const HEADINGS = {
  number: 'colNumber', client: 'colClient', app: 'colApp', object: 'colObject', status: 'colStatus',
  responsible: 'colResponsible', channel: 'colChannel', unread: 'colUnread', created: 'colCreated', updated: 'colUpdated',
} as const satisfies Record<ColumnId, Parameters<OperatorText>[0]>;

const STATUS = { bot: 'statusBot', open: 'statusOpen', closed: 'statusClosed' } as const;

export function columnHeading(t: OperatorText, column: ColumnId): string {
  return t(HEADINGS[column]);
}

export function responsibleOf(item: ChatListItem): string {
  const assignee = item.assignee;
  if (!assignee) return '';
  return assignee.employeeName ? `${assignee.employeeName} (${assignee.departmentName})` : assignee.departmentName;
}

/** A cell as the export writes it: numbers stay numbers, dates are dates. */
export function cellValue(item: ChatListItem, column: ColumnId, t: OperatorText): string | number | Date {
  switch (column) {
    case 'number': return item.number;
    case 'client': return item.client.name;
    case 'app': return appName(item.appId);
    case 'object': return objectTitle(item.objectId);
    case 'status': return t(STATUS[item.status]);
    case 'responsible': return responsibleOf(item);
    case 'channel': return CHANNEL_NAMES[item.channel];
    case 'unread': return item.unread;
    case 'created': return new Date(item.createdAt);
    case 'updated': return new Date(item.updatedAt);
  }
}

/** A cell as the screen shows it. */
export function cellText(item: ChatListItem, column: ColumnId, t: OperatorText, locale: ShellLocale): string {
  if (column === 'created') return formatWhen(locale, item.createdAt);
  if (column === 'updated') return formatWhen(locale, item.updatedAt);
  if (column === 'number') return `#${item.number}`;
  const value = cellValue(item, column, t);
  return value === '' ? t('nobody') : String(value);
}

export const HIDDEN_COLUMNS_KEY = 'miniapps-demo-operator-hidden-columns';

/** The hidden columns kept from an earlier visit; anything unknown in storage is ignored. */
export function readHiddenColumns(storage: Pick<Storage, 'getItem'> = localStorage): Set<ColumnId> {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(HIDDEN_COLUMNS_KEY) ?? '[]');
    return new Set(Array.isArray(parsed) ? parsed.filter((id): id is ColumnId => COLUMN_IDS.includes(id as ColumnId)) : []);
  } catch {
    return new Set();
  }
}

export function writeHiddenColumns(hidden: ReadonlySet<ColumnId>, storage: Pick<Storage, 'setItem'> = localStorage): void {
  try {
    storage.setItem(HIDDEN_COLUMNS_KEY, JSON.stringify([...hidden]));
  } catch {
    // Not kept for the next visit; the choice still applies now.
  }
}
