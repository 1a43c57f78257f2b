import type { BackendClient } from '../backend/client.ts';
import type { OfferResponse } from '../backend/contract.ts';
import { BackendError } from '../backend/errors.ts';

/** The screens the gates may show; the host app supplies them. */
export interface LaunchGateUi {
  /**
   * Lets the user sign in, then returns to the launch. Resolves when signed in (the session token
   * is then where the backend client reads it); resolves `false` or rejects when the user gives up.
   */
  signIn(request: { appId: string; route: string }): Promise<boolean | void>;
  /** Shows the offer: `true` when the user accepts it, `false` when they decline. */
  showOffer(offer: OfferResponse): Promise<boolean>;
}

export type LaunchGateBackend = Pick<BackendClient, 'me' | 'getOffer' | 'getOfferAcceptance' | 'acceptOffer'>;

export interface LaunchGateOptions {
  appId: string;
  /** The route the app opens at, handed to the sign-in screen so it can come back to it. */
  route?: string;
  client: LaunchGateBackend;
  ui: LaunchGateUi;
  signal?: AbortSignal;
}

export type LaunchGateStep = 'sign-in' | 'offer';

export type LaunchGateResult =
  | { status: 'ok' }
  /** The user declined the offer: go back to the previous screen, launch nothing. */
  | { status: 'declined' }
  /** The user gave up signing in, or the session ended on the way. */
  | { status: 'signed-out' }
  | { status: 'error'; step: LaunchGateStep; error: unknown };

/** How often an offer that changed while it was on screen is shown again before giving up. */
const MAX_OFFER_ROUNDS = 3;

/**
 * The gates before a mini-app opens, in order: sign-in, then the app's offer (shown when the user
 * has not accepted its current version; acceptance is recorded with that version).
 */
export async function runLaunchGates(options: LaunchGateOptions): Promise<LaunchGateResult> {
  const { appId, route = '/', client, ui, signal } = options;
  const call = { ...(signal ? { signal } : {}) };

  try {
    if (!(await isSignedIn(client, call))) {
      let signedIn: boolean | void;
      try {
        signedIn = await ui.signIn({ appId, route });
      } catch {
        return { status: 'signed-out' };
      }
      if (signedIn === false || !(await isSignedIn(client, call))) return { status: 'signed-out' };
    }
  } catch (error) {
    return { status: 'error', step: 'sign-in', error };
  }

  try {
    for (let round = 0; round < MAX_OFFER_ROUNDS; round++) {
      const [offer, acceptance] = await Promise.all([client.getOffer(appId, call), client.getOfferAcceptance(appId, call)]);
      if (acceptance.accepted && acceptance.currentVersion === offer.version) return { status: 'ok' };
      if (!(await ui.showOffer(offer))) return { status: 'declined' };
      try {
        await client.acceptOffer(appId, offer.version, call);
        return { status: 'ok' };
      } catch (error) {
        // The partner replaced the offer while it was on screen: show the new one.
        if (!(error instanceof BackendError && error.code === 'OFFER_CHANGED')) throw error;
      }
    }
    return { status: 'error', step: 'offer', error: new Error('The offer keeps changing; try again later') };
  } catch (error) {
    if (error instanceof BackendError && error.code === 'UNAUTHORIZED') return { status: 'signed-out' };
    return { status: 'error', step: 'offer', error };
  }
}

async function isSignedIn(client: LaunchGateBackend, call: { signal?: AbortSignal }): Promise<boolean> {
  try {
    await client.me(call);
    return true;
  } catch (error) {
    if (error instanceof BackendError && error.code === 'UNAUTHORIZED') return false;
    throw error;
  }
}
