/**
 * Chat list benchmark (bench/pages/chat-list.html).
 *
 * Open: a conversation of 10,000 messages is opened in `<ma-chat>` (through a `ChatController`
 * holding them all) and, as the anchor, in a bare `@lit-labs/virtualizer` list of the same rows
 * (text and time in a bubble). Both open at the newest message; each run is timed from creating
 * the list to the first animation frame at which the newest row is rendered at the bottom. The
 * two run interleaved in rounds with alternating order; the figure is the median of per-round
 * ratios, with their spread, and the rows in the DOM are reported.
 *
 * Scroll to the top: 1,000 of 10,000 messages loaded, then the list is scrolled to the top until
 * all are loaded (pages of 1,000); each page is timed from the scroll to the frame at which the
 * message that was on top is back in its place, for `<ma-chat>` and for the bare list (which
 * prepends the page and scrolls to the same message itself). Long tasks (PerformanceObserver
 * `longtask`) are counted over each run.
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
const ROUNDS = Number(new URLSearchParams(location.search).get('rounds')) || 15;
const SCROLL_ROUNDS = Math.max(3, Math.round(ROUNDS / 5));
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

function stage(): HTMLElement {
  const element = document.createElement('div');
  element.className = 'stage';
  document.body.append(element);
  return element;
}

interface Opened { ms: number; rows: number; teardown: () => void; scroller: HTMLElement; rowSelector: string; keyOf: (row: HTMLElement) => string }

async function openChat(loaded: number): Promise<Opened & { chat: MaChat; controller: BenchController }> {
  const box = stage();
  const begin = performance.now();
  const controller = new BenchController(loaded);
  const chat = document.createElement('ma-chat');
  chat.controller = controller;
  box.append(chat);
  await chat.updateComplete;
  const scroller = chat.shadowRoot!.querySelector<HTMLElement>('.list')!;
  const last = controller.entries.at(-1)!;
  const lastKey = last.author.kind === 'client' ? `own:${last.clientMessageId}` : `entry:${last.id}`;
  const end = await firstFrameWhere('ma-chat at the newest row', () => !!scroller.querySelector(`.row[data-key="${lastKey}"]`) && atBottom(scroller));
  return {
    ms: end - begin, rows: scroller.querySelectorAll('.row').length, teardown: () => box.remove(), scroller, chat, controller,
    rowSelector: '.row', keyOf: (row) => row.dataset.key!,
  };
}

const bareRow = (entry: ChatEntry) => html`<div class="bare-row ${entry.author.kind === 'client' ? 'own' : ''}" data-key=${entry.id}>
  <div class="bare-bubble">${entry.text}<span class="bare-time">${timeFormat.format(entry.sentAt)}</span></div></div>`;

async function openBare(loaded: number): Promise<Opened & { setItems: (items: ChatEntry[]) => void; items: () => ChatEntry[] }> {
  const box = stage();
  const begin = performance.now();
  let items = history.slice(MESSAGES - loaded);
  const scroller = document.createElement('div');
  scroller.className = 'bare-list';
  box.append(scroller);
  const draw = () => render(virtualize({ items, renderItem: bareRow, keyFunction: (entry: ChatEntry) => entry.id, layout: flow(), scroller: true }), scroller);
  draw();
  (scroller as VirtualizerHostElement)[virtualizerRef]!.element(items.length - 1)!.scrollIntoView({ block: 'end' });
  const lastKey = items.at(-1)!.id;
  const end = await firstFrameWhere('bare list at the newest row', () => !!scroller.querySelector(`[data-key="${lastKey}"]`) && atBottom(scroller));
  return {
    ms: end - begin, rows: scroller.querySelectorAll('.bare-row').length, teardown: () => box.remove(), scroller,
    rowSelector: '.bare-row', keyOf: (row) => row.dataset.key!,
    setItems: (next) => { items = next; draw(); }, items: () => items,
  };
}

let longTasks: number[] = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) longTasks.push(entry.duration);
}).observe({ type: 'longtask', buffered: false });

function inPlace(opened: Opened, anchor: { key: string; offset: number }): boolean {
  const row = opened.scroller.querySelector<HTMLElement>(`${opened.rowSelector}[data-key="${anchor.key}"]`);
  return !!row && Math.abs(row.getBoundingClientRect().top - opened.scroller.getBoundingClientRect().top - anchor.offset) < 2;
}

/** Scrolls to the top until every page is loaded; per-page times and the long tasks of the run. */
async function scrollThrough(kind: 'chat' | 'bare'): Promise<{ pageMs: number[]; longTasks: number[] }> {
  const opened = kind === 'chat' ? await openChat(PAGE) : await openBare(PAGE);
  await frame();
  await frame();
  longTasks = [];
  const pageMs: number[] = [];
  for (let page = 1; page < MESSAGES / PAGE; page++) {
    // The row that will be on top at scrollTop 0: the first one loaded.
    const begin = performance.now();
    const expected = (page + 1) * PAGE;
    const loaded = () => (kind === 'chat' ? (opened as Awaited<ReturnType<typeof openChat>>).controller.entries.length : (opened as Awaited<ReturnType<typeof openBare>>).items().length) === expected;
    // As a wheel would: the user's own scroll (a programmatic one does not say whose it is). The
    // virtualizer may still be correcting its own scroll position: scroll on until the page comes.
    const toTop = async () => {
      opened.scroller.dispatchEvent(new WheelEvent('wheel', { deltaY: -opened.scroller.scrollTop, bubbles: true }));
      opened.scroller.scrollTop = 0;
      await new Promise((resolve) => opened.scroller.addEventListener('scroll', resolve, { once: true }));
    };
    await toTop();
    const firstLoaded = history[MESSAGES - page * PAGE]!;
    const anchor = { key: kind === 'bare' ? firstLoaded.id : firstLoaded.author.kind === 'client' ? `own:${firstLoaded.clientMessageId}` : `entry:${firstLoaded.id}`, offset: 0 };
    if (kind === 'bare') {
      const bare = opened as Awaited<ReturnType<typeof openBare>>;
      const current = bare.items();
      const first = MESSAGES - current.length;
      const older = history.slice(first - PAGE, first);
      bare.setItems([...older, ...current]);
      await Promise.resolve();
      await Promise.resolve();
      (bare.scroller as VirtualizerHostElement)[virtualizerRef]!.element(older.length)!.scrollIntoView({ block: 'start' });
    }
    if (kind === 'chat') {
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
  // Named imports, checked here: package.json's `sideEffects` names dist files only, so a bundler
  // would drop the widget's bare imports of its parts and the rows would time undefined elements.
  const parts = { 'ma-chat': MaChat, 'ma-chat-composer': MaChatComposer, 'ma-avatar': MaAvatar, 'ma-chip': MaChip, 'ma-progress': MaProgress,
    'ma-action-sheet': MaActionSheet, 'ma-snackbar': MaSnackbar, 'ma-spinner': MaSpinner, 'ma-icon-button': MaIconButton };
  for (const [tag, element] of Object.entries(parts)) if (customElements.get(tag) !== element) throw new Error(`${tag} is not defined`);
  installTokens();
  await frame();
  // Unmeasured: definitions, styles and JIT warm up.
  (await openChat(MESSAGES)).teardown();
  (await openBare(MESSAGES)).teardown();
  const times = { chat: [] as number[], bare: [] as number[] };
  const rows = { chat: [] as number[], bare: [] as number[] };
  const ratios: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 ? (['bare', 'chat'] as const) : (['chat', 'bare'] as const);
    const ms = { chat: 0, bare: 0 };
    for (const kind of order) {
      const opened = kind === 'chat' ? await openChat(MESSAGES) : await openBare(MESSAGES);
      ms[kind] = opened.ms;
      rows[kind].push(opened.rows);
      times[kind].push(opened.ms);
      opened.teardown();
      await frame();
    }
    ratios.push(ms.chat / ms.bare);
    log(`open round ${round}: chat ${ms.chat.toFixed(1)} ms, bare ${ms.bare.toFixed(1)} ms`);
  }
  const pageTimes = { chat: [] as number[], bare: [] as number[] };
  const pageRatios: number[] = [];
  const tasks = { chat: [] as number[], bare: [] as number[] };
  for (let round = 0; round < SCROLL_ROUNDS; round++) {
    const order = round % 2 ? (['bare', 'chat'] as const) : (['chat', 'bare'] as const);
    const medians = { chat: 0, bare: 0 };
    for (const kind of order) {
      const result = await scrollThrough(kind);
      pageTimes[kind].push(...result.pageMs);
      tasks[kind].push(...result.longTasks);
      medians[kind] = median(result.pageMs);
    }
    pageRatios.push(medians.chat / medians.bare);
    log(`scroll round ${round}: chat ${medians.chat.toFixed(1)} ms/page, bare ${medians.bare.toFixed(1)} ms/page`);
  }
  const round1 = (value: number) => Math.round(value * 10) / 10;
  const openRatio = median(ratios);
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const pages = (MESSAGES / PAGE - 1) * SCROLL_ROUNDS;
  return [
    {
      name: `chat: open 10,000 messages in ma-chat (rows in the DOM: ${median(rows.chat)}; bare ${median(rows.bare)})`,
      value: round1(median(times.chat)), unit: 'ms',
      anchor: 'bare @lit-labs/virtualizer list, same rows', anchorValue: round1(median(times.bare)),
      ratio: Math.round(openRatio * 100) / 100, spread: spreadOf(ratios),
      target: '≤ 1.5×, ≤ 100 rows in the DOM', met: openRatio <= 1.5 && Math.max(...rows.chat) <= 100,
    },
    {
      name: `chat: scroll to the top, one older page of ${PAGE} (long tasks: ${tasks.chat.length} over ${pages} pages, longest ${round1(Math.max(0, ...tasks.chat))} ms, total ${round1(sum(tasks.chat))} ms; bare ${tasks.bare.length}, longest ${round1(Math.max(0, ...tasks.bare))} ms)`,
      value: round1(median(pageTimes.chat)), unit: 'ms',
      anchor: 'bare virtualizer prepending the page and scrolling to the same row', anchorValue: round1(median(pageTimes.bare)),
      ratio: Math.round(median(pageRatios) * 100) / 100, spread: spreadOf(pageRatios),
      target: 'reported', met: null,
    },
  ];
}

publish(run(), log);
