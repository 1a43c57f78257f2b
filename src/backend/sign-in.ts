import type { BackendContext } from './context.ts';
import { iso } from './context.ts';
import type { CodeSentResponse, SessionResponse } from './contract.ts';
import { BackendError } from './errors.ts';
import { randomDigits, randomToken, sha256 } from './ports.ts';
import { Collection, profileOf, type CodeRecord, type SessionRecord, type UserRecord } from './records.ts';

/** Sends a one-time code to a known phone, within the rate limits. */
export async function requestCode(ctx: BackendContext, phone: string): Promise<CodeSentResponse> {
  const { limits } = ctx;
  const now = ctx.clock.now();
  const code = randomDigits(ctx.random, limits.codeLength);
  const codeHash = await sha256(`${phone}:${code}`);
  const expiresAt = now + limits.codeTtlMs;

  await ctx.store.transaction(async (tx) => {
    if (!(await tx.findUnique(Collection.USERS, 'phone', phone))) {
      throw new BackendError('UNKNOWN_PHONE', 'No account has this phone number');
    }
    const previous = await tx.get<CodeRecord>(Collection.CODES, phone);
    const recent = (previous?.requestedAt ?? []).filter((at) => now - at < limits.codeWindowMs);
    const last = recent.at(-1);
    // The resend wait keeps a usable code from being replaced in a hurry. A code that can no longer
    // be used (burnt, already used to sign in, expired) protects nothing, so the next one may come
    // at once: someone who signs out and in again is not kept waiting (the window's cap still holds).
    const usable = previous !== undefined && !previous.burnt && previous.codeHash !== null && previous.expiresAt > now;
    if (last !== undefined && now - last < limits.resendIntervalMs && usable) {
      throw rateLimited(last + limits.resendIntervalMs - now, 'A code was sent a moment ago; wait before asking again');
    }
    if (recent.length >= limits.maxCodesPerWindow) {
      throw rateLimited(recent[0]! + limits.codeWindowMs - now, 'Too many codes requested for this phone; try again later');
    }
    const next: CodeRecord = {
      phone,
      codeHash,
      expiresAt,
      attemptsLeft: limits.maxCodeAttempts,
      burnt: false,
      requestedAt: [...recent, now],
    };
    await tx.put(Collection.CODES, phone, next);
  });

  await ctx.codeSender({ phone, code, expiresAt });
  return { phone, expiresAt: iso(expiresAt), resendAt: iso(now + limits.resendIntervalMs), codeLength: limits.codeLength };
}

type CheckOutcome =
  | { ok: true; session: SessionRecord; user: UserRecord }
  | { ok: false; error: BackendError };

/** Checks a code; a right one ends in a new session, a wrong one costs an attempt. */
export async function signIn(ctx: BackendContext, phone: string, code: string): Promise<SessionResponse> {
  const now = ctx.clock.now();
  const codeHash = await sha256(`${phone}:${code}`);
  const sessionToken = randomToken(ctx.random);
  const sessionKey = await sha256(sessionToken);

  // Failures that spend an attempt must still commit, so the transaction returns them instead of throwing.
  const outcome = await ctx.store.transaction(async (tx): Promise<CheckOutcome> => {
    const record = await tx.get<CodeRecord>(Collection.CODES, phone);
    if (!record || (!record.codeHash && !record.burnt)) {
      return { ok: false, error: new BackendError('NO_CODE', 'No code was requested for this phone, or it was already used; request a code') };
    }
    if (record.burnt || record.attemptsLeft <= 0) {
      return { ok: false, error: new BackendError('TOO_MANY_ATTEMPTS', 'Too many wrong codes; request a new code', { attemptsLeft: 0 }) };
    }
    if (now >= record.expiresAt) {
      await tx.put(Collection.CODES, phone, { ...record, codeHash: null });
      return { ok: false, error: new BackendError('CODE_EXPIRED', 'The code has expired; request a new one') };
    }
    if (record.codeHash !== codeHash) {
      const attemptsLeft = record.attemptsLeft - 1;
      const burnt = attemptsLeft <= 0;
      await tx.put(Collection.CODES, phone, { ...record, attemptsLeft, burnt, codeHash: burnt ? null : record.codeHash });
      return {
        ok: false,
        error: burnt
          ? new BackendError('TOO_MANY_ATTEMPTS', 'Wrong code, and no attempts are left; request a new code', { attemptsLeft: 0 })
          : new BackendError('WRONG_CODE', `Wrong code; ${attemptsLeft} ${attemptsLeft === 1 ? 'attempt' : 'attempts'} left`, { attemptsLeft }),
      };
    }
    const user = await tx.findUnique<UserRecord>(Collection.USERS, 'phone', phone);
    if (!user) return { ok: false, error: new BackendError('UNKNOWN_PHONE', 'No account has this phone number') };
    await tx.put(Collection.CODES, phone, { ...record, codeHash: null });
    const session: SessionRecord = { userId: user.value.id, createdAt: now, expiresAt: now + ctx.limits.sessionTtlMs };
    await tx.put(Collection.SESSIONS, sessionKey, session);
    return { ok: true, session, user: user.value };
  });

  if (!outcome.ok) throw outcome.error;
  return { sessionToken, expiresAt: iso(outcome.session.expiresAt), user: profileOf(outcome.user)! };
}

export interface ResolvedSession {
  key: string;
  session: SessionRecord;
  user: UserRecord;
}

/** The session behind an `Authorization: Bearer …` header, or UNAUTHORIZED. */
export async function resolveSession(ctx: BackendContext, authorization: string | undefined): Promise<ResolvedSession> {
  const token = bearerToken(authorization);
  if (!token) throw new BackendError('UNAUTHORIZED', 'Sign in first: send Authorization: Bearer <session token>');
  const key = await sha256(token);
  const session = await ctx.store.get<SessionRecord>(Collection.SESSIONS, key);
  if (!session || session.expiresAt <= ctx.clock.now()) {
    throw new BackendError('UNAUTHORIZED', 'The session has ended; sign in again');
  }
  const user = await ctx.store.get<UserRecord>(Collection.USERS, session.userId);
  if (!user) throw new BackendError('UNAUTHORIZED', 'The session has ended; sign in again');
  return { key, session, user };
}

export async function signOut(ctx: BackendContext, authorization: string | undefined): Promise<void> {
  const { key } = await resolveSession(ctx, authorization);
  await ctx.store.delete(Collection.SESSIONS, key);
}

export function bearerToken(authorization: string | undefined): string | undefined {
  const match = /^Bearer\s+([A-Za-z0-9._~+/-]+=*)\s*$/i.exec(authorization ?? '');
  return match?.[1];
}

export function rateLimited(retryAfterMs: number, message: string): BackendError {
  return new BackendError('RATE_LIMITED', message, { retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) });
}
