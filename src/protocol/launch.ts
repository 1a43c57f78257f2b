import type { PushOpen } from './messages.ts';

/** What the host tells a mini-app at launch, in the URL fragment, before any message is sent. */

export type ColorScheme = 'light' | 'dark';
export type Platform = 'ios' | 'android' | 'web';

export interface Insets {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface Viewport {
  width: number;
  height: number;
}

export interface LaunchTheme {
  scheme: ColorScheme;
  /** Brand colour overrides, CSS colours keyed by token name without the `--ma-color-` prefix. */
  colors?: Record<string, string>;
}

export interface LaunchParams {
  /** A random nonce, new for every launch; the handshake must carry it back. */
  launchId: string;
  /** The host page's origin: the only target the SDK posts `hello` to. */
  hostOrigin: string;
  /** The app id the host launched (the audience of its launch token). */
  appId: string;
  /** Start route inside the mini-app, e.g. `/orders/42`. */
  route: string;
  /** Anchor to scroll to on that route, without `#`. */
  anchor: string;
  theme: LaunchTheme;
  /** BCP 47 tag, e.g. `ru` or `en`. */
  locale: string;
  platform: Platform;
  viewport: Viewport;
  safeArea: Insets;
  /** The push the user tapped to open the app, if that is how it was opened. */
  push?: PushOpen;
}

/** The fragment key; the fragment reads `#miniapp=<encoded JSON>`. */
export const LAUNCH_FRAGMENT_KEY = 'miniapp';

export function encodeLaunchFragment(params: LaunchParams): string {
  return `${LAUNCH_FRAGMENT_KEY}=${encodeURIComponent(JSON.stringify(params))}`;
}
