import type { FrameLayout, Insets } from '../protocol/index.ts';

/**
 * Measuring what an app's frame looks like to the user: its size, the part of it an on-screen
 * keyboard leaves visible, and the insets over its edges (the device's notch and home indicator,
 * the host's own chrome). Pure arithmetic in `frameLayout`; the DOM is read through a
 * `LayoutSource`, so the arithmetic can be checked with any viewport.
 */

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** What the measurement reads from the page; `windowLayoutSource()` reads the real one. */
export interface LayoutSource {
  /** The visual viewport: an on-screen keyboard shrinks it; `resize` and `scroll` when it changes. */
  readonly visualViewport: (EventTarget & VisualBox) | null;
  /** The layout viewport's size, the edges `env(safe-area-inset-*)` is measured from. */
  viewportSize(): { width: number; height: number };
  /** The host page's `env(safe-area-inset-*)`: zero unless the page is edge to edge (`viewport-fit=cover`). */
  deviceInsets(): Insets;
}

/** The visual viewport's box in the layout viewport; `scale` above 1 when the user pinch-zoomed. */
export interface VisualBox extends Box {
  scale?: number;
}

export const NO_INSETS: Insets = Object.freeze({ top: 0, right: 0, bottom: 0, left: 0 });
const SIDES = ['top', 'right', 'bottom', 'left'] as const;

/**
 * The layout of a frame whose box (relative to the layout viewport) is `frame`: the device's insets
 * count only on the edges the frame shares with the screen; `hostInsets` is the host's chrome over
 * the frame, measured from the frame's edges; the visible height ends at the visual viewport's bottom
 * (a keyboard's top). A pinch-zoom also shrinks the visual viewport, but it zooms the frame with the
 * page, so the app's own layout does not change: a zoomed visual viewport is left out.
 */
export function frameLayout(frame: Box, viewportSize: { width: number; height: number }, visual: VisualBox | null, device: Insets, hostInsets: Partial<Insets> = {}): FrameLayout {
  const width = Math.max(0, Math.round(frame.width));
  const stableHeight = Math.max(0, Math.round(frame.height));
  const visibleBottom = visual && (visual.scale ?? 1) <= 1.01 ? visual.top + visual.height : Infinity;
  const height = Math.round(Math.min(stableHeight, Math.max(0, Math.min(frame.top + frame.height, visibleBottom) - frame.top)));
  // How far each edge of the frame is from the same edge of the screen.
  const gap: Insets = {
    top: frame.top,
    right: viewportSize.width - frame.left - frame.width,
    bottom: viewportSize.height - frame.top - frame.height,
    left: frame.left,
  };
  const safeArea = { ...NO_INSETS };
  const contentSafeArea = { ...NO_INSETS };
  for (const side of SIDES) {
    const extent = side === 'top' || side === 'bottom' ? stableHeight : width;
    safeArea[side] = clamp(device[side] - gap[side], extent);
    contentSafeArea[side] = Math.max(safeArea[side], clamp(hostInsets[side] ?? 0, extent));
  }
  return { viewport: { width, height, stableHeight }, safeArea, contentSafeArea };
}

function clamp(value: number, max: number): number {
  return Number.isFinite(value) ? Math.round(Math.min(max, Math.max(0, value))) : 0;
}

/** The content box of `element` relative to the layout viewport: where a frame filling it goes. */
export function contentBox(element: Element): Box {
  const rect = element.getBoundingClientRect();
  const style = getComputedStyle(element);
  const px = (value: string) => Number.parseFloat(value) || 0;
  const left = px(style.borderLeftWidth) + px(style.paddingLeft);
  const top = px(style.borderTopWidth) + px(style.paddingTop);
  return {
    left: rect.left + left,
    top: rect.top + top,
    width: Math.max(0, rect.width - left - px(style.borderRightWidth) - px(style.paddingRight)),
    height: Math.max(0, rect.height - top - px(style.borderBottomWidth) - px(style.paddingBottom)),
  };
}

/**
 * Reads `env(safe-area-inset-*)` of the page through a hidden probe padded by them: the only way
 * script can see them. The probe stays in the page (hidden, out of the flow, one per document),
 * so a launch only reads its style instead of adding and removing an element, which would cost a
 * style and layout pass of the page each time.
 */
