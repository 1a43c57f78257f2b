/** The chat's backend: routes, records, the restart-timeout job (docs/backend.md, "Chat"). */
export * from './contract.ts';
export * from './errors.ts';
export * from './records.ts';
export { CHAT_PUSH_ROUTE, HISTORY_PAGE, MAX_HISTORY_PAGE, CHANGES_PAGE, TYPING_INTERVAL_MS, TYPING_FOR_MS } from './messages.ts';
export { mountChatRoutes, sessionAudiences, type ChatRoutes } from './routes.ts';
export { runChatTimeouts } from './timeouts.ts';
export type { ChatSettingsResponse } from './settings.ts';
export { SEED_CHAT_SETTINGS, seedChat } from './seed.ts';
export { SAMPLE_CONVERSATIONS, seedSampleConversations, type SampleConversation, type SampleStep } from './samples.ts';
