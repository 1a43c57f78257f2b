import { AttachmentTooLargeError, ChatValidationError } from '../../../src/chat/errors.ts';
import { MAX_ATTACHMENT_BYTES } from '../../../src/chat/messages.ts';
import { localeOf, msg } from '../../base/i18n.ts';
import { CHAT_FILE_TOO_LARGE } from '../../base/messages.ts';
import { formatSize } from './chat-format.ts';

/** A controller's refusal in words the viewer can act on. */
export function describeChatError(error: unknown, element: Element, fileName = ''): string {
  const errors = error instanceof ChatValidationError ? error.errors : [error];
  const tooLarge = errors.find((item) => item instanceof AttachmentTooLargeError);
  if (tooLarge) return msg(CHAT_FILE_TOO_LARGE, element, { name: fileName, max: formatSize(MAX_ATTACHMENT_BYTES, element, localeOf(element)) });
  return errors.map((item) => (item instanceof Error ? item.message : String(item))).join('\n');
}
