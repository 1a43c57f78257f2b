import type { Category } from './categories.ts';
import type { AppStatus } from './statuses.ts';

/** Where a build stands in review. */
export type BuildReview = 'uploaded' | 'on-moderation' | 'approved' | 'rejected';

/** One uploaded `.zip` of the mini-app. */
export interface Build {
  id: string;
  fileName: string;
  sizeBytes: number;
  /** SHA-256 of the bytes (hex), when the uploader computed it. */
  sha256?: string;
  uploadedAt: number;
  review: BuildReview;
}

/**
 * A public offer (terms) document as the partner submits it: where it is (`url`), or its text as
 * the host's offer modal shows it, or both.
 */
export interface OfferDocument {
  documentId: string;
  title: string;
  /** Where the document is published. */
  url?: string;
  /** The terms as plain text, for the host's modal. */
  text?: string;
}

/** The offer as stored: every replacement gets the next version number, starting at 1. */
export interface OfferVersion extends OfferDocument {
  version: number;
  since: number;
}

/** The legal entity that receives payments. */
export interface Payee {
  legalName: string;
  taxId: string;
}

export interface BankAccount {
  accountNumber: string;
  /** The bank's identifier (BIC). */
  bankId: string;
}

/** A mini-app as the catalog keeps it. Records are immutable: every change returns a new one. */
export interface AppRecord {
  readonly id: string;
  readonly organisationId: string;
  readonly name: string;
  readonly description: string;
  readonly category: Category;
  readonly status: AppStatus;
  readonly createdAt: number;
  /** Time of the last change of any kind; the app list is ordered by it. */
  readonly updatedAt: number;
  /** The attached licence, or null once cleared. */
  readonly licence: string | null;
  readonly offer: OfferVersion;
  readonly takesPayments: boolean;
  readonly payee: Payee | null;
  readonly bankAccount: BankAccount | null;
  /** True once any moderation has approved the app; it never goes back to false. */
  readonly hasPassedReview: boolean;
  /** The moderator's reason for the last rejection; cleared by an approval. */
  readonly rejectionReason: string | null;
  /** Every build uploaded, oldest first. */
  readonly builds: readonly Build[];
  /** The last approved build: what users get when the app is Active or Testing. */
  readonly liveBuildId: string | null;
}
