import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { MaChat } from '../../ui-kit/components/chat/chat.ts';
import { CLIENT, FakeChatController, STAFF, botEntry, conversation, entry } from './chat-fake.ts';
import { $, $$, composerOf, fieldOf, list, mountChat, rowByKey, scrollListTo, settle } from './chat-setup.ts';
import { checkA11yBothSchemes, tokenValue, withScheme } from './helpers.ts';

const rowTop = (chat: MaChat, key: string) => rowByKey(chat, key)!.getBoundingClientRect().top - list(chat).getBoundingClientRect().top;
const isAtBottom = (chat: MaChat) => {
  const scroller = list(chat);
  return scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 2;
};

describe('ma-chat: long histories', () => {
  it('opens 10,000 messages at the newest one with at most 100 rows in the DOM', async () => {
    const controller = new FakeChatController({ entries: conversation(10_000) });
    const chat = await mountChat(controller);
    await waitUntil(() => rowByKey(chat, 'entry:e9999') && isAtBottom(chat), 'the newest message at the bottom');
    const rows = $$(chat, '.row');
    expect(rows.length).to.be.greaterThan(5).and.at.most(100);
    expect(chat.rowCount).to.equal(10_000);
    const newest = rowByKey(chat, 'own:cm-e10000')!.getBoundingClientRect();
    expect(newest.bottom).to.be.at.most(list(chat).getBoundingClientRect().bottom + 1);
    await scrollListTo(chat, list(chat).scrollHeight / 2);
    expect($$(chat, '.row').length).to.be.at.most(100);
  });

  it('loads the older page on scrolling to the top and keeps the message that was on top in place', async () => {
    const older = conversation(200, 200);
    const controller = new FakeChatController({ entries: conversation(100, 300), hasOlder: true, olderPages: [older] });
    let open!: () => void;
    controller.olderGate = new Promise((resolve) => (open = resolve));
    const chat = await mountChat(controller);
    expect(controller.calls.loadOlder).to.equal(0);
    await scrollListTo(chat, 0);
    await waitUntil(() => controller.calls.loadOlder === 1, 'loadOlder called');
    expect(list(chat).getAttribute('aria-busy')).to.equal('true');
    expect($(chat, 'ma-spinner')).to.not.equal(null);
    const top = $$(chat, '.row').find((row) => row.getBoundingClientRect().bottom > list(chat).getBoundingClientRect().top + 1)!;
    const key = top.dataset.key!;
    const before = rowTop(chat, key);
    open();
    await waitUntil(() => controller.entries.length === 300, 'merged');
    await settle(chat);
    await waitUntil(() => rowByKey(chat, key) && Math.abs(rowTop(chat, key) - before) < 2, `row ${key} stays at ${before}px`, { timeout: 3000 });
    expect(list(chat).scrollTop).to.be.greaterThan(1000);
    expect(list(chat).getAttribute('aria-busy')).to.equal('false');
    expect(controller.calls.loadOlder, 'one load per arrival at the top').to.equal(1);
  });

  it('keeps a row that is half out of view at its offset while the older page comes above it', async () => {
    const controller = new FakeChatController({ entries: conversation(100, 300), hasOlder: true, olderPages: [conversation(200, 200)] });
    let open!: () => void;
    controller.olderGate = new Promise((resolve) => (open = resolve));
    const chat = await mountChat(controller);
    // Near the top (the load starts within 400px of it), with the top row partly scrolled away.
    await scrollListTo(chat, 250);
    await waitUntil(() => controller.calls.loadOlder === 1, 'loadOlder called');
    const listTop = list(chat).getBoundingClientRect().top;
    const top = $$(chat, '.row').find((row) => row.getBoundingClientRect().top < listTop - 5 && row.getBoundingClientRect().bottom > listTop + 5);
    expect(top, 'a row cut by the top edge').to.not.equal(undefined);
    const key = top!.dataset.key!;
    const before = rowTop(chat, key);
    open();
    await waitUntil(() => controller.entries.length === 300, 'merged');
    await settle(chat);
    await waitUntil(() => rowByKey(chat, key) && Math.abs(rowTop(chat, key) - before) < 2, `row ${key} stays at ${before}px`, { timeout: 3000 });
    await settle(chat);
    expect(rowTop(chat, key)).to.be.closeTo(before, 2);
  });

  it('opens below the fold and shows the newest message at the bottom when the page scrolls to it', async () => {
    const controller = new FakeChatController({ entries: conversation(300) });
    const page = await fixture<HTMLElement>(html`<div lang="en"><div style="height: 3000px"></div>
      <div style="display: flex; flex-direction: column; width: 400px; height: 500px"><ma-chat .controller=${controller}></ma-chat></div></div>`);
    const chat = page.querySelector('ma-chat')!;
    await settle(chat);
    expect(chat.getBoundingClientRect().top, 'out of view').to.be.greaterThan(window.innerHeight);
    chat.scrollIntoView({ block: 'end' });
    await waitUntil(() => rowByKey(chat, 'own:cm-e300'), 'the newest row drawn');
    await settle(chat);
    expect(isAtBottom(chat)).to.equal(true);
    expect(rowByKey(chat, 'own:cm-e300')!.getBoundingClientRect().bottom).to.be.closeTo(list(chat).getBoundingClientRect().bottom, 1);
  });

  it('shows another, shorter conversation from its newest message when the controller changes', async () => {
    const chat = await mountChat(new FakeChatController({ entries: conversation(300) }));
    await scrollListTo(chat, 1000);
    chat.controller = new FakeChatController({ entries: conversation(3, 3, (seq) => ({ id: `other${seq}`, text: `Other ${seq}` })) });
    await waitUntil(() => rowByKey(chat, 'entry:other3') && isAtBottom(chat), 'the other conversation at its newest message');
    expect($$(chat, '.row').map((row) => row.dataset.key)).to.deep.equal(['entry:other1', 'own:cm-other2', 'entry:other3']);
    expect(chat.rowCount).to.equal(3);
  });

  it('follows new messages while at the bottom, and stays put while reading older ones', async () => {
    const controller = new FakeChatController({ entries: conversation(300) });
    const chat = await mountChat(controller);
    controller.receive(entry({ seq: 301, author: STAFF, text: 'Fresh' }));
    await waitUntil(() => rowByKey(chat, 'entry:e301') && isAtBottom(chat), 'scrolled to the new message');
    await scrollListTo(chat, 2000);
    const key = $$(chat, '.row').find((row) => row.getBoundingClientRect().bottom > list(chat).getBoundingClientRect().top + 1)!.dataset.key!;
    const before = rowTop(chat, key);
    controller.receive(entry({ seq: 302, author: STAFF, text: 'Fresher' }));
    await settle(chat);
    expect(Math.abs(rowTop(chat, key) - before)).to.be.below(2);
    fieldOf(chat).value = 'Mine';
    fieldOf(chat).dispatchEvent(new Event('input'));
    await composerOf(chat).updateComplete;
    composerOf(chat).shadowRoot!.querySelector<HTMLElement>('.send')!.click();
    await waitUntil(() => rowByKey(chat, 'own:local-1') && isAtBottom(chat), 'sending scrolls to the end');
  });
});

