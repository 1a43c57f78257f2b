import type { PaymentStatusResult } from '../payments/index.ts';
import type {
  CodeSentResponse,
  PayBody,
  PaymentConfirmOutcome,
  PaymentResponse,
  PushBody,
  PushResponse,
  StorageKeysResponse,
  StorageValuesResponse,
  JwksResponse,
  LaunchTokenResponse,
  MeResponse,
  OfferAcceptanceResponse,
  OfferResponse,
  PublishOfferBody,
  SessionResponse,
  TestTokenBody,
  TokenStatusResponse,
} from './contract.ts';
import { BackendError, type ErrorBody } from './errors.ts';
import type { StaffProfile } from './staff.ts';
import { subscribeLive, type LiveHandlers, type LiveOptions, type LiveSubscription } from './live.ts';

export interface BackendClientOptions {
  /** The API root, e.g. `/api` in the page or `https://host.example/api` on a server. */
  baseUrl: string;
  /** Defaults to the global `fetch`. */
  fetch?: (request: Request) => Promise<Response>;
  /** The signed-in user's session token, sent as `Authorization: Bearer …`; nothing when signed out. */
  getSessionToken: () => string | null | undefined | Promise<string | null | undefined>;
}

export interface CallOptions {
  signal?: AbortSignal;
}

/** The host backend as the runtime sees it. Every failure is a `BackendError` with the contract's code. */
export interface BackendClient {
  /** Sends a one-time code to the phone. */
  requestCode(phone: string, options?: CallOptions): Promise<CodeSentResponse>;
  /** Trades the code for a session; keep `sessionToken` where `getSessionToken` finds it. */
  signIn(phone: string, code: string, options?: CallOptions): Promise<SessionResponse>;
  signOut(options?: CallOptions): Promise<void>;
  me(options?: CallOptions): Promise<MeResponse>;
  /** The signed-in staff member; FORBIDDEN for an account that is not staff. */
  staffMe(options?: CallOptions): Promise<{ staff: StaffProfile }>;
  /** A fresh launch token of the signed-in user for the app; the previous one is revoked. */
  issueLaunchToken(appId: string, options?: CallOptions): Promise<LaunchTokenResponse>;
  jwks(options?: CallOptions): Promise<JwksResponse>;
  tokenStatus(jti: string, options?: CallOptions): Promise<TokenStatusResponse>;
  getOffer(appId: string, options?: CallOptions): Promise<OfferResponse>;
  getOfferAcceptance(appId: string, options?: CallOptions): Promise<OfferAcceptanceResponse>;
  acceptOffer(appId: string, version: number, options?: CallOptions): Promise<OfferAcceptanceResponse>;
  /** Creates the payment, or answers with the one that already holds its idempotency key. */
  createPayment(appId: string, request: PayBody, options?: CallOptions): Promise<PaymentResponse>;
  /** The bridge's `payments.status` answer; `appId` narrows it to one app's payments. */
  paymentStatus(paymentId: string, options?: CallOptions & { appId?: string }): Promise<PaymentStatusResult>;
  /** The user's choice on the (simulated) bank page, for a payment in `created`. */
  confirmPayment(paymentId: string, outcome: PaymentConfirmOutcome, options?: CallOptions): Promise<PaymentResponse>;
  /** The confirmation code for a payment in `awaiting_confirmation`; a wrong one is `WRONG_CODE` with `attemptsLeft`. */
  confirmPaymentCode(paymentId: string, code: string, options?: CallOptions): Promise<PaymentResponse>;
  cancelPayment(paymentId: string, options?: CallOptions): Promise<PaymentResponse>;
  /** A push from the app to the signed-in user; `delivered: false` for an id sent within 24 h. */
  sendPush(appId: string, push: PushBody, options?: CallOptions): Promise<PushResponse>;
  /** The app's values of these keys for the signed-in user, null where none. */
  storageGet(appId: string, keys: string[], options?: CallOptions): Promise<StorageValuesResponse>;
  storageSet(appId: string, key: string, value: string, options?: CallOptions): Promise<void>;
  storageRemove(appId: string, keys: string[], options?: CallOptions): Promise<void>;
  storageKeys(appId: string, options?: CallOptions): Promise<StorageKeysResponse>;
  /**
   * The live channel of the signed-in user (`GET /events`): events as they are committed, resumed
   * after the last cursor across drops. Pass a function for events only, or handlers for resets
   * and connection states too.
   */
  subscribe(handlers: LiveHandlers | LiveHandlers['onEvent'], options?: LiveOptions): LiveSubscription;
  /** Partner tools, authorised by the app's partner key rather than a session. */
  partner: {
    issueTestToken(appId: string, body: TestTokenBody, partnerKey: string, options?: CallOptions): Promise<LaunchTokenResponse>;
    publishOffer(appId: string, body: PublishOfferBody, partnerKey: string, options?: CallOptions): Promise<OfferResponse>;
  };
}

