import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { MAX_ATTACHMENT_BYTES } from '../../src/chat/messages.ts';
import type { MaActionSheet } from '../../ui-kit/components/action-sheet/action-sheet.ts';
import type { MaChat } from '../../ui-kit/components/chat/chat.ts';
import { CLIENT, FakeChatController, STAFF, entry } from './chat-fake.ts';
import { $, composerOf, fieldOf, list, mountChat, rowByKey, settle } from './chat-setup.ts';

const sheetOf = (chat: MaChat) => $<MaActionSheet>(chat, 'ma-action-sheet')!;
const actionValues = (chat: MaChat) => sheetOf(chat).actions.map((action) => action.value);

function chooseFile(chat: MaChat, file: File): void {
  const input = composerOf(chat).shadowRoot!.querySelector<HTMLInputElement>('input[type=file]')!;
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change'));
}

/** The deepest focused element, through shadow roots. */
function focused(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

describe('ma-chat: the composer', () => {
  it('sends on Enter and starts a new line on Shift+Enter', async () => {
    const controller = new FakeChatController();
    const chat = await mountChat(controller);
    fieldOf(chat).focus();
    await sendKeys({ type: 'First line' });
    await sendKeys({ press: 'Shift+Enter' });
    await sendKeys({ type: 'second line' });
    expect(controller.calls.send).to.have.length(0);
    await sendKeys({ press: 'Enter' });
    expect(controller.calls.send.map((call) => call.text)).to.deep.equal(['First line\nsecond line']);
    await composerOf(chat).updateComplete;
    expect(fieldOf(chat).value).to.equal('');
    expect(controller.calls.notifyTyping).to.be.greaterThan(0);
  });

  it('sends nothing for blank text', async () => {
    const controller = new FakeChatController();
    const chat = await mountChat(controller);
    fieldOf(chat).focus();
    await sendKeys({ type: '   ' });
    await sendKeys({ press: 'Enter' });
    expect(controller.calls.send).to.have.length(0);
  });

  it('previews a chosen image, sends it with the text, and can drop it before sending', async () => {
    const controller = new FakeChatController();
    const chat = await mountChat(controller);
    const composer = composerOf(chat);
    chooseFile(chat, new File([new Uint8Array(3000)], 'meter.png', { type: 'image/png' }));
    await composer.updateComplete;
    const preview = composer.shadowRoot!.querySelector<HTMLImageElement>('.attachment img.preview')!;
    expect(preview.src).to.match(/^blob:/);
    expect(composer.shadowRoot!.querySelector('.attachment')!.textContent).to.contain('meter.png').and.to.contain('2.9 kB');
    composer.shadowRoot!.querySelector<HTMLElement>('.remove')!.click();
    await composer.updateComplete;
    expect(composer.shadowRoot!.querySelector('.attachment')).to.equal(null);
    chooseFile(chat, new File([new Uint8Array(10)], 'act.pdf', { type: 'application/pdf' }));
    await composer.updateComplete;
    fieldOf(chat).focus();
    await sendKeys({ type: 'The act' });
    await sendKeys({ press: 'Enter' });
    expect(controller.calls.send).to.have.length(1);
    expect((controller.calls.send[0]!.file as File).name).to.equal('act.pdf');
    expect(controller.calls.send[0]!.text).to.equal('The act');
  });

  it('refuses a file of 40 MiB + 1 byte with a clear message and sends nothing', async () => {
    const controller = new FakeChatController();
    const chat = await mountChat(controller);
    const composer = composerOf(chat);
    chooseFile(chat, new File([new Uint8Array(MAX_ATTACHMENT_BYTES + 1)], 'video.mp4', { type: 'video/mp4' }));
    await composer.updateComplete;
    const error = composer.shadowRoot!.querySelector('[role="alert"]')!;
    expect(error.textContent!.trim()).to.equal('“video.mp4” is larger than 40 MB and cannot be sent');
    expect(composer.attachment).to.equal(null);
    fieldOf(chat).focus();
    await sendKeys({ press: 'Enter' });
    expect(controller.calls.send).to.have.length(0);
  });

  it('takes a file of exactly 40 MiB', async () => {
    const controller = new FakeChatController();
    const chat = await mountChat(controller);
    chooseFile(chat, new File([new Uint8Array(MAX_ATTACHMENT_BYTES)], 'big.bin'));
    await composerOf(chat).updateComplete;
    expect(composerOf(chat).attachment?.name).to.equal('big.bin');
    expect(composerOf(chat).shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
  });

  it('shows the controller’s refusal of a draft in the composer', async () => {
    const controller = new FakeChatController();
    controller.send = () => {
      throw new Error('The conversation is closed');
    };
    const chat = await mountChat(controller);
    fieldOf(chat).focus();
    await sendKeys({ type: 'Hello' });
    await sendKeys({ press: 'Enter' });
    await composerOf(chat).updateComplete;
    expect(composerOf(chat).shadowRoot!.querySelector('[role="alert"]')!.textContent).to.equal('The conversation is closed');
    expect(fieldOf(chat).value, 'the draft is kept').to.equal('Hello');
  });
});

describe('ma-chat: message actions', () => {
  const mine = entry({ seq: 1, author: CLIENT, clientMessageId: 'c1', text: 'Can you come today?' });
  const theirs = entry({ seq: 2, author: STAFF, text: 'Yes, at 5 pm' });
  const readMine = entry({ seq: 3, author: CLIENT, clientMessageId: 'c3', text: 'Thanks', readAt: Date.now() });

  it('offers copy, edit and delete on the viewer’s unread message, and only copy where the controller refuses', async () => {
    const controller = new FakeChatController({ entries: [mine, theirs, readMine] });
    const chat = await mountChat(controller);
    expect(chat.actionsFor(mine).map((a) => a.value)).to.deep.equal(['copy', 'edit', 'delete']);
    expect(chat.actionsFor(theirs).map((a) => a.value)).to.deep.equal(['copy']);
    expect(chat.actionsFor(readMine).map((a) => a.value)).to.deep.equal(['copy']);
    controller.refusal = () => null;
    expect(chat.actionsFor(theirs).map((a) => a.value), 'an administrator’s controller allows delete').to.deep.equal(['copy', 'edit', 'delete']);
  });

  it('opens the actions on a right click (context menu), and Delete calls the controller', async () => {
    const controller = new FakeChatController({ entries: [mine, theirs] });
    const chat = await mountChat(controller);
    const bubble = rowByKey(chat, 'own:c1')!.querySelector<HTMLElement>('.bubble')!;
    const event = new MouseEvent('contextmenu', { bubbles: true, composed: true, cancelable: true, clientX: 10, clientY: 10 });
    bubble.dispatchEvent(event);
    expect(event.defaultPrevented).to.equal(true);
    await sheetOf(chat).updateComplete;
    expect(sheetOf(chat).open).to.equal(true);
    expect(actionValues(chat)).to.deep.equal(['copy', 'edit', 'delete']);
    sheetOf(chat).shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="action"]')[2]!.click();
    await waitUntil(() => controller.calls.delete.length === 1, 'delete called');
    expect(controller.calls.delete).to.deep.equal(['e1']);
    await settle(chat);
    expect(rowByKey(chat, 'own:c1')!.textContent).to.contain('Message deleted').and.not.to.contain('Can you come today?');
  });

  it('opens the actions on a long press, not on a short tap', async () => {
    const controller = new FakeChatController({ entries: [mine, theirs] });
    const chat = await mountChat(controller);
    const bubble = rowByKey(chat, 'entry:e2')!.querySelector<HTMLElement>('.bubble')!;
    const press = (type: string) => bubble.dispatchEvent(new PointerEvent(type, { bubbles: true, composed: true, pointerType: 'touch', button: 0, clientX: 50, clientY: 50 }));
    press('pointerdown');
    press('pointerup');
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(sheetOf(chat).open, 'a tap opens nothing').to.equal(false);
    press('pointerdown');
    await waitUntil(() => sheetOf(chat).open, 'the sheet opens after a long press');
    expect(actionValues(chat)).to.deep.equal(['copy']);
  });

  it('copies the text to the clipboard', async () => {
    const controller = new FakeChatController({ entries: [mine, theirs] });
    const chat = await mountChat(controller);
    const copied: string[] = [];
    Object.defineProperty(navigator.clipboard, 'writeText', { configurable: true, value: async (text: string) => void copied.push(text) });
    try {
      rowByKey(chat, 'entry:e2')!.querySelector('.bubble')!.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, composed: true, cancelable: true }));
      await sheetOf(chat).updateComplete;
      sheetOf(chat).shadowRoot!.querySelector<HTMLButtonElement>('[part="action"]')!.click();
      await waitUntil(() => copied.length === 1, 'clipboard written');
      expect(copied).to.deep.equal(['Yes, at 5 pm']);
    } finally {
      delete (navigator.clipboard as unknown as Record<string, unknown>).writeText;
    }
  });

  it('edits: the composer takes the text, Enter saves through the controller', async () => {
    const controller = new FakeChatController({ entries: [mine, theirs] });
    const chat = await mountChat(controller);
    rowByKey(chat, 'own:c1')!.querySelector('.bubble')!.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, composed: true, cancelable: true }));
    await sheetOf(chat).updateComplete;
    sheetOf(chat).shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="action"]')[1]!.click();
    await waitUntil(() => composerOf(chat).editing, 'edit mode');
    await composerOf(chat).updateComplete;
    expect(fieldOf(chat).value).to.equal('Can you come today?');
    await waitUntil(() => focused() === fieldOf(chat), 'the field has focus');
    await sendKeys({ press: 'End' });
    await sendKeys({ type: ' Or tomorrow?' });
    await sendKeys({ press: 'Enter' });
    expect(controller.calls.edit).to.deep.equal([{ entryId: 'e1', text: 'Can you come today? Or tomorrow?' }]);
    expect(controller.calls.send).to.have.length(0);
    await settle(chat);
    expect(composerOf(chat).editing).to.equal(false);
    expect(rowByKey(chat, 'own:c1')!.textContent).to.contain('Or tomorrow?').and.to.contain('edited');
  });
});

