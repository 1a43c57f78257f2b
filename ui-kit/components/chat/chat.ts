import { LitElement, html, nothing } from 'lit';
import type { PropertyDeclarations, PropertyValues } from 'lit';
import { virtualize, virtualizerRef } from '@lit-labs/virtualizer/virtualize.js';
import type { VirtualizerHostElement } from '@lit-labs/virtualizer/virtualize.js';
import type { VisibilityChangedEvent } from '@lit-labs/virtualizer/events.js';
import type { DeepLinkSnippet } from '../../../src/chat/deep-links.ts';
import type { ChatController, ChatEntry } from '../../../src/chat/timeline.ts';
import { localeOf, msg } from '../../base/i18n.ts';
import {
  CHAT_ACTIONS, CHAT_ATTACHMENT, CHAT_COPIED, CHAT_COPY, CHAT_COPY_FAILED, CHAT_DELETE, CHAT_EDIT, CHAT_EMPTY, CHAT_ENDED, CHAT_MESSAGES,
  CHAT_NEW_MESSAGE, CHAT_OFFLINE, CHAT_TYPING,
} from '../../base/messages.ts';
import '../action-sheet/action-sheet.ts';
import type { MaActionSheet, SheetAction } from '../action-sheet/action-sheet.ts';
import '../snackbar/snackbar.ts';
import type { MaSnackbar } from '../snackbar/snackbar.ts';
import '../spinner/spinner.ts';
import './chat-composer.ts';
import type { ChatComposeDetail, MaChatComposer } from './chat-composer.ts';
import { describeChatError } from './chat-errors.ts';
import { chatLayout } from './chat-layout.ts';
import type { ChatLayout, RowAnchor } from './chat-layout.ts';
import { renderRow } from './chat-message.ts';
import type { RowContext } from './chat-message.ts';
import { ChatRows, firstUnreadId, isFromOtherSide } from './chat-rows.ts';
import type { RowItem } from './chat-rows.ts';
import { chatStyles } from './chat.styles.ts';

/** How close to the top (px) scrolling loads the older page. */
const LOAD_OLDER_THRESHOLD = 400;
/** How close to the bottom (px) counts as "at the newest message". */
const BOTTOM_SLACK = 48;
const LONG_PRESS_MS = 500;

export interface ChatOpenSnippetDetail {
  snippet: DeepLinkSnippet;
}

/**
 * A conversation: the messages (virtualized, so 10,000 cost what a screenful costs), the bot's
 * lines with their topic chips, the four looks of deep-link snippets, date separators and the
 * unread marker, delivery marks, messages on their way (progress, Cancel, Retry), the typing
 * line and the composer. It renders and drives a `ChatController` and never touches the network.
 *
 * Keyboard: Up and Down arrows move through the messages, Home and End jump; the Menu key or
 * Shift+F10 (or a right click, or a long press) opens a message's actions: copy, and edit or
 * delete when the controller allows. New messages from the other side are announced politely.
 *
 * @fires ma-chat-open-snippet - `{ snippet }`: the viewer tapped a deep-link snippet; open its target.
 * @csspart list - The scrolling list. @csspart composer - The composer.
 * @cssproperty --ma-chat-own-bubble - Background of the viewer's messages (the brand colour).
 * @cssproperty --ma-chat-on-own-bubble - Text on the viewer's messages.
 * @cssproperty --ma-chat-other-bubble - Background of the other side's messages.
 */
export class MaChat extends LitElement {
  static override styles = chatStyles;

  static override properties: PropertyDeclarations = {
    controller: { attribute: false },
    label: {},
    editingId: { state: true },
    announcement: { state: true },
    loadingOlder: { state: true },
    snackbarText: { state: true },
  };

  /** The conversation to show and drive. */
  controller: ChatController | null = null;

  /** A name for the list (the default: "Messages"). */
  label = '';

  private editingId: string | null = null;

  private announcement = '';

  private loadingOlder = false;

  private snackbarText = '';

  private get list(): HTMLElement | null {
    return this.renderRoot?.querySelector<HTMLElement>('.list') ?? null;
  }

  private get composer(): MaChatComposer | null {
    return this.renderRoot?.querySelector<MaChatComposer>('ma-chat-composer') ?? null;
  }

  private get sheet(): MaActionSheet | null {
    return this.renderRoot?.querySelector<MaActionSheet>('ma-action-sheet') ?? null;
  }

  private get snackbar(): MaSnackbar | null {
    return this.renderRoot?.querySelector<MaSnackbar>('ma-snackbar') ?? null;
  }

