// What the chat-live benchmark page and its client frame share (no side effects: both import it).

/** What the client's frame (chat-live.client.ts) exposes to the operator's page. */
export interface ChatLiveClient {
  /** Resolves once the client's chat session is loaded and its live channel is open. */
  ready: Promise<void>;
  /**
   * Sends `ping #<n>#` from the client's chat session in the frame's own backend; `onStored` runs
   * (in the caller's realm, so on its clock) once the client's session holds the stored entry,
   * that is once its POST has answered.
   */
  send(n: number, onStored?: () => void): void;
  /** Posts a bare message on the anchor channel. */
  post(n: number): void;
}

export const CHAT_LIVE_DATABASE = 'miniapps-bench-chat-live';
export const CHAT_LIVE_ANCHOR = 'miniapps-bench-chat-live-anchor';
export const CHAT_LIVE_APP = 'bakery';
export const pingText = (n: number) => `ping #${n}#`;
