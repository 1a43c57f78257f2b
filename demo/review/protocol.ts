/**
 * Messages between the moderator page (the host's origin) and the review sandbox's registration
 * page (sw-host.html, on the mini-apps' origin). The service worker (review-sw.js, plain
 * JavaScript) spells the same names.
 */

/** Cache API names: one cache per submission, and one for the review tools. */
export const REVIEW_CACHE_PREFIX = 'miniapps-review:';
export const REVIEW_TOOLS = '__review__';

export interface ReviewFile {
  /** Relative to the build's root, as in the zip. */
  path: string;
  bytes: ArrayBuffer;
}

/** From the moderator page to the registration page. */
export type ReviewPageMessage =
  | { type: 'load'; requestId: string; submissionId: string; files: ReviewFile[]; tools?: { axe: string } }
  | { type: 'audit'; requestId: string; submissionId: string }
  | { type: 'drop'; submissionId: string };

/** What a review page did, as the worker saw it or the reviewer script reported it. */
export type ReviewObservation =
  | { kind: 'console-error'; text: string }
  | { kind: 'exception'; text: string }
  | { kind: 'policy-violation'; url: string; directive: string }
  | { kind: 'cross-origin-request'; url: string; method: string; destination: string }
  | { kind: 'outside-build-request'; url: string; method: string; destination: string }
  | { kind: 'missing-file'; path: string }
  | { kind: 'audit'; requestId: string; kit: KitCount | null; violations: AxeViolation[] | null; error?: string };

export interface KitCount {
  kit: number;
  other: number;
  /** A few of the interactive elements that are not kit components, as `tag#id.class`. */
  otherSamples: string[];
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: number;
  targets: string[];
}

/** From the registration page to the moderator page. */
export type ReviewHostMessage =
  | { type: 'host-ready'; scope: string }
  | { type: 'loaded'; requestId: string; baseUrl: string }
  | { type: 'failed'; requestId: string | undefined; message: string }
  | { type: 'review-observation'; submissionId: string; observation: ReviewObservation };
