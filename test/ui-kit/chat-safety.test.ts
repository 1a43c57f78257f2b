import { expect } from '@open-wc/testing';
import type { DeepLinkSnippet, SnippetLook } from '../../src/chat/deep-links.ts';
import { CLIENT, FakeChatController, STAFF, botEntry, entry } from './chat-fake.ts';
import { $$, list, mountChat, rowByKey, scrollListTo } from './chat-setup.ts';

declare global {
  interface Window {
    chatXss?: number;
  }
}

// Each payload bumps window.chatXss if anything runs it.
const HIT = 'window.chatXss=(window.chatXss||0)+1';
const corpus = [
  `<img src=x onerror="${HIT}">`,
  `<script>${HIT}</script>`,
  `<svg onload="${HIT}"></svg>`,
  `"><img src=x onerror=${HIT}>`,
  `<a href="javascript:${HIT}">click</a>`,
  `javascript:${HIT}`,
  `<iframe srcdoc="<script>${HIT}</script>"></iframe>`,
  `<style>@import 'javascript:${HIT}'</style>`,
  `{{constructor.constructor('${HIT}')()}}`,
  `\${${HIT}}`,
  `<details open ontoggle="${HIT}">`,
  `http://example.com/"onmouseover="${HIT}`,
];

function snippet(look: SnippetLook, payload: string, image: string): DeepLinkSnippet {
  return { look, target: { kind: 'bills' }, title: payload, image, annotation: payload };
}

describe('ma-chat: text is text', () => {
  it('renders an XSS corpus in messages, author names, bot lines and snippets as text and runs none of it', async () => {
    window.chatXss = 0;
    const looks: SnippetLook[] = ['widget-card', 'item-card', 'image-only', 'plain'];
    const entries = corpus.flatMap((payload, i) => [
      entry({ seq: i * 4 + 1, author: { ...STAFF, name: payload }, text: payload }),
      entry({ seq: i * 4 + 2, author: STAFF, kind: 'deep-link', text: '', deepLink: snippet(looks[i % 4]!, payload, `javascript:${HIT}`) }),
      botEntry(i * 4 + 3, { kind: 'choose-topic', text: payload, tags: [{ id: 't', text: payload }] }),
      entry({ seq: i * 4 + 4, author: STAFF, kind: 'deep-link', text: '', deepLink: snippet(looks[(i + 1) % 4]!, payload, `x" onerror="${HIT}`) }),
    ]);
    const controller = new FakeChatController({ entries });
    const chat = await mountChat(controller);
    const root = chat.shadowRoot!;
    const seen = new Set<string>();
    const check = () => {
      expect(root.querySelectorAll('script, iframe, [onerror], [onload], [ontoggle], [onmouseover]').length).to.equal(0);
      for (const image of root.querySelectorAll('img')) expect(image.getAttribute('src')).to.match(/^(https?:|blob:|data:image\/)/);
      for (const link of root.querySelectorAll('a')) expect(link.getAttribute('href')).to.match(/^https?:/);
      for (const row of $$(chat, '.row')) seen.add(row.dataset.key!);
    };
    // Walk the whole list from the top, so every row is rendered at some point.
    await scrollListTo(chat, 0);
    for (let step = 0; step < 200 && seen.size < entries.length; step++) {
      check();
      if (step === 0) {
        const first = rowByKey(chat, 'entry:e1')!;
        expect(first.querySelector('.author')!.textContent).to.equal(corpus[0]);
        expect(first.querySelector('.text')!.textContent).to.equal(corpus[0]);
        expect(rowByKey(chat, 'entry:e2')!.querySelector('.snippet-title')!.textContent).to.equal(corpus[0]);
        expect(rowByKey(chat, 'entry:e3')!.querySelector('.topic')!.textContent!.trim()).to.equal(corpus[0]);
      }
      await scrollListTo(chat, list(chat).scrollTop + 300);
    }
    check();
    expect(seen.size).to.equal(entries.length);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(window.chatXss).to.equal(0);
  });

  it('makes only http(s) URLs links, opening in a new context without opener or referrer', async () => {
    const controller = new FakeChatController({
      entries: [
        entry({ seq: 1, author: STAFF, text: 'See https://example.com/a?b=1, or http://example.org/x). Not javascript:alert(1) nor ftp://files.example.com nor data:text/html,hi' }),
        entry({ seq: 2, author: CLIENT, clientMessageId: 'c2', text: 'JaVaScRiPt:alert(1) and <a href="https://evil.example">x</a>' }),
      ],
    });
    const chat = await mountChat(controller);
    const links = [...list(chat).querySelectorAll<HTMLAnchorElement>('a')];
    expect(links.map((link) => link.getAttribute('href'))).to.deep.equal(['https://example.com/a?b=1', 'http://example.org/x', 'https://evil.example/']);
    for (const link of links) {
      expect(link.target).to.equal('_blank');
      expect(link.rel).to.equal('noopener noreferrer');
    }
    const second = rowByKey(chat, 'own:c2')!.querySelector('.text')!;
    expect(second.textContent).to.equal('JaVaScRiPt:alert(1) and <a href="https://evil.example">x</a>');
    expect(second.querySelectorAll('a')).to.have.length(1);
    expect(second.querySelector('a')!.textContent).to.equal('https://evil.example');
  });
});

describe('ma-chat: snippets', () => {
  it('draws the four looks: widget and item cards with image and annotation, image only, plain', async () => {
    const image = 'https://cdn.example.com/pic.png';
    const full = (look: SnippetLook, seq: number) =>
      entry({ seq, author: STAFF, kind: 'deep-link', text: '', deepLink: { look, target: { kind: 'bills' }, title: `Title ${look}`, image, annotation: `About ${look}` } });
    const controller = new FakeChatController({ entries: [full('widget-card', 1), full('item-card', 2), full('image-only', 3), full('plain', 4)] });
    const chat = await mountChat(controller, { height: 1600 });
    const opened: DeepLinkSnippet[] = [];
    chat.addEventListener('ma-chat-open-snippet', (event) => opened.push(event.detail.snippet));
    const shape = (seq: number) => {
      const card = rowByKey(chat, `entry:e${seq}`)!.querySelector<HTMLButtonElement>('.snippet')!;
      return { look: card.dataset.look, image: !!card.querySelector('img'), annotation: card.querySelector('.snippet-annotation')?.textContent ?? null };
    };
    expect([1, 2, 3, 4].map(shape)).to.deep.equal([
      { look: 'widget-card', image: true, annotation: 'About widget-card' },
      { look: 'item-card', image: true, annotation: 'About item-card' },
      { look: 'image-only', image: true, annotation: null },
      { look: 'plain', image: false, annotation: null },
    ]);
    rowByKey(chat, 'entry:e4')!.querySelector<HTMLButtonElement>('.snippet')!.click();
    expect(opened.map((s) => s.title)).to.deep.equal(['Title plain']);
  });
});
