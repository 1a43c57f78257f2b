import { BackendError } from '../../backend/errors.ts';
import { createBackendClient, type BackendClient } from '../../backend/client.ts';
import {
  createNavigationHandlers,
  createPaymentHandlers,
  createPushHandlers,
  createStorageHandlers,
  HostError,
  hostDialogHandlers,
  simulatedBank,
  type MethodHandler,
  type MethodHandlers,
} from '../../host/index.ts';
import type { PayResult } from '../../protocol/index.ts';
import type { DevHostConfig } from '../config.ts';
import type { FailureSources } from './failures.ts';

export interface DevSession {
  config: DevHostConfig;
  userId: string;
  premisesId: string | undefined;
  locale: string;
  /** Shows what the host did that has no screen here (a host screen opened, a push sent). */
  notify(text: string): void;
}

/** A client that fails every request as a browser with no network does. */
const unreachable = () => Promise.reject(new TypeError('Failed to fetch'));

/**
 * The dev host's handlers for one mock user: the real host handlers over the real backend (served
 * by `miniapps dev` over HTTP), the same over an unreachable network, and the bank's decline.
 */
export function devHostHandlers(session: DevSession): FailureSources {
  const online = clientFor(session);
  return {
    online: handlersOver(online, session),
    offline: handlersOver(clientFor(session, unreachable), session),
    declinePayment: declinePayment(online),
  };
}

function clientFor(session: DevSession, fetch?: (request: Request) => Promise<Response>): BackendClient {
  return createBackendClient({ baseUrl: session.config.apiUrl, getSessionToken: () => session.config.sessions[session.userId], ...(fetch && { fetch }) });
}

function handlersOver(client: BackendClient, session: DevSession): MethodHandlers {
  const { config } = session;
  const user = config.users.find((candidate) => candidate.id === session.userId);
  const push = createPushHandlers({ client })['push.send'];
  return {
    ...hostDialogHandlers({ locale: session.locale, ...(user && { phone: () => user.phone }) }),
    'user.get': userGet(client, session),
    ...createStorageHandlers(client),
    'push.send': async (request, context) => {
      const result = await push(request, context);
      session.notify(result.delivered ? `Push to ${user?.name ?? session.userId}: “${request.title}”` : `Push “${request.title}” not delivered again (same id within 24 h)`);
      return result;
    },
    ...createPaymentHandlers({ client, acquirer: simulatedBank({ client }), locale: session.locale, live: false }),
    ...createNavigationHandlers({
      openScreen: (link) => session.notify(`The app opened the host screen “${link.screen}”${link.id ? ` (${link.id})` : ''}`),
    }),
    'chat.open': () => session.notify('The app opened its chat with the partner’s staff (the chat is not part of miniapps dev)'),
  };
}

/** `user.get` with a real test launch token for the chosen user and premises (the partner's test-token route). */
function userGet(client: BackendClient, session: DevSession): MethodHandler<'user.get'> {
  return async (_params, context) => {
    const premisesId = session.premisesId;
    try {
      const issued = await client.partner.issueTestToken(
        context.appId,
        { userId: session.userId, ...(premisesId !== undefined && { premisesId }) },
        session.config.partnerKey,
        { signal: context.signal },
      );
      return { profile: issued.profile, launchToken: issued.token };
    } catch (error) {
      if (context.signal.aborted) throw new HostError('CANCELLED', 'The mini-app was closed');
      if (error instanceof BackendError && error.code === 'RATE_LIMITED') throw new HostError('RATE_LIMITED', 'Too many requests; try again later');
      throw new HostError('INTERNAL', 'The host could not issue a launch token');
    }
  };
}

/** The bank declines: the payment is made on the backend and declined there, so its receipt is real. */
function declinePayment(client: BackendClient): MethodHandler<'payments.pay'> {
  return async (request, context) => {
    try {
      let payment = await client.createPayment(context.appId, request, { signal: context.signal });
      if (payment.status === 'created' || payment.status === 'awaiting_confirmation') {
        payment = await client.confirmPayment(payment.paymentId, 'decline', { signal: context.signal });
      }
      if (payment.status === 'cancelled') throw new HostError('CANCELLED', 'The user cancelled the payment', { paymentId: payment.paymentId });
      if ((payment.status !== 'succeeded' && payment.status !== 'failed') || !payment.receipt) {
        throw new HostError('INTERNAL', 'The payment did not end; ask payments.status later', { paymentId: payment.paymentId });
      }
      const result: PayResult = { status: payment.status, paymentId: payment.paymentId, receipt: payment.receipt };
      if (payment.status === 'failed') result.failureReason = payment.failureReason ?? 'declined';
      return result;
    } catch (error) {
      if (error instanceof HostError) throw error;
      if (context.signal.aborted) throw new HostError('CANCELLED', 'The mini-app was closed');
      if (error instanceof BackendError && error.code === 'PAYMENTS_DISABLED') throw new HostError('PERMISSION_DENIED', 'This app takes no payments: it names no payee');
      if (error instanceof BackendError && (error.code === 'INVALID_REQUEST' || error.code === 'IDEMPOTENCY_CONFLICT')) {
        throw new HostError('INVALID_ARGUMENT', 'The payment request is not accepted');
      }
      throw new HostError('INTERNAL', 'The host could not complete the payment');
    }
  };
}
