/**
 * Base of every error the chat domain raises or reports. `code` is stable: callers switch on it,
 * never on the message.
 */
export abstract class ChatError extends Error {
  abstract readonly code: string;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** A problem with one input field; `field` is a path such as `bot.tags[2].text`. */
export abstract class ChatFieldError extends ChatError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}

export class MissingValueError extends ChatFieldError {
  static readonly code = 'ERR_FIELD_REQUIRED';
  readonly code = MissingValueError.code;
  constructor(field: string) {
    super(field, 'is required');
  }
}

export class TextTooLongError extends ChatFieldError {
  static readonly code = 'ERR_FIELD_TOO_LONG';
  readonly code = TextTooLongError.code;
  constructor(
    field: string,
    readonly max: number,
    readonly actual: number,
  ) {
    super(field, `must have at most ${max} characters, has ${actual}`);
  }
}

export class TooManyItemsError extends ChatFieldError {
  static readonly code = 'ERR_TOO_MANY_ITEMS';
  readonly code = TooManyItemsError.code;
  constructor(
    field: string,
    readonly max: number,
    readonly actual: number,
  ) {
    super(field, `holds at most ${max}, has ${actual}`);
  }
}

/** The bot is switched on but has no tag to offer. */
export class BotWithoutTagsError extends ChatFieldError {
  static readonly code = 'ERR_BOT_WITHOUT_TAGS';
  readonly code = BotWithoutTagsError.code;
  constructor(field: string) {
    super(field, 'the bot needs at least one tag to be switched on');
  }
}

export class DuplicateTagError extends ChatFieldError {
  static readonly code = 'ERR_TAG_DUPLICATE';
  readonly code = DuplicateTagError.code;
  constructor(
    field: string,
    readonly value: string,
  ) {
    super(field, `${JSON.stringify(value)} is used by another tag`);
  }
}

/** A department, employee or object id that the directory does not know. */
export class UnknownReferenceError extends ChatFieldError {
  static readonly code = 'ERR_UNKNOWN_REFERENCE';
  readonly code = UnknownReferenceError.code;
  constructor(
    field: string,
    readonly id: string,
  ) {
    super(field, `unknown id ${JSON.stringify(id)}`);
  }
}

/** A value of the right type that breaks a rule (a negative timeout, an employee outside the department …). */
export class InvalidValueError extends ChatFieldError {
  static readonly code = 'ERR_FIELD_INVALID';
  readonly code = InvalidValueError.code;
}

export class AttachmentTooLargeError extends ChatFieldError {
  static readonly code = 'ERR_ATTACHMENT_TOO_LARGE';
  readonly code = AttachmentTooLargeError.code;
  constructor(
    field: string,
    readonly maxBytes: number,
    readonly actualBytes: number,
  ) {
    super(field, `an attachment may have at most ${maxBytes} bytes, declared ${actualBytes}`);
  }
}

/** A message with no text, no attachment and no deep link. */
export class EmptyMessageError extends ChatFieldError {
  static readonly code = 'ERR_MESSAGE_EMPTY';
  readonly code = EmptyMessageError.code;
  constructor(field: string) {
    super(field, 'a message needs text, an attachment or a deep link');
  }
}

/** Carries every field error found by a validator, not only the first. */
export class ChatValidationError extends ChatError {
  static readonly code = 'ERR_VALIDATION_FAILED';
  readonly code = ChatValidationError.code;
  constructor(readonly errors: readonly ChatFieldError[]) {
    super(`${errors.length} invalid field(s): ${errors.map((e) => e.message).join('; ')}`);
  }
}

export class MessageNotFoundError extends ChatError {
  static readonly code = 'ERR_MESSAGE_NOT_FOUND';
  readonly code = MessageNotFoundError.code;
  constructor(readonly clientMessageId: string) {
    super(`no message ${clientMessageId}`);
  }
}

/** Only the author may edit, or delete without being an administrator. */
export class NotAuthorError extends ChatError {
  static readonly code = 'ERR_NOT_AUTHOR';
  readonly code = NotAuthorError.code;
  constructor(readonly clientMessageId: string) {
    super(`only the author may change message ${clientMessageId}`);
  }
}

/** The hour after sending has passed. */
export class EditWindowClosedError extends ChatError {
  static readonly code = 'ERR_EDIT_WINDOW_CLOSED';
  readonly code = EditWindowClosedError.code;
  constructor(
    readonly clientMessageId: string,
    readonly sentAt: number,
  ) {
    super(`message ${clientMessageId} can be changed only within an hour of sending`);
  }
}

/** The other side has read the message. */
export class MessageAlreadyReadError extends ChatError {
  static readonly code = 'ERR_MESSAGE_READ';
  readonly code = MessageAlreadyReadError.code;
  constructor(readonly clientMessageId: string) {
    super(`message ${clientMessageId} has been read and can no longer be changed`);
  }
}

export class MessageDeletedError extends ChatError {
  static readonly code = 'ERR_MESSAGE_DELETED';
  readonly code = MessageDeletedError.code;
  constructor(readonly clientMessageId: string) {
    super(`message ${clientMessageId} was deleted`);
  }
}

/** Another author already used this client-generated id in the conversation. */
export class ClientMessageIdConflictError extends ChatError {
  static readonly code = 'ERR_CLIENT_MESSAGE_ID_CONFLICT';
  readonly code = ClientMessageIdConflictError.code;
  constructor(readonly clientMessageId: string) {
    super(`message id ${clientMessageId} belongs to another author`);
  }
}
