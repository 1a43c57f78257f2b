import {
  ChatError,
  ChatFieldError,
  ChatValidationError,
  ClientMessageIdConflictError,
  EditWindowClosedError,
  MessageAlreadyReadError,
  MessageDeletedError,
  MessageNotFoundError,
  NotAuthorError,
} from '../../chat/index.ts';
import { BackendError } from '../errors.ts';

/** Error codes of the chat routes, besides the common ones (`UNAUTHORIZED`, `FORBIDDEN`, `INVALID_REQUEST` …). */
export const ChatErrorCode = {
  /** 404: no such conversation, or not one this viewer may see (the two are not told apart). */
  CHAT_NOT_FOUND: 'CHAT_NOT_FOUND',
  /** 404: no such entry in the conversation. */
  ENTRY_NOT_FOUND: 'ENTRY_NOT_FOUND',
  /** 404: no such upload of this sender in the conversation. */
  UPLOAD_NOT_FOUND: 'UPLOAD_NOT_FOUND',
  /** 404: the app has no chat (no settings). */
  CHAT_DISABLED: 'CHAT_DISABLED',
  /** 409: the upload's bytes are not complete yet, already sent, or already attached to another message. */
  UPLOAD_STATE: 'UPLOAD_STATE',
  /** 409: someone else already has this conversation (`details.assignee`). */
  ALREADY_ASSIGNED: 'ALREADY_ASSIGNED',
  /** 409: the conversation has no dialog under way to end. */
  NO_DIALOG: 'NO_DIALOG',
  /** 400: the deep link points at a screen or app that this client cannot open. */
  DEEP_LINK_UNAVAILABLE: 'DEEP_LINK_UNAVAILABLE',
} as const;

const CHAT_ERROR_STATUS: Record<string, number> = {
  [ChatValidationError.code]: 400,
  [NotAuthorError.code]: 403,
  [EditWindowClosedError.code]: 409,
  [MessageAlreadyReadError.code]: 409,
  [MessageDeletedError.code]: 409,
  [MessageNotFoundError.code]: 404,
  [ClientMessageIdConflictError.code]: 409,
};

function fieldDetails(error: ChatFieldError): { field: string; code: string; message: string } {
  return { field: error.field, code: error.code, message: error.message };
}

/**
 * A chat domain error as the backend answers it: the domain's own code (`ERR_EDIT_WINDOW_CLOSED`
 * …), so client and server switch on the same names; field errors are listed in `details.errors`,
 * and a single attachment error is promoted to the top code (`ERR_ATTACHMENT_TOO_LARGE`).
 */
export function chatBackendError(error: ChatError): BackendError {
  if (error instanceof ChatValidationError) {
    const errors = error.errors.map(fieldDetails);
    const code = error.errors.length === 1 ? error.errors[0]!.code : error.code;
    return new BackendError(code, error.message, { errors }, 400);
  }
  if (error instanceof ChatFieldError) return new BackendError(error.code, error.message, { errors: [fieldDetails(error)] }, 400);
  return new BackendError(error.code, error.message, undefined, CHAT_ERROR_STATUS[error.code] ?? 400);
}

/** Runs `fn`, turning a chat domain error into its backend error. */
export async function withChatErrors<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof ChatError) throw chatBackendError(error);
    throw error;
  }
}

export const chatNotFound = (): BackendError => new BackendError(ChatErrorCode.CHAT_NOT_FOUND, 'No such chat', undefined, 404);
export const entryNotFound = (entryId: string): BackendError => new BackendError(ChatErrorCode.ENTRY_NOT_FOUND, `No entry "${entryId}" in this chat`, undefined, 404);