  private rows: ChatRows | null = null;
  /** The entry the unread marker sits on, fixed at the first load; undefined before it. */
  private unreadId: string | null | undefined;
  /** The highest seq seen, so only messages that arrive later are announced. */
  private seenSeq: number | undefined;
  private hasUnread = false;
  /** Following the newest message (at the bottom, or just sent one). */
  private stuck = true;
  private opened = false;
  /** The first layout after opening settled: from then on, reaching the top loads older pages. */
  private settled = false;
  private layout: ChatLayout | null = null;
  private readonly layoutConfig = chatLayout({ onCreate: (layout) => this.adoptLayout(layout) });
  private visible = { first: -1, last: -1 };
  private pressTimer: ReturnType<typeof setTimeout> | undefined;
  private pressStart: { x: number; y: number } | null = null;
  private subscribed: ChatController | null = null;

  private readonly onControllerChange = () => {
    this.noteArrivals();
    this.requestUpdate();
  };

  private readonly rowContext: RowContext = {
    host: this,
    locale: 'en',
    topicsActive: false,
    chooseTag: (tagId) => void this.controller?.chooseTag(tagId).catch((error: unknown) => this.toast(describeChatError(error, this))),
    retry: (id) => this.controller?.retry(id),
    cancel: (id) => this.controller?.cancel(id),
    openSnippet: (snippet) =>
      this.dispatchEvent(new CustomEvent<ChatOpenSnippetDetail>('ma-chat-open-snippet', { bubbles: true, composed: true, detail: { snippet } })),
  };

  // The virtualizer may draw a range of the previous items once after they were replaced: a row
  // missing from the current ones draws nothing.
  private readonly renderItem = (_item: RowItem | undefined, index: number) => {
    const row = this.rows?.row(index);
    return row ? renderRow(row, index, this.rowContext) : html``;
  };
  private readonly keyOf = (item: RowItem | undefined, index: number) => (item && this.rows ? this.rows.keyOf(item) : `missing:${index}`);

  /** Resolves once the list has rendered and laid out its rows. */
  get layoutComplete(): Promise<void> {
    return this.updateComplete.then(() => this.layoutSettled());
  }

  /**
   * The virtualizer's `layoutComplete` settles only after a layout it has scheduled, so with
   * nothing scheduled it would wait forever: a few frames are the bound.
   */
  private layoutSettled(): Promise<void> {
    const frames = (count: number): Promise<void> =>
      new Promise((resolve) => requestAnimationFrame(() => (count > 1 ? frames(count - 1).then(resolve) : resolve())));
    const layout = this.virtualizer?.layoutComplete.catch(() => undefined);
    return Promise.race([layout ?? Promise.resolve(), frames(4)]).then(() => undefined);
  }

  /** The rows as the list sees them (for tests and embedding pages). */
  get rowCount(): number {
    return this.rows?.length ?? 0;
  }

  private get virtualizer() {
    return (this.list as VirtualizerHostElement | undefined)?.[virtualizerRef];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.subscribe();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.subscribed?.removeEventListener('change', this.onControllerChange);
    this.subscribed = null;
    clearTimeout(this.pressTimer);
  }

