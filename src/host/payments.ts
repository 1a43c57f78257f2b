import type { BackendClient } from '../backend/client.ts';
import type { LiveEventTypes, PaymentResponse } from '../backend/contract.ts';
import { BackendError } from '../backend/errors.ts';
import type { PayResult } from '../protocol/index.ts';
import { isTerminalStatus, type PaymentStatusResult } from '../payments/index.ts';
import type { MethodHandler } from './handlers.ts';
import { HostError } from './host-error.ts';
import { openPaymentSheet } from './payment-sheet.ts';

export { simulatedBank, SIMULATED_BANK_CODE, type SimulatedBankOptions, type BankBackend } from './simulated-bank.ts';
export { formatAmount } from './payment-sheet.ts';

/*
 * `payments.pay` and `payments.status`: the acquiring flow on the host's side. The backend creates
 * the payment (or answers the one that already holds the idempotency key), the host shows its own
 * payment sheet, the acquirer (the bank's page) takes the user's choice to the backend, and the
 * app gets the payment's end with its signed receipt. A payment that already ended answers at
 * once; a second call for a payment whose sheet is open waits for that sheet instead of opening
 * another.
 */

/** A payment as it ended on the backend, with its receipt. */
type EndedPayment = PaymentStatusResult;

/** What the bank's step ended in. */
export type AcquirerOutcome =
  /** The payment reached an end on the backend (succeeded, failed, or cancelled). */
  | { kind: 'ended'; payment: PaymentStatusResult }
  /** The user left the bank's page without an answer: the host cancels the payment. */
  | { kind: 'abandoned' };

/**
 * The bank's payment page. `confirm` takes the user through it for a payment in `created` or
 * `awaiting_confirmation` and resolves once the backend knows the bank's answer; it closes what it
 * drew and resolves `abandoned` when `signal` aborts (the app closed, the payment ended elsewhere).
 */
export interface Acquirer {
  confirm(payment: PaymentResponse, signal: AbortSignal): Promise<AcquirerOutcome>;
}

export type PaymentsBackend = Pick<BackendClient, 'createPayment' | 'paymentStatus' | 'cancelPayment' | 'subscribe'>;

export interface PaymentHandlerOptions {
  /** The backend client of the signed-in user. */
  client: PaymentsBackend;
  /** The bank's step, e.g. `simulatedBank({ client })`. */
  acquirer: Acquirer;
  /** `ru` or `en` for the sheet (the document's language by default). */
  locale?: string;
  /** Where the sheet goes; `document.body` by default. */
  container?: HTMLElement;
  /**
   * Watch the live channel while a sheet is open, so a payment finished in another tab closes the
   * sheet here with its result (default true).
   */
  live?: boolean;
}

export interface PaymentHandlers {
  'payments.pay': MethodHandler<'payments.pay'>;
  'payments.status': MethodHandler<'payments.status'>;
}

/** One payment whose sheet is open, and the launches waiting for its end. */
interface Flow {
  readonly ended: Promise<EndedPayment>;
  /** Adds a waiting launch; the flow is abandoned when every one of them has closed. */
  join(signal: AbortSignal): void;
}

/** The `payments.pay` and `payments.status` handlers. */
export function createPaymentHandlers(options: PaymentHandlerOptions): PaymentHandlers {
  const { client } = options;
  const flows = new Map<string, Flow>();

  const startFlow = (payment: PaymentResponse, appName: string): Flow => {
    const abandon = new AbortController();
    let waiting = 0;
    const ended = runFlow(options, payment, appName, abandon.signal);
    return {
      ended,
      join(signal) {
        waiting++;
        const leave = () => {
          if (--waiting === 0) abandon.abort();
        };
        if (signal.aborted) return leave();
        signal.addEventListener('abort', leave, { once: true });
        const stop = () => signal.removeEventListener('abort', leave);
        ended.then(stop, stop);
      },
    };
  };

  return {
    'payments.pay': async (request, context) => {
      let payment: PaymentResponse;
      try {
        payment = await client.createPayment(context.appId, request, { signal: context.signal });
      } catch (error) {
        throw toHostError(error, context.signal);
      }
      if (isTerminalStatus(payment.status)) return payResult(payment);
      let flow = flows.get(payment.paymentId);
      if (!flow) {
        const started = startFlow(payment, context.appName);
        flow = started;
        flows.set(payment.paymentId, started);
        void started.ended.then(
          () => flows.delete(payment.paymentId),
          () => flows.delete(payment.paymentId),
        );
      }
      flow.join(context.signal);
      let ended: EndedPayment;
      try {
        ended = await untilAborted(flow.ended, context.signal);
      } catch (error) {
        throw toHostError(error, context.signal);
      }
      return payResult(ended);
    },

    'payments.status': async ({ paymentId }, context) => {
      try {
        return statusResult(await client.paymentStatus(paymentId, { appId: context.appId, signal: context.signal }));
      } catch (error) {
        throw toHostError(error, context.signal);
      }
    },
  };
}

