import type { BotEventType, BotOutgoing, BotStateKind } from './bot.ts';

/** One documented move of the bot; `to: 'same'` keeps the state kind. */
export interface BotTransition {
  readonly from: readonly BotStateKind[];
  readonly event: BotEventType | 'restart-timeout';
  readonly when: string;
  readonly to: BotStateKind | 'same';
  readonly emits: readonly BotOutgoing['kind'][];
}

const ACTIVE: readonly BotStateKind[] = ['choosing-topic', 'waiting-for-client', 'with-person'];
const BOT_ASKING: readonly BotStateKind[] = ['choosing-topic', 'waiting-for-client'];

/**
 * The bot's moves, for people (docs/chat.md is generated from it) and for the tests, which
 * check that every step the reducer takes is one of these rows.
 */
export const BOT_TRANSITIONS: readonly BotTransition[] = [
  { from: ACTIVE, event: 'restart-timeout', when: 'the client left the last message unanswered for the restart timeout (checked before any event)', to: 'idle', emits: [] },
  { from: ['idle'], event: 'client-opened', when: 'bot on (enabled, with tags)', to: 'choosing-topic', emits: ['greeting', 'choose-topic'] },
  { from: ['idle'], event: 'client-opened', when: 'bot off', to: 'waiting-for-client', emits: ['greeting'] },
  { from: ['idle'], event: 'client-chose-tag', when: 'a topic of an ended dialog, bot on: start over', to: 'choosing-topic', emits: ['greeting', 'choose-topic'] },
  { from: ['idle'], event: 'client-chose-tag', when: 'a topic of an ended dialog, bot off', to: 'waiting-for-client', emits: ['greeting'] },
  { from: ['idle'], event: 'client-sent-text', when: 'always: the default responsible takes it', to: 'with-person', emits: ['greeting', 'taken-over'] },
  { from: ['idle'], event: 'staff-sent-message', when: 'a known employee writes first', to: 'with-person', emits: ['taken-over'] },
  { from: ['idle'], event: 'staff-sent-message', when: 'unknown employee', to: 'same', emits: [] },
  { from: ['idle'], event: 'staff-assigned', when: 'no dialog to assign', to: 'same', emits: [] },
  { from: ['idle'], event: 'staff-ended', when: 'no dialog to end', to: 'same', emits: [] },
  { from: ['idle'], event: 'tick', when: 'always', to: 'same', emits: [] },
  { from: ['choosing-topic'], event: 'client-chose-tag', when: 'a known tag: its auto-reply, then routing by its rules', to: 'with-person', emits: ['auto-reply', 'taken-over'] },
  { from: ['choosing-topic'], event: 'client-chose-tag', when: 'unknown tag', to: 'same', emits: [] },
  { from: ['waiting-for-client'], event: 'client-chose-tag', when: 'the bot is off: no topics', to: 'same', emits: [] },
  { from: BOT_ASKING, event: 'client-sent-text', when: 'free text instead of a tag: the default responsible', to: 'with-person', emits: ['taken-over'] },
  { from: BOT_ASKING, event: 'staff-sent-message', when: 'a known employee steps in', to: 'with-person', emits: ['taken-over'] },
  { from: BOT_ASKING, event: 'staff-sent-message', when: 'unknown employee', to: 'same', emits: [] },
  { from: ['with-person'], event: 'client-chose-tag', when: 'a person has the dialog: the bot is silent', to: 'same', emits: [] },
  { from: ['with-person'], event: 'client-sent-text', when: 'a person has the dialog: the bot is silent', to: 'same', emits: [] },
  { from: ['with-person'], event: 'staff-sent-message', when: 'always', to: 'same', emits: [] },
  { from: ACTIVE, event: 'client-opened', when: 'a visit within the dialog continues it', to: 'same', emits: [] },
  { from: ACTIVE, event: 'staff-assigned', when: 'a known department, and an employee of it with access to the client’s object (or none)', to: 'with-person', emits: ['taken-over'] },
  { from: ACTIVE, event: 'staff-assigned', when: 'otherwise: refused', to: 'same', emits: [] },
  { from: ACTIVE, event: 'staff-ended', when: '"question resolved" or "user did not answer": its finish text', to: 'idle', emits: ['closing'] },
  { from: ACTIVE, event: 'tick', when: 'before the timeout', to: 'same', emits: [] },
];

/** The bot's transitions as a Markdown table, for docs/chat.md (kept in sync by a test). */
export function botTransitionsMarkdown(): string {
  const lines = ['| from | event | when | to | sends |', '|---|---|---|---|---|'];
  for (const t of BOT_TRANSITIONS) {
    const emits = t.emits.length === 0 ? '—' : t.emits.map((e) => `\`${e}\``).join(', ');
    lines.push(`| ${t.from.map((s) => `\`${s}\``).join(', ')} | \`${t.event}\` | ${t.when} | ${t.to === 'same' ? 'same' : `\`${t.to}\``} | ${emits} |`);
  }
  return lines.join('\n');
}
