import type { CodeSender, OneTimeCodeMessage } from '../../src/backend/index.ts';

/** The event the demo's "SMS" arrives as. */
export const DEMO_SMS_EVENT = 'demo-sms';

export type DemoSmsEvent = CustomEvent<OneTimeCodeMessage>;

/**
 * The demo has no SMS gateway: the backend's code sender posts the code here, and the sign-in
 * screen shows it in a notice marked as an SMS. Same page only, like the msw handlers themselves.
 */
export class DemoSmsInbox extends EventTarget {
  readonly messages: OneTimeCodeMessage[] = [];

  readonly send: CodeSender = (message) => {
    this.messages.push(message);
    this.dispatchEvent(new CustomEvent(DEMO_SMS_EVENT, { detail: message }));
  };

  /** The newest message to a phone, if any. */
  latest(phone: string): OneTimeCodeMessage | undefined {
    return this.messages.findLast((message) => message.phone === phone);
  }
}

/** The inbox the demo backend sends to unless told otherwise. */
export const demoSmsInbox = new DemoSmsInbox();
