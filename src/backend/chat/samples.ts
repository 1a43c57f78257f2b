/**
 * The demo's sample conversations, so the operator console has something to show on a fresh
 * demo: one the bot still has, one a person took over and answered, and one ended. They are
 * played through the same domain calls a client and an operator make (the bot, routing, read
 * marks and closings as they would happen), on a clock set back to when each one happened.
 */
import type { DialogOutcome } from '../../chat/index.ts';
import type { BackendContext } from '../context.ts';
import { Collection, type UserRecord } from '../records.ts';
import type { StaffRecord } from '../staff.ts';
import { chooseTag, markRead, openChat, sendMessage } from './messages.ts';
import { ChatCollection, type ChatChannel, type ConversationRecord } from './records.ts';
import { endDialog } from './staff-side.ts';
import type { ChatViewer } from './viewer.ts';

const MINUTE = 60 * 1000;
const DAY = 24 * 60 * MINUTE;

/** One thing that happens in a sample conversation; staff steps are by the employee who has the dialog. */
export type SampleStep =
  | { kind: 'tag'; tagId: string }
  | { kind: 'client-says'; text: string }
  | { kind: 'staff-says'; text: string }
  | { kind: 'read'; by: 'client' | 'staff' }
  | { kind: 'end'; outcome: DialogOutcome };

export interface SampleConversation {
  clientId: string;
  appId: string;
  channel: ChatChannel;
  /** How long before the seed the client opened the chat. */
  openedAgoMs: number;
  /** Each step this long after the opening. */
  steps: readonly (SampleStep & { afterMs: number })[];
}

export const SAMPLE_CONVERSATIONS: readonly SampleConversation[] = [
  {
    // Ended: a missing item of a bakery order, answered and resolved three days ago.
    clientId: 'user-anna',
    appId: 'bakery',
    channel: 'ios',
    openedAgoMs: 3 * DAY,
    steps: [
      { afterMs: MINUTE, kind: 'tag', tagId: 'order' },
      { afterMs: 2 * MINUTE, kind: 'client-says', text: 'Order 1042: the croissants were missing.' },
      { afterMs: 6 * MINUTE, kind: 'read', by: 'staff' },
      { afterMs: 7 * MINUTE, kind: 'staff-says', text: 'Sorry about that! A courier brings them within the hour, with a rye loaf on us.' },
      { afterMs: 9 * MINUTE, kind: 'read', by: 'client' },
      { afterMs: 10 * MINUTE, kind: 'client-says', text: 'Thank you!' },
      { afterMs: 12 * MINUTE, kind: 'read', by: 'staff' },
      { afterMs: 12 * MINUTE, kind: 'end', outcome: 'resolved' },
    ],
  },
  {
    // Open: a repair routed to maintenance yesterday, the operator answered, the client's reply not read yet.
    clientId: 'user-maria',
    appId: 'service-desk',
    channel: 'android',
    openedAgoMs: DAY,
    steps: [
      { afterMs: MINUTE, kind: 'tag', tagId: 'repair' },
      { afterMs: 2 * MINUTE, kind: 'client-says', text: 'The radiator in the office is cold.' },
      { afterMs: 20 * MINUTE, kind: 'read', by: 'staff' },
      { afterMs: 21 * MINUTE, kind: 'staff-says', text: 'A technician comes tomorrow between 10 and 12. Will someone be in?' },
      { afterMs: 40 * MINUTE, kind: 'read', by: 'client' },
      { afterMs: 41 * MINUTE, kind: 'client-says', text: 'Yes, I will be there all morning.' },
    ],
  },
  {
    // The bot's: greeted a few minutes ago, no topic chosen yet.
    clientId: 'user-ivan',
    appId: 'service-desk',
    channel: 'web',
    openedAgoMs: 5 * MINUTE,
    steps: [],
  },
];

/** The counter that says the samples were written (or that conversations existed before). */
const SAMPLES_MARK = 'sampleConversations';

/**
 * Plays the sample conversations into a store that never had a conversation; a store that had
 * one (or the samples) is left alone. Returns how many were written.
 */
export async function seedSampleConversations(ctx: BackendContext, samples: readonly SampleConversation[] = SAMPLE_CONVERSATIONS): Promise<number> {
  const claimed = await ctx.store.transaction(async (tx) => {
    if (await tx.get(ChatCollection.COUNTERS, SAMPLES_MARK)) return false;
    const hadConversations = (await tx.get(ChatCollection.COUNTERS, 'conversations')) !== undefined;
    await tx.put(ChatCollection.COUNTERS, SAMPLES_MARK, { seeded: !hadConversations });
    return !hadConversations;
  });
  if (!claimed) return 0;
  const start = ctx.clock.now();
  let written = 0;
  for (const sample of samples) {
    const user = await ctx.store.get<UserRecord>(Collection.USERS, sample.clientId);
    if (!user) continue;
    const openedAt = start - sample.openedAgoMs;
    const at = (afterMs: number): BackendContext => {
      const time = openedAt + afterMs;
      return { ...ctx, clock: { now: () => time } };
    };
    const client: ChatViewer = { side: 'client', user };
    const { conversation } = await openChat(at(0), user, sample.appId, sample.channel);
    for (const [index, step] of sample.steps.entries()) {
      const stepCtx = at(step.afterMs);
      const clientMessageId = `sample-${sample.clientId}-${index}`;
      switch (step.kind) {
        case 'tag':
          await chooseTag(stepCtx, client, conversation.id, step.tagId);
          break;
        case 'client-says':
          await sendMessage(stepCtx, client, conversation.id, { clientMessageId, text: step.text });
          break;
        case 'staff-says':
          await sendMessage(stepCtx, await responsibleOf(ctx, conversation.id), conversation.id, { clientMessageId, text: step.text });
          break;
        case 'read':
          await markRead(stepCtx, step.by === 'client' ? client : await responsibleOf(ctx, conversation.id), conversation.id);
          break;
        case 'end':
          await endDialog(stepCtx, await responsibleOf(ctx, conversation.id), conversation.id, step.outcome);
          break;
      }
    }
    written++;
  }
  return written;
}

/** The employee who has the conversation's dialog, as a viewer. */
async function responsibleOf(ctx: BackendContext, conversationId: string): Promise<Extract<ChatViewer, { side: 'staff' }>> {
  const conversation = (await ctx.store.get<ConversationRecord>(ChatCollection.CONVERSATIONS, conversationId))!;
  const assignment = conversation.assignment;
  if (assignment?.kind !== 'employee') throw new Error(`Sample conversation ${conversation.number} has no employee to write for`);
  const staff = (await ctx.store.get<StaffRecord>(Collection.STAFF, assignment.employeeId))!;
  const user = (await ctx.store.get<UserRecord>(Collection.USERS, staff.userId))!;
  return { side: 'staff', user, staff };
}
