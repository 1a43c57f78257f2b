import type { BakeryErrorCode, BakeryOrder, OrderLine } from './partner/orders-route.ts';
import type { Product } from './partner/catalogue.ts';

/** A refusal of the bakery's backend, with its stable code. */
export class BakeryError extends Error {
  constructor(
    readonly code: BakeryErrorCode | 'NETWORK',
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'BakeryError';
  }
}

export interface BakeryClient {
  catalogue(): Promise<Product[]>;
  createOrder(lines: OrderLine[]): Promise<BakeryOrder>;
  /** Hands the payment's receipt to the bakery, which verifies it and answers the order as it now stands. */
  sendReceipt(orderId: string, receipt: string): Promise<BakeryOrder>;
  order(orderId: string): Promise<BakeryOrder>;
}

/** The shop's calls to its own backend, with the launch token that names the user. */
export function createBakeryClient(options: { fetch: (request: Request) => Promise<Response>; baseUrl: string; launchToken: string }): BakeryClient {
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const request = new Request(`${options.baseUrl}${path}`, {
      method,
      headers: { Authorization: `Bearer ${options.launchToken}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    let response: Response;
    try {
      response = await options.fetch(request);
    } catch (error) {
      throw new BakeryError('NETWORK', `The bakery could not be reached: ${(error as Error).message}`, 0);
    }
    const answer = (await response.json().catch(() => ({}))) as { error?: { code: BakeryErrorCode; message: string } } & T;
    if (!response.ok) throw new BakeryError(answer.error?.code ?? 'NETWORK', answer.error?.message ?? `HTTP ${response.status}`, response.status);
    return answer;
  };
  return {
    catalogue: async () => (await call<{ products: Product[] }>('GET', '/catalogue')).products,
    createOrder: async (lines) => (await call<{ order: BakeryOrder }>('POST', '/orders', { lines })).order,
    sendReceipt: async (orderId, receipt) => (await call<{ order: BakeryOrder }>('POST', `/orders/${encodeURIComponent(orderId)}/receipt`, { receipt })).order,
    order: async (orderId) => (await call<{ order: BakeryOrder }>('GET', `/orders/${encodeURIComponent(orderId)}`)).order,
  };
}