describe('ma-chat: keyboard', () => {
  it('walks the messages with the arrow keys and opens the actions with Shift+F10 and the Menu key', async () => {
    const controller = new FakeChatController({
      entries: [entry({ seq: 1, author: STAFF }), entry({ seq: 2, author: CLIENT, clientMessageId: 'c2' }), entry({ seq: 3, author: STAFF })],
    });
    const chat = await mountChat(controller);
    list(chat).focus();
    await sendKeys({ press: 'ArrowUp' });
    expect((focused() as HTMLElement).dataset.key).to.equal('entry:e3');
    await sendKeys({ press: 'ArrowUp' });
    expect((focused() as HTMLElement).dataset.key).to.equal('own:c2');
    await sendKeys({ press: 'Home' });
    expect((focused() as HTMLElement).dataset.key).to.equal('entry:e1');
    await sendKeys({ press: 'ArrowDown' });
    expect((focused() as HTMLElement).dataset.key).to.equal('own:c2');
    await sendKeys({ press: 'Shift+F10' });
    await sheetOf(chat).updateComplete;
    expect(sheetOf(chat).open).to.equal(true);
    expect(actionValues(chat)).to.deep.equal(['copy', 'edit', 'delete']);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !sheetOf(chat).open, 'closed');
    await waitUntil(() => (focused() as HTMLElement | null)?.dataset?.key === 'own:c2', 'focus back on the message');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ContextMenu' });
    await sheetOf(chat).updateComplete;
    expect(sheetOf(chat).open).to.equal(true);
    expect(actionValues(chat)).to.deep.equal(['copy']);
  });
});
