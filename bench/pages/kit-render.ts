/**
 * UI kit render benchmark (bench/pages/kit-render.html).
 *
 * Renders 1,000 rows (a round avatar with initials, title, subtitle, chevron) three ways: as
 * `ma-cell` with an `ma-avatar` in its `before` slot, as `ma-cell` with its built-in avatar
 * (`avatar-name`), and as plain DOM. The three run interleaved in rounds with rotating order; each
 * run is timed from its start to a forced layout (`document.body.offsetHeight`) and then the next
 * animation frame. Sets `window.benchResults` (per kit variant: median kit time, median plain time,
 * median of per-round ratios against the plain run of the same round, and their lowest and highest
 * as `spread`) and `window.benchDone = true`; a failure sets `window.benchError`.
 * `?rounds=N` changes the number of rounds (default 15).
 */
import { MaAvatar } from '../../ui-kit/components/avatar/avatar.ts';
import { MaCell } from '../../ui-kit/components/cell/cell.ts';
import { iconChevronRight } from '../../ui-kit/icons/icons.ts';
import { installTokens } from '../../ui-kit/tokens/index.ts';
import { median, spreadOf } from './results.ts';

const ROWS = 1000;
const ROUNDS = Number(new URLSearchParams(location.search).get('rounds')) || 15;
const firstNames = ['Anna', 'Ivan', 'Olga', 'Pavel', 'Maria', 'Sergey', 'Elena', 'Dmitry'];
const lastNames = ['Petrova', 'Sokolov', 'Smirnova', 'Volkov', 'Orlova', 'Lebedev', 'Kozlova', 'Novikov'];
const rows = Array.from({ length: ROWS }, (_, index) => ({
  name: `${firstNames[index % 8]} ${lastNames[(index * 3) % 8]}`,
  subtitle: `Flat ${index + 1}, building ${(index % 12) + 1}`,
}));
const SVG = 'http://www.w3.org/2000/svg';

function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

type Rendered = { updateComplete: Promise<unknown> };

/** `ma-cell` rows with an `ma-avatar` in the `before` slot. */
function renderKitSlotted(container: HTMLElement): Promise<unknown> {
  const elements: Rendered[] = [];
  for (const row of rows) {
    const cell = document.createElement('ma-cell');
    cell.subtitle = row.subtitle;
    cell.chevron = true;
    const avatar = document.createElement('ma-avatar');
    avatar.slot = 'before';
    avatar.name = row.name;
    cell.append(avatar, row.name);
    container.append(cell);
    elements.push(cell, avatar);
  }
  // Lit renders in a microtask: wait for it, so layout sees the rendered rows.
  return Promise.all(elements.map((element) => element.updateComplete));
}

/** `ma-cell` rows with the cell's built-in avatar (`avatar-name`). */
function renderKitBuiltIn(container: HTMLElement): Promise<unknown> {
  const elements: Rendered[] = [];
  for (const row of rows) {
    const cell = document.createElement('ma-cell');
    cell.subtitle = row.subtitle;
    cell.chevron = true;
    cell.avatarName = row.name;
    cell.append(row.name);
    container.append(cell);
    elements.push(cell);
  }
  return Promise.all(elements.map((element) => element.updateComplete));
}

function renderPlain(container: HTMLElement): Promise<unknown> {
  for (const row of rows) {
    const cell = document.createElement('div');
    cell.className = 'plain-cell';
    const avatar = document.createElement('div');
    avatar.className = 'plain-avatar';
    avatar.setAttribute('role', 'img');
    avatar.setAttribute('aria-label', row.name);
    avatar.textContent = row.name.split(' ').map((word) => word[0]).join('');
    const content = document.createElement('div');
    content.className = 'plain-content';
    const title = document.createElement('div');
    title.className = 'plain-title';
    title.textContent = row.name;
    const subtitle = document.createElement('div');
    subtitle.className = 'plain-subtitle';
    subtitle.textContent = row.subtitle;
    content.append(title, subtitle);
    const chevron = document.createElementNS(SVG, 'svg');
    chevron.setAttribute('class', 'plain-chevron');
    chevron.setAttribute('viewBox', '0 0 24 24');
    chevron.setAttribute('fill', 'none');
    chevron.setAttribute('stroke', 'currentColor');
    chevron.setAttribute('stroke-width', '2');
    chevron.setAttribute('aria-hidden', 'true');
    const path = document.createElementNS(SVG, 'path');
    path.setAttribute('d', iconChevronRight);
    chevron.append(path);
    cell.append(avatar, content, chevron);
    container.append(cell);
  }
  return Promise.resolve();
}

async function time(renderRows: (container: HTMLElement) => Promise<unknown>): Promise<number> {
  const container = document.createElement('div');
  const start = performance.now();
  document.body.append(container);
  await renderRows(container);
  void document.body.offsetHeight;
  await nextFrame();
  const elapsed = performance.now() - start;
  container.remove();
  await nextFrame();
  return elapsed;
}



const candidates = {
  slotted: { render: renderKitSlotted, name: 'kit: 1,000 cells first render (ma-cell + slotted ma-avatar)' },
  builtIn: { render: renderKitBuiltIn, name: 'kit: 1,000 cells first render (ma-cell avatar-name)' },
  plain: { render: renderPlain, name: 'plain DOM' },
};
type Candidate = keyof typeof candidates;
const order: Candidate[] = ['slotted', 'builtIn', 'plain'];

async function run(): Promise<void> {
  // Named imports, checked here: package.json's `sideEffects` lets a bundler drop a bare import
  // of a component's source, and the kit rows would then time undefined elements.
  if (customElements.get('ma-cell') !== MaCell || customElements.get('ma-avatar') !== MaAvatar) {
    throw new Error('ma-cell and ma-avatar are not defined');
  }
  installTokens();
  await nextFrame();
  // One unmeasured round of each: element definitions, style sheets and JIT warm up.
  for (const candidate of order) await time(candidates[candidate].render);
  const times: Record<Candidate, number[]> = { slotted: [], builtIn: [], plain: [] };
  const ratios: Record<'slotted' | 'builtIn', number[]> = { slotted: [], builtIn: [] };
  for (let round = 0; round < ROUNDS; round++) {
    // Rotate who goes first, so no candidate always runs on a warmer or colder page.
    const ms = {} as Record<Candidate, number>;
    for (let step = 0; step < order.length; step++) {
      const candidate = order[(round + step) % order.length]!;
      ms[candidate] = await time(candidates[candidate].render);
      times[candidate].push(ms[candidate]);
    }
    ratios.slotted.push(ms.slotted / ms.plain);
    ratios.builtIn.push(ms.builtIn / ms.plain);
  }
  window.benchResults = (['slotted', 'builtIn'] as const).map((candidate) => {
    const ratio = median(ratios[candidate]);
    return {
      name: candidates[candidate].name,
      value: Math.round(median(times[candidate]) * 10) / 10,
      unit: 'ms',
      anchor: 'plain DOM',
      anchorValue: Math.round(median(times.plain) * 10) / 10,
      ratio: Math.round(ratio * 100) / 100,
      spread: spreadOf(ratios[candidate]),
      target: '≤ 1.5×',
      met: ratio <= 1.5,
    };
  });
  document.getElementById('report')!.textContent = JSON.stringify({ results: window.benchResults, times, ratios }, null, 1);
  window.benchDone = true;
}

run().catch((error: unknown) => {
  window.benchError = String(error);
  window.benchDone = true;
});
