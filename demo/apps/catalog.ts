import type { MiniAppDescriptor } from '../../src/host/index.ts';

/** Where the demo's mini-apps are served: another site than the host (see scripts/demo.mjs). */
export const MINIAPPS_ORIGIN: string =
  (import.meta as { env?: Record<string, string> }).env?.VITE_MINIAPPS_ORIGIN ?? `http://127.0.0.1:${Number(location.port || 80) + 1}`;

export interface DemoApp extends MiniAppDescriptor {
  description: string;
}

/** The mini-apps the demo host offers, served from `origin`. */
export const demoAppsAt = (origin: string): DemoApp[] => [
  {
    id: 'bakery',
    name: 'Corner Bakery',
    description: 'A shop: catalogue and cart, pay through the host, a push when it ships, a receipt to download',
    url: `${origin}/demo/apps/shop/index.html`,
    capabilities: ['user', 'payments', 'push', 'navigation', 'storage', 'files', 'popups'],
  },
  {
    id: 'service-desk',
    name: 'Service desk',
    description: 'Report a problem with a photo, follow your requests, chat with the managing company',
    url: `${origin}/demo/apps/service-desk/index.html`,
    capabilities: ['user', 'storage', 'files', 'chat'],
  },
  {
    id: 'utility-calculator',
    name: 'Utility calculator',
    description: 'A bill from meter readings and tariffs; no SDK and no user data',
    url: `${origin}/demo/apps/utility-calculator/index.html`,
    capabilities: [],
    readiness: 'load',
  },
  {
    id: 'launch-inspector',
    name: 'Launch inspector',
    description: 'Shows what the host passes at launch, the signed-in user and its token; tries the host’s popups, share, clipboard, phone, haptics and links',
    url: `${origin}/demo/apps/sample/index.html`,
    capabilities: ['user', 'popups', 'share', 'clipboard', 'haptics', 'navigation'],
  },
  {
    id: 'no-user-data',
    name: 'Without user data',
    description: 'The same app without the user capability: the bridge refuses user.get',
    url: `${origin}/demo/apps/sample/index.html`,
    capabilities: [],
  },
  {
    id: 'plain-page',
    name: 'Plain page, no SDK',
    description: 'An app that needs no user data and no SDK; ready when loaded',
    url: `${origin}/demo/apps/plain/index.html`,
    capabilities: [],
    readiness: 'load',
  },
  {
    id: 'broken',
    name: 'Never ready',
    description: 'Loads but never says ready: shows the host’s error screen and Retry',
    url: `${origin}/demo/apps/plain/index.html?never`,
    capabilities: [],
  },
];

export const demoApps: DemoApp[] = demoAppsAt(MINIAPPS_ORIGIN);
