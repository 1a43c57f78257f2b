/**
 * The bakery's own backend, as a partner writes one: a Fetch-API handler over `/partner/bakery/*`.
 * It knows the user by the host's launch token and marks an order paid only after verifying the
 * payment's receipt against the host's published keys (`verifyReceipt` from miniapps/server):
 * the signature, the audience (this app), the user, the order, the amount and the currency.
 */
import type { JSONWebKeySet } from 'jose';
import { TokenError, verifyLaunchToken, verifyReceipt, type ReceiptClaims } from '../../../../src/server/index.ts';
import { PRODUCTS } from './catalogue.ts';

export const BAKERY_APP_ID = 'bakery';
export const PARTNER_BASE = '/partner/bakery';

export interface BakeryBackendOptions {
  /** The host's JWKS, e.g. `https://host.example/api/.well-known/jwks.json`: fetched over HTTP and cached. */
  jwksUrl?: string | URL;
  /** Instead of `jwksUrl`: where else the host's key set comes from, asked at each check (see host-keys.ts). */
  hostKeys?: () => Promise<JSONWebKeySet>;
  /** The host's issuer id (`iss` of its tokens and receipts). */
  issuer: string;
  /** The app id receipts and tokens must be issued for. */
  audience?: string;
  now?: () => number;
}

export interface OrderLine {
  productId: string;
  quantity: number;
}

export interface BakeryOrder {
  id: string;
  userId: string;
  lines: OrderLine[];
  /** Kopecks, from the bakery's own price list. */
  amount: number;
  currency: 'RUB';
  /** `created`, `paid`, `payment-failed`, `cancelled`, or a status of the host's the bakery passes on as it is. */
  status: string;
  paymentId?: string;
  failureReason?: string;
  createdAt: number;
  paidAt?: number;
}

/** The errors the route answers, each `{ error: { code, message } }` with its HTTP status. */
export type BakeryErrorCode =
  | 'UNAUTHORIZED'
  | 'INVALID_BODY'
  | 'UNKNOWN_ORDER'
  | 'NOT_YOUR_ORDER'
  | 'AMOUNT_MISMATCH'
  | 'RECEIPT_REFUSED'
  | 'HOST_KEYS_UNAVAILABLE'
  | 'NOT_FOUND';

const STATUS: Record<BakeryErrorCode, number> = {
  UNAUTHORIZED: 401,
  INVALID_BODY: 400,
  UNKNOWN_ORDER: 404,
  NOT_YOUR_ORDER: 403,
  AMOUNT_MISMATCH: 409,
  RECEIPT_REFUSED: 422,
  HOST_KEYS_UNAVAILABLE: 503,
  NOT_FOUND: 404,
};

