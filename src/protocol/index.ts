export * from './errors.ts';
export * from './capabilities.ts';
export * from './launch.ts';
export * from './messages.ts';
export * from './methods.ts';
export * from './screens.ts';
