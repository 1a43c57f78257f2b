import type { MethodName, MethodParams, MethodResult } from '../protocol/index.ts';

/** What a handler knows about the call it serves. */
export interface CallContext {
  /** The catalog id of the calling mini-app. */
  appId: string;
  /** Its display name: what a host dialog shows as the one asking. */
  appName: string;
  /** The launch this call belongs to. */
  launchId: string;
  /** Aborted when the launch closes; long operations should stop. */
  signal: AbortSignal;
  /** The app's frame, for host UI drawn over it (and focus given back to it). */
  frame?: HTMLIFrameElement;
}

/**
 * The host app's implementation of one bridge method. Arguments arrive already checked against
 * the method's schema and the app's capabilities. Throw a `HostError` to answer a specific code;
 * anything else reaches the app as `INTERNAL`.
 */
export type MethodHandler<M extends MethodName> = (
  params: MethodParams<M>,
  context: CallContext,
) => MethodResult<M> | Promise<MethodResult<M>>;

/** Handlers for the methods a host app implements; `app.*` methods are built in. */
export type MethodHandlers = { [M in Exclude<MethodName, `app.${string}`>]?: MethodHandler<M> };
