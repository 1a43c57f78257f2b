import type { Assignment } from './assignment.ts';
import { IDLE } from './bot.ts';
import type { BotState } from './bot.ts';
import type { ChatMessage } from './messages.ts';

/** One conversation per client and mini-app, kept across visits; dialogs come and go inside it. */
export interface Conversation {
  readonly id: string;
  readonly clientId: string;
  readonly appId: string;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly messages: readonly ChatMessage[];
  readonly bot: BotState;
  readonly assignment: Assignment | null;
  /** Seen by staff only. */
  readonly internalComment: string;
}

/**
 * The client's conversation with an app: the existing one if any, otherwise a new one with
 * the given id. Never two for the same client and app.
 */
export function conversationFor(
  conversations: readonly Conversation[],
  clientId: string,
  appId: string,
  newId: string,
  now: number,
): { conversation: Conversation; created: boolean } {
  const existing = conversations.find((c) => c.clientId === clientId && c.appId === appId);
  if (existing) return { conversation: existing, created: false };
  return {
    conversation: { id: newId, clientId, appId, createdAt: now, updatedAt: now, messages: [], bot: IDLE, assignment: null, internalComment: '' },
    created: true,
  };
}
