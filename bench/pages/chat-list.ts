/**
 * Chat list benchmark (bench/pages/chat-list.html).
 *
 * Open: a conversation of 10,000 messages is opened in `<ma-chat>` (through a `ChatController`
 * holding them all) and, as the anchor, in a bare `@lit-labs/virtualizer` list of the same rows:
 * the same content in plain markup (date separators, the other side's avatar initials and name,
 * the text, the time, the viewer's ticks), styled to the same sizes, in a list of the same size
 * as the widget's (its height less the composer's). A bare list of text-only bubbles is timed too,
 * for reference. All open at the newest message; each run is timed from creating the list to the
 * first animation frame at which the newest row is rendered at the bottom, and must still be
 * there three frames later. They run interleaved in rounds with rotating order; the figure is the
 * median of per-round ratios, with their spread, and the rows in the DOM are reported.
 *
 * Scroll to the top: 1,000 of 10,000 messages loaded, then the list is scrolled to the top until
 * all are loaded (pages of 1,000); each page is timed from the scroll to the frame at which the
 * message that was on top is back in its place, for `<ma-chat>` and for the bare list of the same
 * rows (which prepends the page and scrolls to the same message itself). Long tasks
 * (PerformanceObserver `longtask`) are counted over each run.
 */
import { html, render } from 'lit';
import { virtualize, virtualizerRef } from '@lit-labs/virtualizer/virtualize.js';
import type { VirtualizerHostElement } from '@lit-labs/virtualizer/virtualize.js';
import { flow } from '@lit-labs/virtualizer/layouts/flow.js';
import type { ChatController, ChatEntry, ConversationStatus, PendingEntry } from '../../src/chat/timeline.ts';
import { MaActionSheet } from '../../ui-kit/components/action-sheet/action-sheet.ts';
import { MaAvatar } from '../../ui-kit/components/avatar/avatar.ts';
import { MaChatComposer } from '../../ui-kit/components/chat/chat-composer.ts';
import { MaChat } from '../../ui-kit/components/chat/chat.ts';
import { MaChip } from '../../ui-kit/components/chip/chip.ts';
import { MaIconButton } from '../../ui-kit/components/icon-button/icon-button.ts';
import { MaProgress } from '../../ui-kit/components/progress/progress.ts';
import { MaSnackbar } from '../../ui-kit/components/snackbar/snackbar.ts';
import { MaSpinner } from '../../ui-kit/components/spinner/spinner.ts';
import { installTokens } from '../../ui-kit/tokens/index.ts';
import { median, publish, spreadOf } from './results.ts';
import type { BenchResult } from './results.ts';

const MESSAGES = 10_000;
const PAGE = 1_000;
const params = new URLSearchParams(location.search);
const ROUNDS = Number(params.get('rounds')) || 15;
/** `?part=open` or `?part=scroll` runs one half only (for profiling). */
const PART = params.get('part');
const OPEN_ROUNDS = PART === 'scroll' ? 0 : ROUNDS;
const SCROLL_ROUNDS = PART === 'open' ? 0 : Math.max(3, Math.round(ROUNDS / 5));
const log = (line: string) => (document.getElementById('log')!.textContent += `${line}\n`);

const start = Date.UTC(2026, 0, 5, 8, 0);
const phrases = ['Good morning! The water is off again in building 4.', 'We know, the crew is on its way.', 'How long will it take?', 'About two hours. We will write when it is back.', 'Thank you!'];
const history: ChatEntry[] = Array.from({ length: MESSAGES }, (_, i) => {
  const client = i % 2 === 0;
  return {
    id: `e${i + 1}`, conversationId: 'c', seq: i + 1, rev: i + 1, clientMessageId: `m${i + 1}`,
    author: client ? { kind: 'client', id: 'client', name: 'Maria Ivanova' } : { kind: 'staff', id: 'staff', name: 'Anna Petrova' },
    kind: 'text', text: `${phrases[i % phrases.length]} (${i + 1})`, bot: null, attachment: null, deepLink: null,
    sentAt: start + i * 7 * 60_000, editedAt: null, deletedAt: null, readAt: start + i * 7 * 60_000 + 1000,
  };
});

