import type { AppRecord } from './app-record.ts';
import { NotAllowedError, ValidationFailedError } from './errors.ts';
import { validateDetails, type AppDetailsInput } from './registration.ts';
import type { Actor } from './statuses.ts';

/** What a partner may change after registration; fields left out keep their value. */
export type AppDetailsChange = Partial<AppDetailsInput>;

/**
 * The partner edits an app's name, description, category or payment details, under the rules of
 * registration (every problem reported at once). The status does not move: only a new build or a
 * changed offer sends an app back to moderation. Turning payments off drops the payee and account.
 */
export function editAppDetails<A extends AppRecord>(app: A, change: AppDetailsChange, actor: Actor, now: number): A {
  if (actor.role !== 'partner' || actor.organisationId !== app.organisationId) {
    throw new NotAllowedError(`only the partner staff of app ${app.id} edit it`);
  }
  const takesPayments = change.takesPayments ?? app.takesPayments;
  const result = validateDetails({
    name: change.name ?? app.name,
    description: change.description ?? app.description,
    category: change.category ?? app.category,
    takesPayments,
    payee: change.payee !== undefined ? change.payee : app.payee,
    bankAccount: change.bankAccount !== undefined ? change.bankAccount : app.bankAccount,
  });
  if (!result.ok) throw new ValidationFailedError(result.errors);
  return { ...app, ...result.value, updatedAt: now };
}
