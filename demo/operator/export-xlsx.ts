/**
 * The chat list as a spreadsheet. write-excel-file is loaded only here, on the first export, so
 * the console's own code stays small.
 */
import type { ChatListItem } from '../../src/backend/chat/contract.ts';
import { cellValue, columnHeading, type ColumnId } from './list-columns.ts';
import type { OperatorText } from './texts.ts';

export interface ChatExport {
  blob: Blob;
  fileName: string;
  rows: number;
}

export async function exportChats(items: readonly ChatListItem[], columns: readonly ColumnId[], t: OperatorText, now = new Date()): Promise<ChatExport> {
  if (columns.length === 0) throw new Error('Choose at least one column to export');
  const { default: writeXlsxFile } = await import('write-excel-file/browser');
  const header = columns.map((column) => ({ value: columnHeading(t, column), fontWeight: 'bold' as const }));
  const body = items.map((item) =>
    columns.map((column) => {
      const value = cellValue(item, column, t);
      return value instanceof Date ? { value, type: Date, format: 'yyyy-mm-dd hh:mm' } : { value };
    }),
  );
  const blob = await writeXlsxFile([header, ...body], { columns: columns.map(() => ({ width: 22 })) }).toBlob();
  const stamp = now.toISOString().slice(0, 16).replace(/[:T]/g, '-');
  return { blob, fileName: `chats-${stamp}.xlsx`, rows: items.length };
}

/** Hands the file to the browser as a download. */
export function download(file: ChatExport): void {
  const url = URL.createObjectURL(file.blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
