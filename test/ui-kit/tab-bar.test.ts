import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../ui-kit/components/tab-bar/tab-bar.ts';
import type { MaTabBar } from '../../ui-kit/components/tab-bar/tab-bar.ts';
import type { MaTabBarItem } from '../../ui-kit/components/tab-bar/tab-bar-item.ts';
import { iconChat, iconHome, iconUser } from '../../ui-kit/icons/icons.ts';
import { checkA11yBothSchemes } from './helpers.ts';

async function barFixture() {
  const el = await fixture<MaTabBar>(html`<ma-tab-bar value="home">
    <ma-tab-bar-item name="home" .icon=${iconHome}>Home</ma-tab-bar-item>
    <ma-tab-bar-item name="chats" .icon=${iconChat} counter="3">Chats</ma-tab-bar-item>
    <ma-tab-bar-item name="profile" .icon=${iconUser} dot>Profile</ma-tab-bar-item>
  </ma-tab-bar>`);
  await el.updateComplete;
  return el;
}

const items = (el: MaTabBar) => [...el.querySelectorAll<MaTabBarItem>('ma-tab-bar-item')];
const base = (item: MaTabBarItem) => item.shadowRoot!.querySelector<HTMLElement>('[part="base"]')!;

describe('ma-tab-bar', () => {
  it('is a navigation landmark marking the current item', async () => {
    const el = await barFixture();
    expect(el.shadowRoot!.querySelector('nav')!.getAttribute('aria-label')).to.equal('Navigation');
    const [home, chats] = items(el);
    await home!.updateComplete;
    expect(base(home!).getAttribute('aria-current')).to.equal('page');
    expect(base(chats!).hasAttribute('aria-current')).to.equal(false);
  });

  it('shows a counter and a dot', async () => {
    const el = await barFixture();
    const [, chats, profile] = items(el);
    expect(chats!.shadowRoot!.querySelector('[part="indicator"]')!.textContent).to.equal('3');
    expect(profile!.shadowRoot!.querySelector('.indicator.dot')).to.not.equal(null);
  });

  it('switches on click and keyboard and fires ma-tab-bar-change', async () => {
    const el = await barFixture();
    const [, chats, profile] = items(el);
    let change = oneEvent(el, 'ma-tab-bar-change');
    base(chats!).click();
    expect((await change).detail.value).to.equal('chats');
    await chats!.updateComplete;
    expect(chats!.selected).to.equal(true);
    profile!.focus();
    change = oneEvent(el, 'ma-tab-bar-change');
    await sendKeys({ press: 'Enter' });
    expect((await change).detail.value).to.equal('profile');
    expect(el.value).to.equal('profile');
  });

  it('renders links with href', async () => {
    const el = await fixture<MaTabBarItem>(html`<ma-tab-bar-item href="/catalog" .icon=${iconHome}>Catalog</ma-tab-bar-item>`);
    expect(base(el).tagName).to.equal('A');
  });

  it('has no axe violations in light and dark', async () => {
    await checkA11yBothSchemes(await barFixture());
  });
});
