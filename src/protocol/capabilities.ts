/** What a mini-app may be granted. A method that needs a capability is refused without it. */
export const Capability = {
  USER: 'user',
  PAYMENTS: 'payments',
  PUSH: 'push',
  NAVIGATION: 'navigation',
  CHAT: 'chat',
} as const;

export type Capability = (typeof Capability)[keyof typeof Capability];

export const ALL_CAPABILITIES: readonly Capability[] = Object.values(Capability);

export function isCapability(value: unknown): value is Capability {
  return typeof value === 'string' && (ALL_CAPABILITIES as readonly string[]).includes(value);
}