/** How a call authenticates: with the signed-in session, with a partner key, or not at all. */
export type Auth = { session: true } | { bearer: string } | null;

/** One JSON call to the backend; every failure is a `BackendError` with the contract's code. */
export type ApiCall = <T>(method: string, path: string, auth: Auth, body?: unknown, callOptions?: CallOptions) => Promise<T>;

/** What a request carries besides its method, path and credentials. */
export interface RequestBody {
  body?: BodyInit;
  contentType?: string;
  accept?: string;
}

/**
 * One request to the backend, whatever its body: credentials, an unreachable backend and an
 * error answer (the contract's `{ error }`, or anything else) as a `BackendError`; an ok answer is
 * returned as is, for the caller to read as JSON or bytes.
 */
export type BackendRequest = (method: string, path: string, auth: Auth, body?: RequestBody, callOptions?: CallOptions) => Promise<Response>;

export function createBackendRequest(options: BackendClientOptions): BackendRequest {
  const root = options.baseUrl.replace(/\/+$/, '');
  const send = options.fetch ?? ((request: Request) => fetch(request));
  return async function request(method, path, auth, { body, contentType, accept } = {}, callOptions = {}) {
    const headers = new Headers(accept ? { Accept: accept } : {});
    if (auth && 'session' in auth) {
      const token = await options.getSessionToken();
      if (!token) throw new BackendError('UNAUTHORIZED', 'Not signed in', undefined, 401);
      headers.set('Authorization', `Bearer ${token}`);
    } else if (auth) {
      headers.set('Authorization', `Bearer ${auth.bearer}`);
    }
    if (contentType) headers.set('Content-Type', contentType);
    let response: Response;
    try {
      // A relative root (`/api`) resolves against the page; on a server the root must be absolute.
      response = await send(
        new Request(`${root}${path}`, {
          method,
          headers,
          credentials: 'omit',
          ...(body === undefined ? {} : { body }),
          ...(callOptions.signal ? { signal: callOptions.signal } : {}),
        }),
      );
    } catch (error) {
      if (callOptions.signal?.aborted) throw error;
      throw new BackendError('NETWORK', 'The backend cannot be reached', { cause: String(error) }, 0);
    }
    if (response.ok) return response;
    throw await errorOf(response);
  };
}

/** The `BackendError` an error answer stands for. */
async function errorOf(response: Response): Promise<BackendError> {
  const error = ((await response.json().catch(() => undefined)) as Partial<ErrorBody> | undefined)?.error;
  if (error && typeof error.code === 'string' && typeof error.message === 'string') {
    return new BackendError(error.code, error.message, error.details, response.status);
  }
  return unexpectedAnswer(response);
}

function unexpectedAnswer(response: Response): BackendError {
  return new BackendError('NETWORK', `Unexpected answer from the backend (HTTP ${response.status})`, undefined, response.status);
}

/**
 * The one way the runtime calls the backend with JSON, shared by this client and the domain
 * clients (chat, catalog) built on the same options.
 */
