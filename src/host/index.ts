export { MiniAppHost } from './miniapp-host.ts';
export type { MiniAppDescriptor, MiniAppHostOptions, MiniAppHostEventMap, HostState, LaunchError, LaunchErrorCode } from './miniapp-host.ts';
export { MiniAppFrameElement } from './miniapp-frame.ts';
export { CallLog, redact } from './call-log.ts';
export type { CallLogEntry, CallLogListener } from './call-log.ts';
export { HostError } from './host-error.ts';
export type { CallContext, MethodHandler, MethodHandlers } from './handlers.ts';
export { LaunchConfigError, sandboxTokens, allowList, FRAME_FEATURES } from './frame.ts';
export type { RateLimit } from './rate-limit.ts';
