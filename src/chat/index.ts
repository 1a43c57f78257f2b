/**
 * The chat domain: settings and their rules, the staff directory and routing (tag rules,
 * personal managers), messages and their rules, deep-link snippets, conversations and the bot.
 * Pure: no DOM, no I/O; time and randomness are passed in.
 */
export * from './errors.ts';
export * from './text-length.ts';
export * from './directory.ts';
export * from './settings.ts';
export * from './assignment.ts';
export * from './personal-manager.ts';
export * from './deep-links.ts';
export * from './messages.ts';
export * from './bot.ts';
export * from './bot-transitions.ts';
export * from './conversations.ts';
export * from './timeline.ts';