describe('ma-chat: locales and themes', () => {
  it('speaks Russian under lang="ru"', async () => {
    const now = Date.now();
    const controller = new FakeChatController({
      entries: [
        entry({ seq: 1, author: CLIENT, clientMessageId: 'c1', sentAt: now - 1000, text: 'Привет' }),
        botEntry(2, { kind: 'taken-over', departmentId: 'd', employeeId: 'e', departmentName: 'Сервис', employeeName: 'Анна' }, { sentAt: now }),
        entry({ seq: 3, author: STAFF, sentAt: now }),
      ],
      typing: true,
      online: false,
    });
    const chat = await mountChat(controller, { lang: 'ru' });
    expect($(chat, '.day')!.textContent!.trim()).to.equal('Сегодня');
    expect(rowByKey(chat, 'own:c1')!.querySelector('.ticks')!.getAttribute('aria-label')).to.equal('Отправлено');
    expect(rowByKey(chat, 'entry:e2')!.querySelector('.service')!.textContent!.trim()).to.equal('Диалог ведёт Анна');
    expect($(chat, '.unread')!.textContent!.trim()).to.equal('Непрочитанные сообщения');
    expect($(chat, '.typing')!.textContent).to.equal('Печатает…');
    expect($(chat, '.offline')!.textContent).to.contain('Нет связи');
    expect(list(chat).getAttribute('aria-label')).to.equal('Сообщения');
    expect(fieldOf(chat).placeholder).to.equal('Сообщение');
    expect(composerOf(chat).shadowRoot!.querySelector('.send')!.getAttribute('label')).to.equal('Отправить');
  });

  it('speaks English by default', async () => {
    const controller = new FakeChatController({ entries: [entry({ seq: 1, author: STAFF })], typing: true });
    const chat = await mountChat(controller);
    expect($(chat, '.typing')!.textContent).to.equal('Typing…');
    expect(list(chat).getAttribute('aria-label')).to.equal('Messages');
    expect(fieldOf(chat).placeholder).to.equal('Message');
  });

  it('colours from the tokens: own bubbles in the brand colour, others on the surface, in light and dark', async () => {
    const controller = new FakeChatController({ entries: [entry({ seq: 1, author: STAFF }), entry({ seq: 2, author: CLIENT, clientMessageId: 'c2' })] });
    const chat = await mountChat(controller);
    const background = (key: string) => getComputedStyle(rowByKey(chat, key)!.querySelector('.bubble')!).backgroundColor;
    const seen: Record<string, string[]> = {};
    for (const scheme of ['light', 'dark'] as const) {
      await withScheme(scheme, () => {
        const probe = document.createElement('div');
        chat.shadowRoot!.append(probe);
        probe.style.color = tokenValue('--ma-color-brand', chat);
        const brand = getComputedStyle(probe).color;
        probe.style.color = tokenValue('--ma-color-surface', chat);
        const surface = getComputedStyle(probe).color;
        probe.remove();
        expect(background('own:c2'), `${scheme}: own bubble`).to.equal(brand);
        expect(background('entry:e1'), `${scheme}: other bubble`).to.equal(surface);
        seen[scheme] = [background('own:c2'), background('entry:e1'), getComputedStyle(chat).backgroundColor];
      });
    }
    expect(seen.light).to.not.deep.equal(seen.dark);
  });

  it('has no axe violations in light and dark', async () => {
    const controller = new FakeChatController({
      status: 'bot',
      entries: [
        botEntry(1, { kind: 'choose-topic', text: 'Choose a topic', tags: [{ id: 't1', text: 'Water' }] }),
        entry({ seq: 2, author: CLIENT, clientMessageId: 'c2', text: 'See https://example.com' }),
        entry({ seq: 3, author: STAFF, kind: 'deep-link', text: '', deepLink: { look: 'plain', target: { kind: 'bills' }, title: 'Bills', image: null, annotation: null } }),
      ],
      typing: true,
    });
    const chat = await mountChat(controller);
    await checkA11yBothSchemes(chat);
  });
});
