import type { Capability } from '../protocol/index.ts';

/** A mock user the dev host can launch the app as, with the premises to choose from. */
export interface DevUser {
  id: string;
  name: string;
  phone: string;
  premises: Array<{ id: string; title: string; object: { id: string; title: string } }>;
}

/**
 * What the dev host's page learns from its server at `/__devhost/config.json`: the app under
 * development, the mock users with a signed-in session each, and where the backend is.
 */
export interface DevHostConfig {
  app: {
    /** The catalog id: the `aud` of its launch tokens. */
    id: string;
    name: string;
    /** The author's running dev server (another origin than the dev host's). */
    url: string;
    /** Granted when the page opens; each can be switched off and on. */
    capabilities: Capability[];
  };
  users: DevUser[];
  /** The user the page starts with. */
  userId: string;
  /** A session token per user id: the host calls the backend as that user. */
  sessions: Record<string, string>;
  /** Authorises test launch tokens for the app on `/api/partner/apps/<id>/test-tokens`. */
  partnerKey: string;
  /** The backend's API root on the dev host's origin. */
  apiUrl: string;
  jwksUrl: string;
  /** The `iss` of its launch tokens and receipts. */
  issuer: string;
}

/** Where the page reads its config. */
export const CONFIG_PATH = '/__devhost/config.json';
