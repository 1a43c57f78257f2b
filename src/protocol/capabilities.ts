/** What a mini-app may be granted. A method that needs a capability is refused without it. */
export const Capability = {
  USER: 'user',
  PAYMENTS: 'payments',
  PUSH: 'push',
  NAVIGATION: 'navigation',
  CHAT: 'chat',
  /** Host-drawn alerts, confirmations and prompts. */
  POPUPS: 'popups',
  /** Sharing text or a link through the host. */
  SHARE: 'share',
  /** Writing text to the clipboard, on a user gesture. */
  CLIPBOARD: 'clipboard',
  /** A small key–value store the host keeps per app and user. */
  STORAGE: 'storage',
  /** Haptic feedback where the device has it. */
  HAPTICS: 'haptics',
  /** Downloads through the host, where a sandboxed frame cannot start one. */
  FILES: 'files',
} as const;

export type Capability = (typeof Capability)[keyof typeof Capability];

export const ALL_CAPABILITIES: readonly Capability[] = Object.values(Capability);

export function isCapability(value: unknown): value is Capability {
  return typeof value === 'string' && (ALL_CAPABILITIES as readonly string[]).includes(value);
}
