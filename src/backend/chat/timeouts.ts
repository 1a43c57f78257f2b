/**
 * The restart timeout as a job: the host calls `runChatTimeouts(ctx)` on a timer (and tests call
 * it after moving the clock). Each due deadline is re-checked in its own transaction against the
 * conversation as stored then, so a client who answered meanwhile keeps their dialog.
 */
import type { BackendContext } from '../context.ts';
import { runBot, setDeadline } from './bot-step.ts';
import { withConversation } from './messages.ts';
import { ChatCollection } from './records.ts';

/** Deadlines handled per call at most; the next call takes the rest. */
export const TIMEOUT_BATCH = 100;

/** Ends every dialog whose client left the last message unanswered for the restart timeout; returns how many ended. */
export async function runChatTimeouts(ctx: BackendContext): Promise<number> {
  const now = ctx.clock.now();
  const due = await ctx.store.list<{ conversationId: string }>(ChatCollection.DEADLINES, { limit: TIMEOUT_BATCH });
  let ended = 0;
  for (const { key, value } of due) {
    const deadline = Number(key.slice(0, key.indexOf('/')));
    if (deadline > now) break;
    const closed = await withConversation(ctx, value.conversationId, async (write, settings) => {
      if (write.conversation.deadlineKey !== key) {
        await write.tx.delete(ChatCollection.DEADLINES, key);
        return false;
      }
      const result = await runBot(write, { type: 'tick' }, settings);
      // A longer timeout set since: the deadline moves instead.
      if (result.ended === null) await setDeadline(write, settings);
      return result.ended !== null;
    }).catch(async (error: unknown) => {
      // A conversation or app that is gone leaves no deadline behind.
      if ((error as { status?: number }).status === 404) {
        await ctx.store.delete(ChatCollection.DEADLINES, key);
        return false;
      }
      throw error;
    });
    if (closed) ended++;
  }
  return ended;
}