/** The sheet, then the bank, then the payment's end as the backend has it. */
async function runFlow(options: PaymentHandlerOptions, payment: PaymentResponse, appName: string, abandoned: AbortSignal): Promise<EndedPayment> {
  const { client, acquirer } = options;
  const screens = new AbortController();
  const closeScreens = () => screens.abort();
  abandoned.addEventListener('abort', closeScreens, { once: true });
  let endedElsewhere: EndedPayment | undefined;
  const endElsewhere = (ended: PaymentStatusResult) => {
    if (endedElsewhere || !isTerminalStatus(ended.status) || !ended.receipt) return;
    endedElsewhere = statusResult(ended);
    screens.abort();
  };
  const live =
    options.live === false
      ? undefined
      : client.subscribe({
          onEvent(event) {
            const data = event.data as LiveEventTypes['payment.updated'];
            if (event.type === 'payment.updated' && data.paymentId === payment.paymentId) endElsewhere(data);
          },
          onState(state) {
            // The stream starts from now: a move made before it opened is read once from the route.
            if (state !== 'open' || screens.signal.aborted) return;
            client.paymentStatus(payment.paymentId, { appId: payment.appId }).then(endElsewhere, () => undefined);
          },
        });
  // Each dialog gives focus back to what was focused when it opened, so which of the two closes
  // first would decide where focus lands (the bank page closing last sends it to the removed
  // sheet): the flow puts it back itself.
  const focusBefore = deepActiveElement();
  const sheet = openPaymentSheet({
    ...(options.container && { container: options.container }),
    ...(options.locale && { locale: options.locale }),
    appName,
    payment,
    signal: screens.signal,
    onDismissWhileBusy: closeScreens,
  });
  try {
    let outcome: AcquirerOutcome = { kind: 'abandoned' };
    if ((await sheet.choice) === 'pay' && !screens.signal.aborted) {
      try {
        outcome = await acquirer.confirm(payment, screens.signal);
      } catch (error) {
        // The bank step failed (a network error, a signed-out session): the backend still knows
        // where the payment is; leave it ended if it did, cancel it otherwise.
        if (endedElsewhere) return endedElsewhere;
        if (error instanceof BackendError && error.code === 'UNAUTHORIZED') throw error;
      }
    }
    if (endedElsewhere) return endedElsewhere;
    if (outcome.kind === 'ended' && isTerminalStatus(outcome.payment.status)) return outcome.payment;
    return await cancelOrRead(client, payment);
  } finally {
    sheet.close();
    live?.close();
    abandoned.removeEventListener('abort', closeScreens);
    returnFocus(focusBefore);
  }
}

/** The focused element, inside open shadow roots too. */
function deepActiveElement(): HTMLElement | undefined {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : undefined;
}

/** Focuses `element` again unless focus has moved on to something else that is still there. */
function returnFocus(element: HTMLElement | undefined): void {
  if (!element?.isConnected) return;
  const now = document.activeElement;
  if (now === null || now === document.body || now === document.documentElement) element.focus({ preventScroll: true });
}

