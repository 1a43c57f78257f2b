import { expect } from 'chai';
import { listScreensFor, screenAvailableTo } from '../../src/backend/chat/deep-link-targets.ts';
import { hostScreenOf, snippetLook, type DeepLinkTarget } from '../../src/chat/index.ts';
import { HOST_SCREENS } from '../../src/protocol/index.ts';
import { anna, createChatTest, nextMessageId, staffPhone } from './chat-harness.ts';

/** One target per host screen: the list screens, and a card of each screen that shows one thing. */
const ONE_PER_SCREEN: DeepLinkTarget[] = [
  { kind: 'main' }, { kind: 'home' }, { kind: 'showcase' }, { kind: 'services' }, { kind: 'service', serviceId: 'plumber' },
  { kind: 'bills' }, { kind: 'bill', billId: 'b-2025-03' }, { kind: 'events' }, { kind: 'event', eventId: 'e-42' },
  { kind: 'event-category', categoryId: 'kids' }, { kind: 'marketplace' }, { kind: 'category-list' }, { kind: 'marketplace-category', categoryId: 'flowers' },
];

describe('chat backend: deep links to every host screen', () => {
  it('every one of the 13 host screens is a target, and each opens its own screen', () => {
    const screens = ONE_PER_SCREEN.map((target) => hostScreenOf(target)!.screen);
    expect(screens.slice().sort()).to.deep.equal(Object.keys(HOST_SCREENS).sort());
    expect(screens).to.have.length(13);
    for (const target of ONE_PER_SCREEN) {
      const link = hostScreenOf(target)!;
      expect(link.id !== undefined, `${target.kind}: an id exactly for a screen that shows one thing`).to.equal(HOST_SCREENS[link.screen].id);
    }
    expect(hostScreenOf({ kind: 'mini-app', appId: 'bakery' })).to.equal(null);
  });

  it('offers the client every list screen they can open, and stores a link to each of the 13 with its look', async () => {
    const t = await createChatTest();
    const client = await t.signIn(anna.phone);
    const olga = await t.signIn(staffPhone('staff-olga'));
    const chatId = (await t.open(client)).conversation.id;
    const { options } = await t.ok('GET', `/staff/chats/${chatId}/deep-links`, olga);
    const screens = options.filter((o: any) => o.target.kind !== 'mini-app').map((o: any) => o.target.kind);
    expect(screens).to.deep.equal(['main', 'home', 'showcase', 'services', 'bills', 'events', 'marketplace', 'category-list']);
    expect(options.every((o: any) => typeof o.title === 'string' && o.title !== '')).to.equal(true);

    for (const target of ONE_PER_SCREEN) {
      const entry = (await t.ok('POST', `/chats/${chatId}/messages`, olga, { clientMessageId: nextMessageId(), text: '', deepLink: { target, title: `To ${target.kind}`, image: 'https://img.test/i.png', annotation: 'note' } })).entry;
      expect(entry.deepLink.target, target.kind).to.deep.equal(target);
      expect(entry.deepLink.look, target.kind).to.equal(snippetLook(target));
    }
    const looks = (await t.entries(client, chatId)).filter((entry) => entry.kind === 'deep-link').map((entry) => entry.deepLink!.look);
    expect(looks.filter((look) => look === 'plain')).to.have.length(10);
    expect(looks.filter((look) => look === 'item-card')).to.have.length(2);
    expect(looks.filter((look) => look === 'image-only')).to.have.length(1);

    await t.fails('POST', `/chats/${chatId}/messages`, olga, { clientMessageId: nextMessageId(), text: '', deepLink: { target: { kind: 'bill' }, title: 'A bill' } }, 400, 'INVALID_REQUEST');
    await t.fails('POST', `/chats/${chatId}/messages`, olga, { clientMessageId: nextMessageId(), text: '', deepLink: { target: { kind: 'main', id: 'x' }, title: 'Main' } }, 400, 'INVALID_REQUEST');
  });

  it('bills, and a bill, only for a client with premises; a screen’s cards only when the screen is open to them', () => {
    const resident = { objectId: 'object-riverside' };
    const nobody = { objectId: null };
    expect(listScreensFor(resident)).to.include('bills');
    expect(listScreensFor(nobody)).to.not.include('bills');
    expect(listScreensFor(nobody)).to.include.members(['main', 'events', 'marketplace']);
    expect(screenAvailableTo(resident, { kind: 'bill', billId: 'b-2025-03' })).to.equal(true);
    expect(screenAvailableTo(nobody, { kind: 'bill', billId: 'b-2025-03' })).to.equal(false);
    expect(screenAvailableTo(nobody, { kind: 'bills' })).to.equal(false);
    expect(screenAvailableTo(nobody, { kind: 'event', eventId: 'e-42' })).to.equal(true);
  });
});