  private subscribe(): void {
    if (this.subscribed === this.controller || !this.isConnected) return;
    this.subscribed?.removeEventListener('change', this.onControllerChange);
    this.subscribed = this.controller;
    this.subscribed?.addEventListener('change', this.onControllerChange);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('controller')) {
      this.subscribe();
      this.unreadId = undefined;
      this.seenSeq = undefined;
      this.rows = null;
      this.stuck = true;
      this.opened = false;
      this.settled = false;
      this.editingId = null;
    }
    const controller = this.controller;
    this.rowContext.locale = localeOf(this);
    this.rowContext.topicsActive = controller?.status === 'bot';
    if (!controller) {
      this.rows = null;
      return;
    }
    const { entries, pending, viewer } = controller;
    if (this.unreadId === undefined && entries.length > 0) {
      this.unreadId = firstUnreadId(entries, viewer);
      this.rows = null;
    }
    if (this.seenSeq === undefined && entries.length > 0) this.seenSeq = entries.at(-1)!.seq;
    const before = this.opened && !this.stuck ? this.rowAnchor() : null;
    this.rows ??= new ChatRows(viewer, this.unreadId ?? null);
    if (!this.rows.update(entries, pending)) return;
    this.hasUnread = this.rows.newestUnread >= 0;
    this.keepPosition(before);
  }

  /** The list's items (the array the virtualizer holds). */
  private get items(): readonly RowItem[] {
    return this.rows?.items ?? [];
  }

  /** Uses the layout the virtualizer created for the list (on the first render). */
  private adoptLayout(layout: ChatLayout): void {
    this.layout = layout;
    if (this.opened && this.stuck) layout.followEnd(this.items);
  }

  /** The row at the top of the list, and how far it is from the top; read before the rows change. */
  private rowAnchor(): (RowAnchor & { item: RowItem }) | null {
    const list = this.list;
    const found = list && this.layout ? this.layout.anchorAt(list.scrollTop) : null;
    const item = found ? this.items[found.index] : undefined;
    return found && item ? { ...found, item } : null;
  }

  /**
   * After the rows changed: the newest message at the bottom on open and while following it;
   * otherwise the row that was on top stays where it was, wherever rows were added above it.
   * Either is a pin of the list's layout, held through its measuring until the viewer scrolls.
   */
  private keepPosition(before: (RowAnchor & { item: RowItem }) | null): void {
    const rows = this.rows!;
    const items = rows.items as RowItem[];
    if (!this.opened) {
      if (rows.length === 0) return;
      this.opened = true;
      this.layout?.followEnd(items);
      void this.whenOpened();
    } else if (this.stuck) {
      this.layout?.followEnd(items);
    } else if (before) {
      const index = rows.indexOf(before.item);
      const layout = this.layout;
      if (!layout || index < 0 || index === before.index) return;
      layout.holdAt(items, { index, offset: before.offset });
    }
  }

  private async whenOpened(): Promise<void> {
    await this.layoutComplete;
    this.settled = true;
    this.maybeMarkRead();
    this.maybeLoadOlder();
  }

  /** The viewer took the scroll position over: no pin holds it any more. */
  private onUserScrollIntent(): void {
    this.layout?.release();
  }

  /** Announces messages from the other side that arrived since the last change. */
  private noteArrivals(): void {
    const controller = this.controller;
    if (!controller || this.seenSeq === undefined) return;
    const fresh = [];
    for (let i = controller.entries.length - 1; i >= 0; i--) {
      const entry = controller.entries[i]!;
      if (entry.seq <= this.seenSeq) break;
      fresh.unshift(entry);
    }
    if (fresh.length === 0) return;
    this.seenSeq = fresh.at(-1)!.seq;
    const incoming = fresh.filter((entry) => isFromOtherSide(entry, controller.viewer) && entry.deletedAt === null);
    if (incoming.length === 0) return;
    this.announcement = incoming
      .map((entry) => msg(CHAT_NEW_MESSAGE, this, { name: entry.author.name, text: spokenText(entry) || msg(CHAT_ATTACHMENT, this) }))
      .join('\n');
  }

  private maybeMarkRead(): void {
    const controller = this.controller;
    if (!controller || !this.hasUnread || document.visibilityState === 'hidden' || this.visible.last < 0) return;
    if (this.rows!.newestUnread <= this.visible.last) {
      this.hasUnread = false;
      controller.markRead();
    }
  }

  /** Loads the older page once the viewer is near the top (`scrollTop` as just read, if at hand). */
  private maybeLoadOlder(scrollTop?: number): void {
    const controller = this.controller;
    const list = this.list;
    if (!controller || !list || !this.settled || this.loadingOlder || !controller.hasOlder) return;
    if ((scrollTop ?? list.scrollTop) > LOAD_OLDER_THRESHOLD) return;
    this.loadingOlder = true;
    // The row on top stays in place as the page arrives above it (see keepPosition).
    this.stuck = false;
    controller
      .loadOlder()
      .catch((error: unknown) => this.toast(describeChatError(error, this)))
      .finally(() => {
        this.loadingOlder = false;
      });
  }

  private onScroll(): void {
    const list = this.list!;
    const scrollTop = list.scrollTop;
    const layout = this.layout;
    // A scroll of the list that the layout did not make is the viewer's (or the page's): it wins.
    if (layout?.pinned && !layout.correcting) layout.release();
    if (this.opened && !layout?.followingEnd) this.stuck = list.scrollHeight - list.clientHeight - scrollTop <= BOTTOM_SLACK;
    this.cancelPress();
    this.maybeLoadOlder(scrollTop);
  }

  private onVisibilityChanged(event: VisibilityChangedEvent): void {
    this.visible = { first: event.first, last: event.last };
    this.maybeMarkRead();
  }

  private rowIndexOf(target: EventTarget | null): number {
    const row = (target as Element | null)?.closest?.('.row') as HTMLElement | null;
    return row ? Number(row.dataset.index) : -1;
  }

  private onListKeydown(event: KeyboardEvent): void {
    this.onUserScrollIntent();
    const onList = event.target === this.list;
    const index = onList ? -1 : this.rowIndexOf(event.target);
    const onRow = index >= 0 && (event.target as HTMLElement).classList.contains('row');
    const last = this.rowCount - 1;
    let next: number | undefined;
    if (event.key === 'ArrowUp' && (onList || onRow)) next = onList ? this.visible.last : index - 1;
    else if (event.key === 'ArrowDown' && (onList || onRow)) next = onList ? this.visible.last : index + 1;
    else if (event.key === 'Home' && (onList || onRow)) next = 0;
    else if (event.key === 'End' && (onList || onRow)) next = last;
    else if ((event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey)) && onRow) {
      event.preventDefault();
      void this.openActions(index);
      return;
    }
    if (next === undefined) return;
    event.preventDefault();
    void this.focusRow(Math.max(0, Math.min(last, next < 0 ? last : next)));
  }

  private async focusRow(index: number): Promise<void> {
    const list = this.list!;
    let row = list.querySelector<HTMLElement>(`.row[data-index="${index}"]`);
    if (!row) {
      this.virtualizer?.element(index)?.scrollIntoView({ block: 'nearest' });
      await this.layoutSettled();
      this.layout?.release();
      row = list.querySelector<HTMLElement>(`.row[data-index="${index}"]`);
      if (!row) return;
    }
    row.focus({ preventScroll: true });
    const box = row.getBoundingClientRect();
    const view = list.getBoundingClientRect();
    if (box.top < view.top) list.scrollTop -= view.top - box.top;
    else if (box.bottom > view.bottom) list.scrollTop += Math.min(box.bottom - view.bottom, box.top - view.top);
  }

  private onContextMenu(event: MouseEvent): void {
    const index = this.rowIndexOf(event.target);
    if (index < 0 || (event.target as Element).closest('a, button')) return;
    event.preventDefault();
    void this.openActions(index);
  }

  private onPointerDown(event: PointerEvent): void {
    // A press (on a row or on the scrollbar) is the viewer taking over the scroll position.
    this.onUserScrollIntent();
    if (event.button !== 0 || (event.target as Element).closest('a, button')) return;
    const index = this.rowIndexOf(event.target);
    if (index < 0) return;
    this.cancelPress();
    this.pressStart = { x: event.clientX, y: event.clientY };
    this.pressTimer = setTimeout(() => {
      this.pressStart = null;
      void this.openActions(index);
    }, LONG_PRESS_MS);
  }

  private onPointerMove(event: PointerEvent): void {
    if (this.pressStart && Math.hypot(event.clientX - this.pressStart.x, event.clientY - this.pressStart.y) > 10) this.cancelPress();
  }

  private cancelPress(): void {
    clearTimeout(this.pressTimer);
    this.pressStart = null;
  }

  /** The actions of the message in row `index`: copy, and edit or delete when allowed. */
  actionsFor(entry: ChatEntry): SheetAction[] {
    const controller = this.controller;
    if (!controller || entry.deletedAt !== null) return [];
    const actions: SheetAction[] = [];
    if (spokenText(entry)) actions.push({ value: 'copy', label: msg(CHAT_COPY, this) });
    if (entry.kind !== 'bot' && controller.editRefusal(entry) === null) actions.push({ value: 'edit', label: msg(CHAT_EDIT, this) });
    if (controller.deleteRefusal(entry) === null) actions.push({ value: 'delete', label: msg(CHAT_DELETE, this), destructive: true });
    return actions;
  }

  private async openActions(index: number): Promise<void> {
    const entry = this.rows?.row(index)?.entry;
    const sheet = this.sheet;
    if (!entry || !sheet || sheet.open) return;
    const actions = this.actionsFor(entry);
    if (actions.length === 0) return;
    sheet.actions = actions;
    sheet.text = truncate(spokenText(entry), 80);
    const choice = await sheet.show();
    if (choice === 'copy') await this.copy(spokenText(entry));
    else if (choice === 'edit') this.startEdit(entry);
    else if (choice === 'delete') await this.controller?.delete(entry.id).catch((error: unknown) => this.toast(describeChatError(error, this)));
  }

  private async copy(text: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
      this.toast(msg(CHAT_COPIED, this));
    } catch {
      this.toast(msg(CHAT_COPY_FAILED, this));
    }
  }

  private startEdit(entry: ChatEntry): void {
    this.editingId = entry.id;
    void this.updateComplete.then(() => {
      const composer = this.composer!;
      composer.value = entry.text;
      composer.error = '';
      composer.focus();
    });
  }

  private stopEdit(): void {
    this.editingId = null;
    this.composer?.clear();
  }

  private toast(text: string): void {
    this.snackbarText = text;
    if (this.snackbar) this.snackbar.open = true;
  }

  private onCompose(event: CustomEvent<ChatComposeDetail>): void {
    const controller = this.controller;
    const composer = this.composer;
    if (!controller || !composer) return;
    const { text, file } = event.detail;
    if (this.editingId) {
      const id = this.editingId;
      controller.edit(id, text).then(
        () => {
          if (this.editingId === id) this.stopEdit();
        },
        (error: unknown) => (composer.error = describeChatError(error, this)),
      );
      return;
    }
    try {
      controller.send({ text, file });
    } catch (error) {
      composer.error = describeChatError(error, this);
      return;
    }
    composer.clear();
    this.stuck = true;
    this.layout?.followEnd(this.items);
  }

  override render() {
    const controller = this.controller;
    return html`<div class="list-box">
        ${this.loadingOlder ? html`<ma-spinner class="loading-older" size="s"></ma-spinner>` : nothing}
        <div
          class="list"
          part="list"
          role="feed"
          tabindex="0"
          aria-label=${this.label || msg(CHAT_MESSAGES, this)}
          aria-busy=${this.loadingOlder ? 'true' : 'false'}
          @scroll=${this.onScroll}
          @wheel=${this.onUserScrollIntent}
          @touchstart=${this.onUserScrollIntent}
          @visibilityChanged=${this.onVisibilityChanged}
          @keydown=${this.onListKeydown}
          @contextmenu=${this.onContextMenu}
          @pointerdown=${this.onPointerDown}
          @pointermove=${this.onPointerMove}
          @pointerup=${this.cancelPress}
          @pointercancel=${this.cancelPress}
        >${virtualize({ items: this.items as RowItem[], keyFunction: this.keyOf, renderItem: this.renderItem, layout: this.layoutConfig, scroller: true })}</div>
        ${controller && this.rowCount === 0 && !controller.hasOlder ? html`<p class="empty">${msg(CHAT_EMPTY, this)}</p>` : nothing}
      </div>
      ${controller?.status === 'closed' ? html`<div class="status-line ended" role="status">${msg(CHAT_ENDED, this)}</div>` : nothing}
      ${controller?.typing ? html`<div class="status-line typing">${msg(CHAT_TYPING, this)}</div>` : nothing}
      ${controller && !controller.online ? html`<div class="offline" role="status">${msg(CHAT_OFFLINE, this)}</div>` : nothing}
      <ma-chat-composer
        part="composer"
        ?editing=${this.editingId !== null}
        ?disabled=${!controller}
        @ma-chat-compose=${this.onCompose}
        @ma-chat-typing=${() => controller?.notifyTyping()}
        @ma-chat-edit-cancel=${this.stopEdit}
      ></ma-chat-composer>
      <div class="visually-hidden live" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>
      <ma-action-sheet heading=${msg(CHAT_ACTIONS, this)}></ma-action-sheet>
      <ma-snackbar text=${this.snackbarText} duration="3000"></ma-snackbar>`;
  }
}

customElements.define('ma-chat', MaChat);

/** The text a message says (for copying and announcing); bot lines included. */
function spokenText(entry: ChatEntry): string {
  if (entry.deletedAt !== null) return '';
  const line = entry.bot;
  if (entry.kind === 'bot' && line) {
    if (line.kind === 'greeting') return [line.title, line.text].filter(Boolean).join('\n');
    if (line.kind === 'choose-topic') return [line.text, ...line.tags.map((tag) => tag.text)].join('\n');
    if (line.kind === 'taken-over') return line.employeeName ?? line.departmentName ?? entry.text;
    return line.text;
  }
  return entry.deepLink && !entry.text ? entry.deepLink.title : entry.text;
}

function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}

declare global {
  interface HTMLElementTagNameMap {
    'ma-chat': MaChat;
  }
  interface HTMLElementEventMap {
    'ma-chat-open-snippet': CustomEvent<ChatOpenSnippetDetail>;
  }
}
