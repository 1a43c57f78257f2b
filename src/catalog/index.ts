/**
 * The catalog domain: registration rules, licences, statuses and moderation, offers, widgets,
 * the app list and test tokens. Pure: no DOM, no I/O, time passed in.
 */
export * from './errors.ts';
export * from './statuses.ts';
export * from './categories.ts';
export * from './text-rules.ts';
export * from './app-record.ts';
export * from './registration.ts';
export * from './app-details.ts';
export * from './transition-table.ts';
export * from './transition-docs.ts';
export * from './actions.ts';
export * from './catalog-state.ts';
export * from './offer.ts';
export * from './visibility.ts';
export * from './widgets.ts';
export * from './app-list.ts';
export * from './test-tokens.ts';
