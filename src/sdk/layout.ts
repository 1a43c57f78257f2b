import type { FrameLayout, LaunchParams, LaunchTheme } from '../protocol/index.ts';
import { readLaunch } from './launch.ts';
import type { MiniApp } from './mini-app.ts';

/*
 * The host's theme and layout as CSS on <html>, the custom properties the UI kit reads:
 *   data-ma-scheme, color-scheme                      the colour scheme
 *   --ma-color-<name>                                 the host's colour overrides (theme.colors)
 *   --ma-safe-area-top | right | bottom | left        what content keeps clear of (contentSafeArea)
 *   --ma-viewport-height                              the visible height (less while a keyboard is open)
 *   --ma-viewport-stable-height                       the frame's whole height
 * A module of its own (`miniapps/sdk/layout`), so an app that styles itself does not carry it:
 *   applyLaunchStyles();              // from the launch in the fragment, before the first paint
 *   const app = await connect();
 *   applyLaunchStyles(app);           // and on every theme and viewport event from now on
 */

const TOKEN_KEY = /^[a-z][a-z0-9-]*$/;
let colorProperties: string[] = [];

/** Sets the colour scheme and the host's colour overrides on <html>; the previous overrides go. */
export function applyThemeStyles(theme: LaunchTheme): void {
  const { style, dataset } = document.documentElement;
  dataset.maScheme = style.colorScheme = theme.scheme;
  for (const name of colorProperties) style.removeProperty(name);
  colorProperties = [];
  for (const [key, value] of Object.entries(theme.colors ?? {})) {
    if (TOKEN_KEY.test(key) && CSS.supports('color', value)) style.setProperty(colorProperties[colorProperties.push(`--ma-color-${key}`) - 1]!, value);
  }
}

/** Sets the safe-area and viewport properties on <html>. */
export function applyLayoutStyles({ viewport, safeArea, contentSafeArea = safeArea }: FrameLayout): void {
  const { style } = document.documentElement;
  const set = (name: string, px: number) => style.setProperty(`--ma-${name}`, `${px}px`);
  for (const side of ['top', 'right', 'bottom', 'left'] as const) set(`safe-area-${side}`, contentSafeArea[side]);
  set('viewport-height', viewport.height);
  set('viewport-stable-height', viewport.stableHeight ?? viewport.height);
}

/**
 * Applies the host's theme and layout to <html>: with no argument from the launch in the URL
 * fragment (call it before the first paint, before connecting), or from the given launch; with a
 * connected app, also on each `theme` and `viewport` event, until the returned function is called.
 * Outside a host's frame (no launch) it does nothing.
 */
export function applyLaunchStyles(source: MiniApp | LaunchParams | undefined = readLaunch()): () => void {
  if (!source) return () => undefined;
  const launch = 'launchId' in source ? source : source.launch;
  applyThemeStyles(launch.theme);
  applyLayoutStyles(launch);
  if ('launchId' in source) return () => undefined;
  const stops = [source.on('theme', applyThemeStyles), source.on('viewport', applyLayoutStyles)];
  return () => stops.forEach((stop) => stop());
}
