import type { Capability } from './capabilities.ts';

/** The profile a host shares with a mini-app that holds the `user` capability. */
export interface UserProfile {
  id: string;
  name: string;
  /** E.164, e.g. `+79991234567`: the partner's key to link the user with its own records. */
  phone: string;
  premises?: { id: string; title: string };
  object?: { id: string; title: string };
}

export interface UserInfo {
  profile: UserProfile;
  /** A JWT (ES256) issued by the host for this user and app; verify it on your backend. */
  launchToken: string;
}

export interface CloseRequest {
  /** Free text for the host's log. */
  reason?: string;
}

/**
 * Every method a host may answer: name → [params, result]. A method takes one plain-data argument
 * (or none) and resolves to plain data.
 */
export interface BridgeMethods {
  /** The app has painted and is ready; the host hides its loader. */
  'app.ready': [params: void, result: void];
  /** The app asks the host to close it. */
  'app.close': [params: CloseRequest | void, result: void];
  /** The signed-in user and a launch token. Capability `user`. */
  'user.get': [params: void, result: UserInfo];
}

export type MethodName = keyof BridgeMethods;
export type MethodParams<M extends MethodName> = BridgeMethods[M][0];
export type MethodResult<M extends MethodName> = BridgeMethods[M][1];

/** The capability each method needs; `null` for the ones every app may call. */
export const METHOD_CAPABILITY: { readonly [M in MethodName]: Capability | null } = {
  'app.ready': null,
  'app.close': null,
  'user.get': 'user',
};