export function measureDeviceInsets(doc: Document = document): Insets {
  let probe = probes.get(doc);
  if (!probe?.isConnected) {
    probe = doc.createElement('div');
    probe.setAttribute('aria-hidden', 'true');
    probe.style.cssText =
      'position:fixed;top:0;left:0;width:0;height:0;visibility:hidden;pointer-events:none;contain:strict;' +
      'padding:env(safe-area-inset-top,0px) env(safe-area-inset-right,0px) env(safe-area-inset-bottom,0px) env(safe-area-inset-left,0px)';
    (doc.body ?? doc.documentElement).append(probe);
    probes.set(doc, probe);
  }
  const style = getComputedStyle(probe);
  return {
    top: Number.parseFloat(style.paddingTop) || 0,
    right: Number.parseFloat(style.paddingRight) || 0,
    bottom: Number.parseFloat(style.paddingBottom) || 0,
    left: Number.parseFloat(style.paddingLeft) || 0,
  };
}

const probes = new WeakMap<Document, HTMLElement>();

/** The page this code runs in. */
export function windowLayoutSource(): LayoutSource {
  const visual = window.visualViewport;
  return {
    visualViewport: visual && {
      addEventListener: visual.addEventListener.bind(visual),
      removeEventListener: visual.removeEventListener.bind(visual),
      dispatchEvent: visual.dispatchEvent.bind(visual),
      get left() {
        return visual.offsetLeft;
      },
      get top() {
        return visual.offsetTop;
      },
      get width() {
        return visual.width;
      },
      get height() {
        return visual.height;
      },
      get scale() {
        return visual.scale;
      },
    },
    viewportSize: () => ({ width: window.innerWidth, height: window.innerHeight }),
    deviceInsets: () => measureDeviceInsets(),
  };
}

/** The layout of a frame that will fill `box`, measured now (for the launch). */
export function measureFrameLayout(box: Box, hostInsets?: Partial<Insets>, source: LayoutSource = windowLayoutSource()): FrameLayout {
  return frameLayout(box, source.viewportSize(), source.visualViewport, source.deviceInsets(), hostInsets);
}

export interface LayoutWatchOptions {
  /** The host's chrome over the frame (`MiniAppHostOptions.insets`). */
  insets?: Partial<Insets>;
  source?: LayoutSource;
  /** The layout the app already has (the launch's): only a different one is reported. */
  initial?: FrameLayout;
  /** Stops watching. */
  signal: AbortSignal;
  onChange(layout: FrameLayout): void;
}

export interface LayoutWatch {
  /** Measures again at the next animation frame (several requests in one frame make one measurement). */
  schedule(): void;
  /** The layout as last reported (or the initial one). */
  readonly current: FrameLayout | undefined;
}

/**
 * Watches the layout of `frame`: the visual viewport's `resize` and `scroll`, the window's `resize`
 * and orientation changes schedule a measurement (the caller adds its own triggers, such as a
 * ResizeObserver, through `schedule`). Measurements run once per animation frame, and `onChange`
 * hears only a layout that differs from the last one reported.
 */
export function watchFrameLayout(frame: Element, options: LayoutWatchOptions): LayoutWatch {
  const source = options.source ?? windowLayoutSource();
  const { signal } = options;
  let current = options.initial;
  let lastKey = current ? JSON.stringify(current) : '';
  let frameRequest: number | undefined;
  const measure = () => {
    frameRequest = undefined;
    if (signal.aborted || !frame.isConnected) return;
    const layout = measureFrameLayout(frame.getBoundingClientRect(), options.insets, source);
    const key = JSON.stringify(layout);
    if (key === lastKey) return;
    lastKey = key;
    current = layout;
    options.onChange(layout);
  };
  const schedule = () => {
    if (frameRequest === undefined && !signal.aborted) frameRequest = requestAnimationFrame(measure);
  };
  signal.addEventListener('abort', () => frameRequest !== undefined && cancelAnimationFrame(frameRequest), { once: true });
  source.visualViewport?.addEventListener('resize', schedule, { signal });
  source.visualViewport?.addEventListener('scroll', schedule, { signal });
  addEventListener('resize', schedule, { signal });
  screen.orientation?.addEventListener('change', schedule, { signal });
  return {
    schedule,
    get current() {
      return current;
    },
  };
}
