import { encodeLaunchFragment, type LaunchParams } from '../protocol/index.ts';

/** Sandbox tokens every mini-app gets: scripts, forms, popups (payment pages, links), downloads. */
export const BASE_SANDBOX = ['allow-scripts', 'allow-forms', 'allow-popups', 'allow-downloads'] as const;

/** Browser features an app may ask for in its manifest; they become the iframe's `allow` list. */
export const FRAME_FEATURES = ['camera', 'microphone', 'geolocation', 'clipboard-write', 'clipboard-read', 'fullscreen', 'web-share', 'payment'] as const;
export type FrameFeature = (typeof FRAME_FEATURES)[number];

export class LaunchConfigError extends Error {
  override name = 'LaunchConfigError';
  constructor(
    readonly code: 'INVALID_URL' | 'SAME_ORIGIN' | 'INVALID_FEATURE',
    message: string,
  ) {
    super(message);
  }
}

/**
 * The origin a mini-app will run on. Refuses anything but http(s) and the host's own origin: a
 * same-origin frame holding both `allow-scripts` and `allow-same-origin` could lift its sandbox.
 */
export function appOriginOf(url: string, hostOrigin: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url, hostOrigin);
  } catch {
    throw new LaunchConfigError('INVALID_URL', `Not a valid mini-app URL: ${url}`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new LaunchConfigError('INVALID_URL', `A mini-app must be served over http(s), not ${parsed.protocol}`);
  }
  if (parsed.origin === hostOrigin) {
    throw new LaunchConfigError(
      'SAME_ORIGIN',
      `The mini-app at ${parsed.origin} is on the host's own origin; serve it from its own origin so the sandbox can isolate it`,
    );
  }
  return parsed.origin;
}

/** The `sandbox` attribute for an app on another origin (never allow-top-navigation). */
export function sandboxTokens(): string {
  return [...BASE_SANDBOX, 'allow-same-origin'].join(' ');
}

/** The `allow` attribute: only the features the app declared, each limited to the app's origin. */
export function allowList(features: readonly string[], appOrigin: string): string {
  for (const feature of features) {
    if (!(FRAME_FEATURES as readonly string[]).includes(feature)) {
      throw new LaunchConfigError('INVALID_FEATURE', `Unknown frame feature: ${feature}`);
    }
  }
  return features.map((feature) => `${feature} ${appOrigin}`).join('; ');
}

export interface FrameSpec {
  url: string;
  appOrigin: string;
  launch: LaunchParams;
  features: readonly string[];
  title: string;
}

/** Builds the sandboxed iframe with the launch parameters in its URL fragment. */
export function createAppFrame(spec: FrameSpec): HTMLIFrameElement {
  const iframe = document.createElement('iframe');
  const src = new URL(spec.url, spec.launch.hostOrigin);
  src.hash = encodeLaunchFragment(spec.launch);
  iframe.setAttribute('sandbox', sandboxTokens());
  const allow = allowList(spec.features, spec.appOrigin);
  if (allow) iframe.setAttribute('allow', allow);
  iframe.setAttribute('referrerpolicy', 'strict-origin');
  iframe.title = spec.title;
  iframe.style.cssText = 'border:0;display:block;width:100%;height:100%;background:transparent';
  iframe.src = src.href;
  return iframe;
}

/** A fresh unguessable launch id. */
export function newLaunchId(): string {
  return crypto.randomUUID();
}