export function createApiCall(options: BackendClientOptions): ApiCall {
  const request = createBackendRequest(options);
  return async function call<T>(method: string, path: string, auth: Auth, body?: unknown, callOptions: CallOptions = {}): Promise<T> {
    const json = body === undefined ? {} : { body: JSON.stringify(body), contentType: 'application/json' };
    const response = await request(method, path, auth, { ...json, accept: 'application/json' }, callOptions);
    if (response.status === 204) return undefined as T;
    const payload: unknown = await response.json().catch(() => undefined);
    if (payload === undefined) throw unexpectedAnswer(response);
    return payload as T;
  };
}

export function createBackendClient(options: BackendClientOptions): BackendClient {
  const root = options.baseUrl.replace(/\/+$/, '');
  const send = options.fetch ?? ((request: Request) => fetch(request));
  const segment = encodeURIComponent;
  const call = createApiCall(options);

  return {
    requestCode: (phone, o) => call('POST', '/auth/code', null, { phone }, o),
    signIn: (phone, code, o) => call('POST', '/auth/session', null, { phone, code }, o),
    signOut: (o) => call('DELETE', '/auth/session', { session: true }, undefined, o),
    me: (o) => call('GET', '/me', { session: true }, undefined, o),
    staffMe: (o) => call('GET', '/staff/me', { session: true }, undefined, o),
    issueLaunchToken: (appId, o) => call('POST', `/apps/${segment(appId)}/launch-token`, { session: true }, undefined, o),
    jwks: (o) => call('GET', '/.well-known/jwks.json', null, undefined, o),
    tokenStatus: (jti, o) => call('GET', `/tokens/${segment(jti)}`, null, undefined, o),
    getOffer: (appId, o) => call('GET', `/apps/${segment(appId)}/offer`, null, undefined, o),
    getOfferAcceptance: (appId, o) => call('GET', `/apps/${segment(appId)}/offer/acceptance`, { session: true }, undefined, o),
    acceptOffer: (appId, version, o) => call('PUT', `/apps/${segment(appId)}/offer/acceptance`, { session: true }, { version }, o),
    createPayment: (appId, request, o) => call('POST', `/apps/${segment(appId)}/payments`, { session: true }, request, o),
    paymentStatus: (paymentId, o) =>
      call('GET', `/payments/${segment(paymentId)}${o?.appId === undefined ? '' : `?appId=${segment(o.appId)}`}`, { session: true }, undefined, o),
    confirmPayment: (paymentId, outcome, o) => call('POST', `/payments/${segment(paymentId)}/confirm`, { session: true }, { outcome }, o),
    confirmPaymentCode: (paymentId, code, o) => call('POST', `/payments/${segment(paymentId)}/3ds`, { session: true }, { code }, o),
    cancelPayment: (paymentId, o) => call('POST', `/payments/${segment(paymentId)}/cancel`, { session: true }, undefined, o),
    sendPush: (appId, push, o) => call('POST', `/apps/${segment(appId)}/push`, { session: true }, push, o),
    storageGet: (appId, keys, o) => call('POST', `/apps/${segment(appId)}/storage/get`, { session: true }, { keys }, o),
    storageSet: (appId, key, value, o) => call('PUT', `/apps/${segment(appId)}/storage`, { session: true }, { key, value }, o),
    storageRemove: (appId, keys, o) => call('POST', `/apps/${segment(appId)}/storage/remove`, { session: true }, { keys }, o),
    storageKeys: (appId, o) => call('GET', `/apps/${segment(appId)}/storage/keys`, { session: true }, undefined, o),
    subscribe: (handlers, o) =>
      subscribeLive(
        { baseUrl: root, fetch: send, getSessionToken: options.getSessionToken },
        typeof handlers === 'function' ? { onEvent: handlers } : handlers,
        o,
      ),
    partner: {
      issueTestToken: (appId, body, partnerKey, o) =>
        call('POST', `/partner/apps/${segment(appId)}/test-tokens`, { bearer: partnerKey }, body, o),
      publishOffer: (appId, body, partnerKey, o) => call('PUT', `/partner/apps/${segment(appId)}/offer`, { bearer: partnerKey }, body, o),
    },
  };
}