/** Holds a slice of `history` and serves older pages of it. */
class BenchController extends EventTarget implements ChatController {
  readonly viewer = { side: 'client' as const, id: 'client' };
  entries: readonly ChatEntry[];
  readonly pending: readonly PendingEntry[] = [];
  readonly status: ConversationStatus = 'open';
  readonly typing = false;
  readonly online = true;
  constructor(loaded: number) {
    super();
    this.entries = history.slice(MESSAGES - loaded);
  }
  get hasOlder(): boolean {
    return this.entries.length < MESSAGES;
  }
  async loadOlder(): Promise<void> {
    const first = MESSAGES - this.entries.length;
    this.entries = [...history.slice(Math.max(0, first - PAGE), first), ...this.entries];
    this.dispatchEvent(new Event('change'));
  }
  send(): void {}
  retry(): void {}
  cancel(): void {}
  editRefusal(): Error | null { return null; }
  deleteRefusal(): Error | null { return null; }
  async edit(): Promise<void> {}
  async delete(): Promise<void> {}
  async chooseTag(): Promise<void> {}
  markRead(): void {}
  notifyTyping(): void {}
}

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

/** The time of the first frame at which `done()` holds. */
async function firstFrameWhere(what: string, done: () => boolean, limitMs = 10_000): Promise<number> {
  const begin = performance.now();
  for (;;) {
    await frame();
    if (done()) return performance.now();
    if (performance.now() - begin > limitMs) throw new Error(`not reached: ${what}`);
  }
}

const atBottom = (scroller: HTMLElement) => scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 2;
const timeFormat = new Intl.DateTimeFormat('en', { hour: '2-digit', minute: '2-digit' });
const dayFormat = new Intl.DateTimeFormat('en', { day: 'numeric', month: 'long' });
const dayOf = (time: number) => new Date(time).setHours(0, 0, 0, 0);
const chatKey = (entry: ChatEntry) => (entry.author.kind === 'client' ? `own:${entry.clientMessageId}` : `entry:${entry.id}`);

function stage(): HTMLElement {
  const element = document.createElement('div');
  element.className = 'stage';
  document.body.append(element);
  return element;
}

type Kind = 'chat' | 'same' | 'text';

interface Opened {
  ms: number;
  rows: number;
  /** The newest row was still at the bottom three frames after the end of the timing. */
  held: () => Promise<boolean>;
  teardown: () => void;
  scroller: HTMLElement;
  rowSelector: string;
  keyOf: (entry: ChatEntry) => string;
}

/** The end of an open: the newest row rendered and the list at the bottom, timed, and then checked to stay. */
async function openedAt(what: string, begin: number, scroller: HTMLElement, rowSelector: string, lastKey: string): Promise<Pick<Opened, 'ms' | 'rows' | 'held'>> {
  const there = () => !!scroller.querySelector(`${rowSelector}[data-key="${lastKey}"]`) && atBottom(scroller);
  const end = await firstFrameWhere(what, there);
  const rows = scroller.querySelectorAll(rowSelector).length;
  return { ms: end - begin, rows, held: async () => (await frame(), await frame(), await frame(), there()) };
}

async function openChat(loaded: number): Promise<Opened & { chat: MaChat; controller: BenchController }> {
  const box = stage();
  const begin = performance.now();
  const controller = new BenchController(loaded);
  const chat = document.createElement('ma-chat');
  chat.controller = controller;
  box.append(chat);
  await chat.updateComplete;
  const scroller = chat.shadowRoot!.querySelector<HTMLElement>('.list')!;
  const timed = await openedAt('ma-chat at the newest row', begin, scroller, '.row', chatKey(controller.entries.at(-1)!));
  return { ...timed, teardown: () => box.remove(), scroller, chat, controller, rowSelector: '.row', keyOf: chatKey };
}

