import type { Capability, Insets, Platform } from '../../protocol/index.ts';
import type { DevHostConfig } from '../config.ts';
import type { FailureSettings } from './failures.ts';

/** Everything the author can switch in the dev host. */
export interface DevSettings {
  userId: string;
  /** The chosen premises of the user (its first by default); none for a user without any. */
  premisesId: string | undefined;
  capabilities: Capability[];
  scheme: 'light' | 'dark';
  /** A brand colour the host themes the app with, or none for the kit's own. */
  brand: string | undefined;
  locale: string;
  platform: Platform;
  viewport: { width: number; height: number };
  /** The host's chrome over the frame's edges (a notch, a status bar, a tab bar): the app keeps content clear of it. */
  insets: Insets;
  failures: FailureSettings;
}

export const VIEWPORTS: ReadonlyArray<{ name: string; width: number; height: number }> = [
  { name: 'Phone 375 × 667', width: 375, height: 667 },
  { name: 'Small phone 360 × 640', width: 360, height: 640 },
  { name: 'Phone 390 × 844', width: 390, height: 844 },
  { name: 'Large phone 430 × 932', width: 430, height: 932 },
  { name: 'Tablet 768 × 1024', width: 768, height: 1024 },
];

export const SAFE_AREAS: ReadonlyArray<{ name: string; insets: Insets }> = [
  { name: 'None', insets: { top: 0, right: 0, bottom: 0, left: 0 } },
  { name: 'Notch and home indicator', insets: { top: 47, right: 0, bottom: 34, left: 0 } },
  { name: 'Status bar', insets: { top: 24, right: 0, bottom: 0, left: 0 } },
  { name: 'Landscape notch', insets: { top: 0, right: 47, bottom: 21, left: 47 } },
];

export const LOCALES: ReadonlyArray<{ tag: string; name: string }> = [
  { tag: 'en', name: 'English' },
  { tag: 'ru', name: 'Русский' },
  { tag: 'de', name: 'Deutsch' },
  { tag: 'ar', name: 'العربية (right to left)' },
];

/** Changes the app sees only at launch (a new user, capabilities, locale …): they relaunch it. */
export const RELAUNCH_ON: ReadonlyArray<keyof DevSettings> = ['userId', 'premisesId', 'capabilities', 'locale', 'platform', 'insets'];

export function defaultSettings(config: DevHostConfig, systemScheme: 'light' | 'dark'): DevSettings {
  const user = config.users.find((candidate) => candidate.id === config.userId) ?? config.users[0];
  return {
    userId: user?.id ?? config.userId,
    premisesId: user?.premises[0]?.id,
    capabilities: [...config.app.capabilities],
    scheme: systemScheme,
    brand: undefined,
    locale: 'en',
    platform: 'web',
    viewport: { width: VIEWPORTS[0]!.width, height: VIEWPORTS[0]!.height },
    insets: { ...SAFE_AREAS[0]!.insets },
    failures: { modes: {}, timeoutMs: 3000 },
  };
}
