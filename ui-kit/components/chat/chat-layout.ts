import { FlowLayout } from '@lit-labs/virtualizer/layouts/flow.js';

// The package exports the flow layout but not its shared types: taken from its signatures.
type LayoutHostSink = ConstructorParameters<typeof FlowLayout>[0];
type BaseLayoutConfig = NonNullable<ConstructorParameters<typeof FlowLayout>[1]>;
type PinOptions = NonNullable<FlowLayout['pin']>;

/*
 * The message list's layout: the virtualizer's flow layout with its pin used as the chat's only
 * way of holding a scroll position. A pin is re-applied by the layout on every reflow (new rows
 * measured, images loaded) until the viewer scrolls, so nothing polls the DOM:
 * - the newest message at the bottom (`followEnd`), on open and while the viewer is at the end;
 * - a message at its offset from the top (`holdAt`) while an older page is prepended above it.
 * The virtualizer drops a pin on any scroll it sees that is not its own correction, the page's
 * included; here the list's owner does (`release`) on scrolls of the list itself, so a chat below
 * the fold still shows its newest message when the page scrolls to it. `correcting` tells the
 * layout's own scrolls (the two frames after it corrected the position) from anyone else's.
 */

/** Where a row sits: its index and its start's distance (px) below the viewport's top. */
export interface RowAnchor {
  index: number;
  offset: number;
}

export interface ChatLayoutConfig extends BaseLayoutConfig {
  /** Called with the layout the virtualizer created. */
  onCreate?: (layout: ChatLayout) => void;
}

type Pin = PinOptions & { offset?: number };

export class ChatLayout extends FlowLayout {
  /** A pin waiting for the item array it refers to. */
  private pendingPin: { items: readonly unknown[]; pin: Pin } | null = null;

  private pinOffset = 0;

  private activePin: Pin | null = null;

  /** The list's scroll position was just set by this layout (true for two frames after). */
  correcting = false;

  private correction = 0;

  constructor(sink: LayoutHostSink, config?: ChatLayoutConfig) {
    const { onCreate, ...flowConfig } = config ?? {};
    super(sink, flowConfig);
    onCreate?.(this);
  }

  get pinned(): boolean {
    return this._pin !== null;
  }

  /** True while a pin holds the end of the list in view. */
  get followingEnd(): boolean {
    return this._pin?.block === 'end';
  }

  /** Keeps the end of the last item at the bottom, whatever the last item becomes. */
  followEnd(items: readonly unknown[]): void {
    this.pinWith(items, { index: Number.POSITIVE_INFINITY, block: 'end' });
  }

  /** Keeps item `anchor.index` of `items` at `anchor.offset` from the top. */
  holdAt(items: readonly unknown[], anchor: RowAnchor): void {
    this.pinWith(items, { index: anchor.index, block: 'start', offset: anchor.offset });
  }

  /** Lets the scroll position go. */
  release(): void {
    this.pendingPin = null;
    this.activePin = null;
    this.pinOffset = 0;
    super.unpin();
  }

  /** Called by the virtualizer on every scroll it sees: see `release`. */
  override unpin(): void {}

  /**
   * The first item at or above the viewport's top when the list is scrolled to `scrollTop`, from
   * the layout's own positions (measured where drawn, estimated elsewhere): no DOM read.
   */
  anchorAt(scrollTop: number): RowAnchor | null {
    const count = this.items.length;
    if (count === 0) return null;
    let low = 0;
    let high = count - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this._getPosition(middle) <= scrollTop + 0.5) low = middle;
      else high = middle - 1;
    }
    return { index: low, offset: this._getPosition(low) - scrollTop };
  }

  /**
   * A pin for an item array the virtualizer has not handed over yet takes effect with it, in the
   * same reflow: applied earlier, it would point into the old items and scroll there first.
   */
  private pinWith(items: readonly unknown[], pin: Pin): void {
    if (items === this.items) this.applyPin(pin);
    else this.pendingPin = { items, pin };
  }

  private applyPin(pin: Pin): void {
    this.activePin = pin;
    this.pinOffset = pin.offset ?? 0;
    this.pin = { index: pin.index, block: pin.block };
  }

  protected override _setItems(items: unknown[]): void {
    super._setItems(items);
    const pending = this.pendingPin;
    if (pending?.items === items) {
      this.pendingPin = null;
      this.applyPin(pending.pin);
    }
  }

  protected override _sendStateChangedMessage(): void {
    // The virtualizer scrolls the list by this error right after taking the message.
    if (this._scrollError) {
      this.correcting = true;
      const correction = ++this.correction;
      requestAnimationFrame(() => requestAnimationFrame(() => {
        if (correction === this.correction) this.correcting = false;
      }));
    }
    super._sendStateChangedMessage();
  }

  /**
   * The end of the last item is where this layout puts it in the same reflow: the scroll size
   * (less a trailing margin). The flow layout would take the item's position from the previous
   * reflow, an estimate while rows are being measured, and stop a few pixels short of the end.
   */
  protected override _calculateScrollIntoViewPosition(options: PinOptions): number {
    const last = this.items.length - 1;
    if (options.block !== 'end' || options.index < last || last < 0) return super._calculateScrollIntoViewPosition(options);
    const metrics = this._metricsCache;
    const end = this._scrollSize - (metrics.getMarginSize(last + 1) ?? metrics.averageMarginSize);
    return this._clampScrollPosition(end - this._viewDim1 + this.offsetWithinScroller[this._positionDim]);
  }

  protected override _setPositionFromPin(): void {
    const before = this._scrollPosition;
    super._setPositionFromPin();
    if (this._pin === null || this.pinOffset === 0) return;
    this._scrollPosition = this._clampScrollPosition(this._scrollPosition - this.pinOffset);
    this._scrollError = before - this._scrollPosition;
  }

  /**
   * Clamps to the layout's own scroll size: the virtualizer sizes the list to it before it
   * scrolls, while the DOM's scroll height it would clamp to is the one of the previous reflow
   * (with a 10,000-row list, a whole page short of the pinned row).
   */
  override _clampScrollPosition(value: number): number {
    return Math.max(0, Math.min(value, this._scrollSize - this._viewDim1));
  }
}

/** The layout specifier for `virtualize({ layout })`. */
export const chatLayout = (config: ChatLayoutConfig = {}): ChatLayoutConfig & { type: typeof ChatLayout } => ({ type: ChatLayout, ...config });