/** Cancels the payment; when it has ended meanwhile (paid in another tab), answers how it ended. */
async function cancelOrRead(client: PaymentsBackend, payment: PaymentResponse): Promise<EndedPayment> {
  // No signal: the app may have closed already, and its payment must still be cancelled.
  try {
    return await client.cancelPayment(payment.paymentId);
  } catch (error) {
    if (!(error instanceof BackendError) || (error.code !== 'PAYMENT_FINAL' && error.code !== 'ILLEGAL_TRANSITION')) throw error;
    return await client.paymentStatus(payment.paymentId, { appId: payment.appId });
  }
}

/** `payments.pay`'s answer: a success or a failure with its receipt; a cancelled payment is CANCELLED. */
function payResult(payment: EndedPayment): PayResult {
  if (payment.status === 'cancelled') {
    throw new HostError('CANCELLED', 'The user cancelled the payment', { paymentId: payment.paymentId });
  }
  if ((payment.status !== 'succeeded' && payment.status !== 'failed') || !payment.receipt) {
    throw new HostError('INTERNAL', 'The payment did not end; ask payments.status later', { paymentId: payment.paymentId });
  }
  return {
    status: payment.status,
    paymentId: payment.paymentId,
    receipt: payment.receipt,
    ...(payment.status === 'failed' && { failureReason: payment.failureReason ?? 'declined' }),
  };
}

/** Only the fields of the bridge's answer, whatever else the backend sent. */
function statusResult(payment: PaymentStatusResult): PaymentStatusResult {
  return {
    paymentId: payment.paymentId,
    orderId: payment.orderId,
    amount: payment.amount,
    currency: payment.currency,
    status: payment.status,
    ...(payment.failureReason !== undefined && { failureReason: payment.failureReason }),
    ...(payment.receipt !== undefined && { receipt: payment.receipt }),
  };
}

/** Settles with `promise`, or rejects with CANCELLED as soon as `signal` aborts. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new HostError('CANCELLED', 'The mini-app was closed'));
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(new HostError('CANCELLED', 'The mini-app was closed'));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => (signal.removeEventListener('abort', onAbort), resolve(value)),
      (error: unknown) => (signal.removeEventListener('abort', onAbort), reject(error)),
    );
  });
}

/** A stable bridge code for every refusal; the backend's own texts and details stay in the host. */
function toHostError(error: unknown, signal: AbortSignal): HostError {
  if (error instanceof HostError) return error;
  if (signal.aborted) return new HostError('CANCELLED', 'The mini-app was closed');
  if (!(error instanceof BackendError)) return new HostError('INTERNAL', 'The host could not complete the payment');
  switch (error.code) {
    case 'UNAUTHORIZED':
      return new HostError('UNAUTHORIZED', 'The user is not signed in or the session has ended');
    case 'PAYMENTS_DISABLED':
      return new HostError('PERMISSION_DENIED', 'This app takes no payments: it names no payee');
    case 'IDEMPOTENCY_CONFLICT': {
      const field = (error.details as { field?: unknown } | undefined)?.field;
      return new HostError('INVALID_ARGUMENT', 'The idempotency key belongs to a payment with another order, amount or currency; use a new key', {
        reason: 'idempotency_conflict',
        ...(typeof field === 'string' && ['orderId', 'amount', 'currency'].includes(field) && { field }),
      });
    }
    case 'INVALID_REQUEST': {
      const path = (error.details as { issues?: Array<{ path?: unknown }> } | undefined)?.issues?.[0]?.path;
      const field = typeof path === 'string' && ['orderId', 'amount', 'currency', 'description', 'idempotencyKey'].includes(path) ? path : undefined;
      return new HostError('INVALID_ARGUMENT', field ? `The payment's ${field} is not accepted` : 'The payment request is not accepted', field ? { field } : undefined);
    }
    case 'PAYMENT_NOT_FOUND':
      return new HostError('INVALID_ARGUMENT', 'No payment with this id belongs to this app and user', { reason: 'not_found' });
    case 'RATE_LIMITED':
      return new HostError('RATE_LIMITED', 'Too many requests; try again later');
    default:
      return new HostError('INTERNAL', 'The host could not complete the payment');
  }
}

