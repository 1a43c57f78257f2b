import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../ui-kit/components/tabs/tabs.ts';
import type { MaTabs } from '../../ui-kit/components/tabs/tabs.ts';
import { checkA11yBothSchemes } from './helpers.ts';

async function tabsFixture() {
  const el = await fixture<MaTabs>(html`<ma-tabs label="Orders">
    <ma-tab slot="nav" panel="active">Active</ma-tab>
    <ma-tab slot="nav" panel="done">Done</ma-tab>
    <ma-tab slot="nav" panel="off" disabled>Archived</ma-tab>
    <ma-tab slot="nav" panel="all">All</ma-tab>
    <ma-tab-panel name="active">Active orders</ma-tab-panel>
    <ma-tab-panel name="done">Done orders</ma-tab-panel>
    <ma-tab-panel name="off">Archive</ma-tab-panel>
    <ma-tab-panel name="all">All orders</ma-tab-panel>
  </ma-tabs>`);
  await el.updateComplete;
  return el;
}

describe('ma-tabs', () => {
  it('selects the first tab and wires tabs to panels with ARIA', async () => {
    const el = await tabsFixture();
    const [first, second] = el.tabs;
    expect(el.shadowRoot!.querySelector('[role="tablist"]')!.getAttribute('aria-label')).to.equal('Orders');
    expect(el.value).to.equal('active');
    expect(first!.getAttribute('role')).to.equal('tab');
    expect(first!.getAttribute('aria-selected')).to.equal('true');
    expect(second!.getAttribute('aria-selected')).to.equal('false');
    expect(first!.tabIndex).to.equal(0);
    expect(second!.tabIndex).to.equal(-1);
    const [panel, other] = el.panels;
    expect(first!.getAttribute('aria-controls')).to.equal(panel!.id);
    expect(panel!.getAttribute('aria-labelledby')).to.equal(first!.id);
    expect(panel!.getAttribute('role')).to.equal('tabpanel');
    expect(panel!.hidden).to.equal(false);
    expect(other!.hidden).to.equal(true);
  });

  it('selects a tab on click and fires ma-tab-change', async () => {
    const el = await tabsFixture();
    const change = oneEvent(el, 'ma-tab-change');
    el.tabs[1]!.click();
    expect((await change).detail.value).to.equal('done');
    expect(el.panels[1]!.hidden).to.equal(false);
    el.tabs[2]!.click();
    expect(el.value, 'a disabled tab is not selected').to.equal('done');
  });

  it('moves with arrow keys, Home and End, skipping disabled tabs and wrapping', async () => {
    const el = await tabsFixture();
    el.tabs[0]!.focus();
    await sendKeys({ press: 'ArrowRight' });
    expect(el.value).to.equal('done');
    await sendKeys({ press: 'ArrowRight' });
    expect(el.value, 'skips the disabled tab').to.equal('all');
    expect(document.activeElement).to.equal(el.tabs[3]);
    await sendKeys({ press: 'ArrowRight' });
    expect(el.value, 'wraps').to.equal('active');
    await sendKeys({ press: 'ArrowLeft' });
    expect(el.value).to.equal('all');
    await sendKeys({ press: 'Home' });
    expect(el.value).to.equal('active');
    await sendKeys({ press: 'End' });
    expect(el.value).to.equal('all');
  });

  it('keeps one tab in the Tab sequence', async () => {
    const el = await tabsFixture();
    const before = await fixture(html`<button>before</button>`);
    el.before(before);
    (before as HTMLButtonElement).focus();
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement).to.equal(el.tabs[0]);
    expect(el.tabs.filter((tab) => tab.tabIndex === 0)).to.have.length(1);
  });

  it('follows a value set by the page', async () => {
    const el = await tabsFixture();
    el.value = 'all';
    await el.updateComplete;
    expect(el.tabs[3]!.selected).to.equal(true);
    expect(el.panels[3]!.hidden).to.equal(false);
  });

  it('has no axe violations in light and dark', async () => {
    await checkA11yBothSchemes(await tabsFixture());
  });
});