class RouteError extends Error {
  constructor(
    readonly code: BakeryErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const MAX_LINES = 20;
const MAX_QUANTITY = 50;
const MAX_BODY = 16 * 1024;

async function readBody(request: Request): Promise<Record<string, unknown>> {
  const text = await request.text();
  if (text.length > MAX_BODY) throw new RouteError('INVALID_BODY', `The body has ${text.length} characters; at most ${MAX_BODY}`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new RouteError('INVALID_BODY', 'The body must be JSON');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new RouteError('INVALID_BODY', 'The body must be a JSON object');
  return body as Record<string, unknown>;
}

function readLines(value: unknown): OrderLine[] {
  if (!Array.isArray(value) || value.length === 0) throw new RouteError('INVALID_BODY', '`lines` must be a non-empty array of { productId, quantity }');
  if (value.length > MAX_LINES) throw new RouteError('INVALID_BODY', `At most ${MAX_LINES} lines in one order`);
  return value.map((line: unknown, index) => {
    const { productId, quantity } = (line ?? {}) as Record<string, unknown>;
    if (typeof productId !== 'string' || !PRODUCTS.some((product) => product.id === productId)) {
      throw new RouteError('INVALID_BODY', `lines.${index}.productId: not a product of the bakery`, { field: `lines.${index}.productId` });
    }
    if (!Number.isInteger(quantity) || (quantity as number) < 1 || (quantity as number) > MAX_QUANTITY) {
      throw new RouteError('INVALID_BODY', `lines.${index}.quantity: a whole number from 1 to ${MAX_QUANTITY}`, { field: `lines.${index}.quantity` });
    }
    return { productId, quantity: quantity as number };
  });
}

/** The bakery's status for a payment's final state; a state it does not know yet passes as it is. */
function statusOfReceipt(claims: ReceiptClaims): string {
  if (claims.status === 'succeeded') return 'paid';
  if (claims.status === 'failed') return 'payment-failed';
  return claims.status;
}

/** The bakery's backend: `fetch(request)` answers its routes; orders are kept in memory. */
export function createBakeryBackend(options: BakeryBackendOptions): { fetch(request: Request): Promise<Response>; orders: ReadonlyMap<string, BakeryOrder> } {
  const audience = options.audience ?? BAKERY_APP_ID;
  const now = options.now ?? Date.now;
  const orders = new Map<string, BakeryOrder>();
  if ((options.jwksUrl === undefined) === (options.hostKeys === undefined)) throw new TypeError('Give the bakery one of jwksUrl or hostKeys');
  const keysAt = String(options.jwksUrl ?? 'the host page');
  /** The options naming the host's keys for `verifyLaunchToken` and `verifyReceipt`. */
  const keys = async (): Promise<{ jwksUrl: string | URL } | { jwks: JSONWebKeySet }> => (options.hostKeys ? { jwks: await options.hostKeys() } : { jwksUrl: options.jwksUrl! });

  /** Keys that cannot be fetched are the host's outage, not a bad token: answer 503, retry later. */
  const verifying = async <T>(verify: () => Promise<T>, refused: (error: TokenError) => RouteError): Promise<T> => {
    try {
      return await verify();
    } catch (error) {
      if (error instanceof TokenError) throw refused(error);
      throw new RouteError('HOST_KEYS_UNAVAILABLE', `The host's keys could not be fetched from ${keysAt}: ${(error as Error).message}`);
    }
  };

  async function userOf(request: Request): Promise<string> {
    const token = /^Bearer (.+)$/.exec(request.headers.get('Authorization') ?? '')?.[1];
    if (!token) throw new RouteError('UNAUTHORIZED', 'Send the launch token: Authorization: Bearer <launch token>');
    const claims = await verifying(
      async () => verifyLaunchToken(token, { ...(await keys()), issuer: options.issuer, audience, now: now() }),
      (error) => new RouteError('UNAUTHORIZED', `The launch token is refused: ${error.code}`, { reason: error.code }),
    );
    return claims.sub;
  }

  function ownOrder(id: string, userId: string): BakeryOrder {
    const order = orders.get(id);
    if (!order) throw new RouteError('UNKNOWN_ORDER', `No order ${id.slice(0, 64)}`);
    if (order.userId !== userId) throw new RouteError('NOT_YOUR_ORDER', `Order ${id.slice(0, 64)} belongs to another user`);
    return order;
  }

  async function acceptReceipt(order: BakeryOrder, receipt: unknown): Promise<BakeryOrder> {
    if (typeof receipt !== 'string' || receipt === '') throw new RouteError('INVALID_BODY', '`receipt` must be the receipt string payments.pay answered');
    const claims = await verifying(
      async () => verifyReceipt(receipt, { ...(await keys()), issuer: options.issuer, audience, now: now() }),
      (error) => new RouteError('RECEIPT_REFUSED', `The receipt is refused: ${error.code}`, { reason: error.code }),
    );
    if (claims.orderId !== order.id) throw new RouteError('RECEIPT_REFUSED', `The receipt is for order ${claims.orderId.slice(0, 64)}, not ${order.id}`, { reason: 'OTHER_ORDER' });
    if (claims.sub !== order.userId) throw new RouteError('NOT_YOUR_ORDER', 'The receipt was paid by another user');
    if (claims.amount !== order.amount || claims.currency !== order.currency) {
      throw new RouteError('AMOUNT_MISMATCH', `The receipt says ${claims.amount} ${claims.currency}; the order is ${order.amount} ${order.currency}`);
    }
    // Paid once: a second receipt of the same payment (a retry, another tab) changes nothing.
    if (order.status === 'paid') return order;
    const status = statusOfReceipt(claims);
    Object.assign(order, { status, paymentId: claims.paymentId, ...(claims.failureReason ? { failureReason: claims.failureReason } : {}), ...(status === 'paid' ? { paidAt: now() } : {}) });
    return order;
  }

  async function route(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (!url.pathname.startsWith(`${PARTNER_BASE}/`)) throw new RouteError('NOT_FOUND', `Not a bakery route: ${url.pathname.slice(0, 120)}`);
    const path = url.pathname.slice(PARTNER_BASE.length);
    if (request.method === 'GET' && path === '/catalogue') return json({ products: PRODUCTS });
    const userId = await userOf(request);
    if (request.method === 'POST' && path === '/orders') {
      const lines = readLines((await readBody(request)).lines);
      const amount = lines.reduce((sum, line) => sum + PRODUCTS.find((product) => product.id === line.productId)!.price * line.quantity, 0);
      const order: BakeryOrder = { id: `order-${crypto.randomUUID().slice(0, 13)}`, userId, lines, amount, currency: 'RUB', status: 'created', createdAt: now() };
      orders.set(order.id, order);
      return json({ order }, 201);
    }
    if (request.method === 'GET' && path === '/orders') return json({ orders: [...orders.values()].filter((order) => order.userId === userId).reverse() });
    const receiptPath = /^\/orders\/([^/]+)\/receipt$/.exec(path);
    if (request.method === 'POST' && receiptPath) {
      const order = ownOrder(decodeURIComponent(receiptPath[1]!), userId);
      return json({ order: await acceptReceipt(order, (await readBody(request)).receipt) });
    }
    const orderPath = /^\/orders\/([^/]+)$/.exec(path);
    if (request.method === 'GET' && orderPath) return json({ order: ownOrder(decodeURIComponent(orderPath[1]!), userId) });
    throw new RouteError('NOT_FOUND', `No route ${request.method} ${url.pathname.slice(0, 120)}`);
  }

  return {
    orders,
    async fetch(request) {
      try {
        return await route(request);
      } catch (error) {
        if (error instanceof RouteError) return json({ error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) } }, STATUS[error.code]);
        throw error;
      }
    },
  };
}
