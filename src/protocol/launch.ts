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

/** The frame as the app sees it, in CSS px. */
export interface Viewport {
  /** The frame's width. */
  width: number;
  /**
   * The part of the frame's height the user sees now, from its top: less than `stableHeight` while
   * an on-screen keyboard (anything that shrinks the host's visual viewport) covers its bottom.
   */
  height: number;
  /**
   * The frame's whole height, keyboard or not: lay the page out to it so it does not jump when the
   * keyboard opens. Hosts before this field send only `height`.
   */
  stableHeight?: number;
}

/** Where the app's frame is and what covers its edges, at launch and in `viewport` events. */
export interface FrameLayout {
  viewport: Viewport;
  /** The device's insets that fall on the frame (notch, rounded corners, home indicator), in CSS px from each edge. */
  safeArea: Insets;
  /**
   * What the app's content must keep clear of, per edge the larger of the device's insets and the
   * host's own chrome over the frame (a tab bar over its bottom): never less than `safeArea`.
   * Hosts before this field send only `safeArea`.
   */
  contentSafeArea?: Insets;
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
  contentSafeArea?: Insets;
  /** The push the user tapped to open the app, if that is how it was opened. */
  push?: PushOpen;
}

/** The fragment key; the fragment reads `#miniapp=<encoded JSON>`. */
export const LAUNCH_FRAGMENT_KEY = 'miniapp';

export function encodeLaunchFragment(params: LaunchParams): string {
  return `${LAUNCH_FRAGMENT_KEY}=${encodeURIComponent(JSON.stringify(params))}`;
}
