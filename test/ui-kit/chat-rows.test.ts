import { expect } from '@open-wc/testing';
import { ChatRows, buildRows } from '../../ui-kit/components/chat/chat-rows.ts';
import type { PendingEntry } from '../../src/chat/timeline.ts';
import { BOT, CLIENT, STAFF, botEntry, conversation, entry } from './chat-fake.ts';

const viewer = { side: 'client' as const, id: CLIENT.id };

function pendingItem(clientMessageId: string, createdAt: number): PendingEntry {
  return { clientMessageId, text: 'On its way', attachment: null, deepLink: null, createdAt, state: 'sending', progress: null, error: null, previewUrl: null };
}

describe('ma-chat rows', () => {
  it('opens each day, starts a group on a new author, the unread marker and after a hand-over line, and shows a stored pending message once', () => {
    const day1 = new Date(2026, 2, 10, 23, 50).getTime();
    const day2 = new Date(2026, 2, 11, 0, 5).getTime();
    const entries = [
      entry({ seq: 1, author: CLIENT, clientMessageId: 'c1', sentAt: day1 }),
      entry({ seq: 2, author: CLIENT, clientMessageId: 'c2', sentAt: day1 + 60_000 }),
      entry({ seq: 3, author: STAFF, sentAt: day2 }),
      entry({ seq: 4, author: STAFF, sentAt: day2 + 60_000 }),
      botEntry(5, { kind: 'taken-over', departmentId: 'd', employeeId: 'e', departmentName: 'Service', employeeName: 'Anna' }, { sentAt: day2 + 120_000 }),
      entry({ seq: 6, author: STAFF, sentAt: day2 + 180_000 }),
      entry({ seq: 7, author: STAFF, sentAt: day2 + 240_000 }),
      entry({ seq: 8, author: CLIENT, clientMessageId: 'sent-1', sentAt: day2 + 300_000 }),
    ];
    const pending = [pendingItem('sent-1', day2 + 290_000), pendingItem('local-2', day2 + 310_000)];
    const rows = buildRows(entries, pending, viewer, 'e7');
    expect(rows.map((row) => row.key)).to.deep.equal(['own:c1', 'own:c2', 'entry:e3', 'entry:e4', 'entry:e5', 'entry:e6', 'entry:e7', 'own:sent-1', 'own:local-2']);
    expect(rows.map((row) => row.day !== null)).to.deep.equal([true, false, true, false, false, false, false, false, false]);
    expect(rows[2]!.day).to.equal(new Date(2026, 2, 11).getTime());
    expect(rows.map((row) => row.groupStart)).to.deep.equal([true, false, true, false, true, true, true, true, false]);
    expect(rows.map((row) => row.unreadMarker)).to.deep.equal([false, false, false, false, false, false, true, false, false]);
    expect(rows.map((row) => row.own)).to.deep.equal([true, true, false, false, false, false, false, true, true]);
    expect(rows.at(-1)!.pending!.clientMessageId).to.equal('local-2');
    expect(rows[4]!.entry!.author).to.deep.equal(BOT);
  });

  it('derives only the rows asked for, and keeps the rows of entries that did not change when an older page comes', () => {
    const model = new ChatRows(viewer, null);
    const newer = conversation(1000, 2000);
    const none: PendingEntry[] = [];
    model.update(newer, none);
    const before = [0, 1, 500, 999].map((index) => model.row(index)!);
    expect(model.update(newer, none), 'the same arrays change nothing').to.equal(false);
    const older = conversation(1000, 1000);
    expect(model.update([...older, ...newer], none)).to.equal(true);
    expect(model.length).to.equal(2000);
    expect(model.row(1001), 'an unchanged row is the same object').to.equal(before[1]);
    expect(model.row(1500)).to.equal(before[2]);
    expect(model.row(1999)).to.equal(before[3]);
    // The old first row has a row before it now: derived again, it no longer opens the day.
    expect(before[0]!.day).to.not.equal(null);
    expect(model.row(1000)).to.not.equal(before[0]);
    expect(model.row(1000)!.day).to.equal(null);
    expect(model.row(1000)!.key).to.equal(before[0]!.key);
    expect(model.row(2000)).to.equal(undefined);
  });

  it('finds an item again after the change, and a revised entry by its id', () => {
    const model = new ChatRows(viewer, null);
    const entries = conversation(10);
    model.update(entries, []);
    const anchor = entries[3]!;
    const revised = entries.map((item) => (item === anchor ? { ...item, text: 'Edited', rev: 100 } : item));
    model.update([entry({ seq: -1 }), entry({ seq: 0 }), ...revised], []);
    expect(model.indexOf(anchor)).to.equal(5);
    expect(model.row(5)!.entry!.text).to.equal('Edited');
    expect(model.indexOf(entry({ seq: 99 }))).to.equal(-1);
  });

  it('knows the newest unread message of the other side', () => {
    const model = new ChatRows(viewer, null);
    const read = conversation(6);
    model.update(read, []);
    expect(model.newestUnread).to.equal(-1);
    model.update([...read, entry({ seq: 7, author: STAFF }), entry({ seq: 8, author: CLIENT, clientMessageId: 'c8' })], []);
    expect(model.newestUnread).to.equal(6);
  });
});