/** The height of the widget's list (the stage less the composer), which the bare lists take. */
let listHeight = 0;

const DOUBLE_TICK = 'M2 12.5l4.5 4.5L16 7M9.5 16l1 1L20 7';

/** What ma-chat shows for a message, in plain markup: the day, the avatar and name, the text, the time and the ticks. */
function sameRow(entry: ChatEntry, before: ChatEntry | undefined) {
  const own = entry.author.kind === 'client';
  const day = !before || dayOf(before.sentAt) !== dayOf(entry.sentAt);
  const groupStart = day || before!.author.id !== entry.author.id;
  const named = !own && groupStart;
  return html`<div class="same-row ${own ? 'own' : 'other'} ${named ? 'named' : ''}" data-key=${entry.id}>
    ${day ? html`<div class="same-day"><span>${dayFormat.format(entry.sentAt)}</span></div>` : ''}
    <div class="same-message">
      ${own ? '' : named ? html`<span class="same-avatar">${entry.author.name.split(' ').map((word) => word[0]).join('')}</span>` : html`<span class="same-gap"></span>`}
      <div class="same-bubble">
        ${named ? html`<span class="same-author">${entry.author.name}</span>` : ''}
        <span>${entry.text}</span>
        <span class="same-meta"><time>${timeFormat.format(entry.sentAt)}</time>${own
          ? html`<svg class="same-tick" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" aria-hidden="true"><path d=${DOUBLE_TICK}></path></svg>`
          : ''}</span>
      </div>
    </div>
  </div>`;
}

const textRow = (entry: ChatEntry) => html`<div class="text-row ${entry.author.kind === 'client' ? 'own' : ''}" data-key=${entry.id}>
  <div class="text-bubble">${entry.text}<span class="text-time">${timeFormat.format(entry.sentAt)}</span></div></div>`;

async function openBare(loaded: number, look: 'same' | 'text'): Promise<Opened & { setItems: (items: ChatEntry[]) => void; items: () => ChatEntry[] }> {
  const box = stage();
  const begin = performance.now();
  let items = history.slice(MESSAGES - loaded);
  const scroller = document.createElement('div');
  scroller.className = 'bare-list';
  if (listHeight) scroller.style.height = `${listHeight}px`;
  box.append(scroller);
  const renderItem = look === 'same' ? (entry: ChatEntry, index: number) => sameRow(entry, items[index - 1]) : textRow;
  const draw = () => render(virtualize({ items, renderItem, keyFunction: (entry: ChatEntry) => entry.id, layout: flow(), scroller: true }), scroller);
  draw();
  (scroller as VirtualizerHostElement)[virtualizerRef]!.element(items.length - 1)!.scrollIntoView({ block: 'end' });
  const rowSelector = look === 'same' ? '.same-row' : '.text-row';
  const timed = await openedAt(`bare ${look} list at the newest row`, begin, scroller, rowSelector, items.at(-1)!.id);
  return {
    ...timed, teardown: () => box.remove(), scroller, rowSelector, keyOf: (entry) => entry.id,
    setItems: (next) => { items = next; draw(); }, items: () => items,
  };
}

const open = (kind: Kind, loaded: number): Promise<Opened> => (kind === 'chat' ? openChat(loaded) : openBare(loaded, kind));

let longTasks: number[] = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) longTasks.push(entry.duration);
}).observe({ type: 'longtask', buffered: false });

function inPlace(opened: Opened, anchor: { key: string; offset: number }): boolean {
  const row = opened.scroller.querySelector<HTMLElement>(`${opened.rowSelector}[data-key="${anchor.key}"]`);
  return !!row && Math.abs(row.getBoundingClientRect().top - opened.scroller.getBoundingClientRect().top - anchor.offset) < 2;
}

/** Scrolls to the top until every page is loaded; per-page times and the long tasks of the run. */
async function scrollThrough(kind: 'chat' | 'same'): Promise<{ pageMs: number[]; longTasks: number[] }> {
  const chat = kind === 'chat' ? await openChat(PAGE) : null;
  const bare = kind === 'same' ? await openBare(PAGE, 'same') : null;
  const opened: Opened = chat ?? bare!;
  await frame();
  await frame();
  longTasks = [];
  const pageMs: number[] = [];
  for (let page = 1; page < MESSAGES / PAGE; page++) {
    const begin = performance.now();
    const expected = (page + 1) * PAGE;
    const loaded = () => (chat ? chat.controller.entries.length : bare!.items().length) === expected;
    // As a wheel would: the user's own scroll (a programmatic one does not say whose it is). The
    // virtualizer may still be correcting its own scroll position: scroll on until the page comes.
    const toTop = async () => {
      opened.scroller.dispatchEvent(new WheelEvent('wheel', { deltaY: -opened.scroller.scrollTop, bubbles: true }));
      opened.scroller.scrollTop = 0;
      await new Promise((resolve) => opened.scroller.addEventListener('scroll', resolve, { once: true }));
    };
    await toTop();
    // The row on top at scrollTop 0: the first one loaded, which must stay there.
    const anchor = { key: opened.keyOf(history[MESSAGES - page * PAGE]!), offset: 0 };
    if (bare) {
      const current = bare.items();
      const first = MESSAGES - current.length;
      const older = history.slice(first - PAGE, first);
      bare.setItems([...older, ...current]);
      await Promise.resolve();
      await Promise.resolve();
      (bare.scroller as VirtualizerHostElement)[virtualizerRef]!.element(older.length)!.scrollIntoView({ block: 'start' });
    } else {
      for (let tries = 0; !loaded() && tries < 20; tries++) {
        await frame();
        if (!loaded() && opened.scroller.scrollTop > 0) await toTop();
      }
    }
    const end = await firstFrameWhere(`${kind}: page ${page} in place`, () => loaded() && inPlace(opened, anchor)).catch((error: unknown) => {
      const row = opened.scroller.querySelector<HTMLElement>(`${opened.rowSelector}[data-key="${anchor.key}"]`);
      throw new Error(`${String(error)}; loaded ${String(loaded())}, scrollTop ${opened.scroller.scrollTop}, anchor ${anchor.key} ${row ? row.getBoundingClientRect().top : 'absent'}`);
    });
    pageMs.push(end - begin);
    await frame();
  }
  const tasks = longTasks;
  opened.teardown();
  await frame();
  return { pageMs, longTasks: tasks };
}

async function run(): Promise<BenchResult[]> {
  // Every part must be defined, or the rows would time undefined elements: the bench's bundle keeps
  // the widget's bare imports of its parts as a bundler of the installed package does
  // (bench/package-side-effects.mjs); the named imports make sure of it.
  const parts = { 'ma-chat': MaChat, 'ma-chat-composer': MaChatComposer, 'ma-avatar': MaAvatar, 'ma-chip': MaChip, 'ma-progress': MaProgress,
    'ma-action-sheet': MaActionSheet, 'ma-snackbar': MaSnackbar, 'ma-spinner': MaSpinner, 'ma-icon-button': MaIconButton };
  for (const [tag, element] of Object.entries(parts)) if (customElements.get(tag) !== element) throw new Error(`${tag} is not defined`);
  installTokens();
  await frame();
  // Unmeasured: definitions, styles and JIT warm up; the widget's list height is taken for the bare lists.
  const warm = await openChat(MESSAGES);
  listHeight = warm.scroller.clientHeight;
  warm.teardown();
  (await openBare(MESSAGES, 'same')).teardown();
  (await openBare(MESSAGES, 'text')).teardown();
  const kinds: Kind[] = ['chat', 'same', 'text'];
  const times = { chat: [] as number[], same: [] as number[], text: [] as number[] };
  const rows = { chat: [] as number[], same: [] as number[], text: [] as number[] };
  const ratios: number[] = [];
  const textRatios: number[] = [];
  let moved = 0;
  for (let round = 0; round < OPEN_ROUNDS; round++) {
    const order = kinds.map((_, i) => kinds[(i + round) % kinds.length]!);
    const ms = { chat: 0, same: 0, text: 0 };
    for (const kind of order) {
      const opened = await open(kind, MESSAGES);
      ms[kind] = opened.ms;
      rows[kind].push(opened.rows);
      times[kind].push(opened.ms);
      if (!(await opened.held())) moved++;
      opened.teardown();
      await frame();
    }
    ratios.push(ms.chat / ms.same);
    textRatios.push(ms.chat / ms.text);
    log(`open round ${round}: chat ${ms.chat.toFixed(1)} ms, bare same rows ${ms.same.toFixed(1)} ms, bare text-only ${ms.text.toFixed(1)} ms`);
  }
  if (moved > 0) throw new Error(`${moved} opens left the newest row within three frames of reaching it`);
  const pageTimes = { chat: [] as number[], same: [] as number[] };
  const pageRatios: number[] = [];
  const tasks = { chat: [] as number[], same: [] as number[] };
  for (let round = 0; round < SCROLL_ROUNDS; round++) {
    const order = round % 2 ? (['same', 'chat'] as const) : (['chat', 'same'] as const);
    const medians = { chat: 0, same: 0 };
    for (const kind of order) {
      const result = await scrollThrough(kind);
      pageTimes[kind].push(...result.pageMs);
      tasks[kind].push(...result.longTasks);
      medians[kind] = median(result.pageMs);
    }
    pageRatios.push(medians.chat / medians.same);
    log(`scroll round ${round}: chat ${medians.chat.toFixed(1)} ms/page, bare ${medians.same.toFixed(1)} ms/page`);
  }
  const round1 = (value: number) => Math.round(value * 10) / 10;
  const openRatio = median(ratios);
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const pages = (MESSAGES / PAGE - 1) * SCROLL_ROUNDS;
  const textSpread = spreadOf(textRatios);
  return [
    {
      name: `chat: open 10,000 messages in ma-chat (rows in the DOM: ${median(rows.chat)}; bare ${median(rows.same)}; against text-only bubbles ${Math.round(median(textRatios) * 100) / 100}×, ${textSpread.min}–${textSpread.max}×)`,
      value: round1(median(times.chat)), unit: 'ms',
      anchor: 'bare @lit-labs/virtualizer list, same rows', anchorValue: round1(median(times.same)),
      ratio: Math.round(openRatio * 100) / 100, spread: spreadOf(ratios),
      target: '≤ 1.5×, ≤ 100 rows in the DOM', met: openRatio <= 1.5 && Math.max(...rows.chat) <= 100,
    },
    {
      name: `chat: scroll to the top, one older page of ${PAGE} (long tasks: ${tasks.chat.length} over ${pages} pages, longest ${round1(Math.max(0, ...tasks.chat))} ms, total ${round1(sum(tasks.chat))} ms; bare ${tasks.same.length}, longest ${round1(Math.max(0, ...tasks.same))} ms, total ${round1(sum(tasks.same))} ms)`,
      value: round1(median(pageTimes.chat)), unit: 'ms',
      anchor: 'bare virtualizer of the same rows prepending the page and scrolling to the same row', anchorValue: round1(median(pageTimes.same)),
      ratio: Math.round(median(pageRatios) * 100) / 100, spread: spreadOf(pageRatios),
      target: 'reported', met: null,
    },
  ];
}

publish(run(), log);
