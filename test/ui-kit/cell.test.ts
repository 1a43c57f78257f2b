import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../../ui-kit/components/cell/cell.ts';
import '../../ui-kit/components/avatar/avatar.ts';
import type { MaCell } from '../../ui-kit/components/cell/cell.ts';
import { checkA11yBothSchemes } from './helpers.ts';

const base = (el: MaCell) => el.shadowRoot!.querySelector<HTMLElement>('[part="base"]')!;

describe('ma-cell', () => {
  it('renders title, subtitle, before, after and a chevron', async () => {
    const el = await fixture<MaCell>(html`<ma-cell subtitle="+7 900 000-00-00" chevron>
      <ma-avatar slot="before" name="Anna Petrova"></ma-avatar>Anna Petrova<span slot="after">2</span>
    </ma-cell>`);
    expect(el.shadowRoot!.querySelector('[part="subtitle"]')!.textContent).to.equal('+7 900 000-00-00');
    expect(el.shadowRoot!.querySelector('[part="chevron"]')).to.not.equal(null);
    // A static row is the element itself.
    expect(el.getBoundingClientRect().height).to.be.at.least(48);
    expect(getComputedStyle(el).display).to.equal('flex');
    const before = el.querySelector('ma-avatar')!;
    expect(before.assignedSlot?.name).to.equal('before');
    expect(before.getBoundingClientRect().left - el.getBoundingClientRect().left).to.equal(16);
    expect(el.querySelector('[slot="after"]')!.assignedSlot?.name).to.equal('after');
  });

  it('makes the before and after slots for children added later', async () => {
    const el = await fixture<MaCell>(html`<ma-cell avatar-name="Anna Petrova">Anna Petrova</ma-cell>`);
    expect(el.shadowRoot!.querySelector('slot[name="before"], slot[name="after"]')).to.equal(null);
    const icon = document.createElement('span');
    icon.slot = 'before';
    icon.textContent = '★';
    el.append(icon);
    await waitUntil(() => icon.assignedSlot, 'the before slot appears');
    const value = document.createElement('span');
    value.textContent = 'On';
    el.append(value);
    value.slot = 'after';
    el.subtitle = 'Flat 1';
    await el.updateComplete;
    expect(value.assignedSlot?.name).to.equal('after');
    const avatar = el.shadowRoot!.querySelector('[part="avatar"]')!;
    expect(avatar.nextElementSibling).to.equal(icon.assignedSlot);
  });

  it('cuts long text unless multiline', async () => {
    const long = 'A very long title that does not fit into the row of a narrow phone screen at all';
    const el = await fixture<MaCell>(html`<div style="width: 200px"><ma-cell>${long}</ma-cell></div>`);
    const cell = el.querySelector('ma-cell')!;
    const oneLine = cell.getBoundingClientRect().height;
    cell.multiline = true;
    await cell.updateComplete;
    expect(cell.getBoundingClientRect().height).to.be.greaterThan(oneLine);
  });

  it('is a button when clickable: Enter and Space click it', async () => {
    const el = await fixture<MaCell>(html`<ma-cell clickable>Settings</ma-cell>`);
    expect(base(el).getAttribute('role')).to.equal('button');
    base(el).focus();
    let clicked = oneEvent(el, 'click');
    await sendKeys({ press: 'Enter' });
    await clicked;
    clicked = oneEvent(el, 'click');
    await sendKeys({ press: 'Space' });
    await clicked;
    el.disabled = true;
    await el.updateComplete;
    expect(base(el).getAttribute('aria-disabled')).to.equal('true');
    expect(base(el).tabIndex).to.equal(-1);
  });

  it('focus() on a clickable or linked cell lands on its row, so focus can return to it', async () => {
    const button = await fixture<MaCell>(html`<ma-cell clickable>Open the shop</ma-cell>`);
    button.focus();
    expect(button.shadowRoot!.activeElement).to.equal(base(button));
    expect(document.activeElement).to.equal(button);
    const link = await fixture<MaCell>(html`<ma-cell href="#/shop">Shop</ma-cell>`);
    link.focus();
    expect(link.shadowRoot!.activeElement).to.equal(base(link));
  });

  it('is a link with href', async () => {
    const el = await fixture<MaCell>(html`<ma-cell href="/profile" chevron>Profile</ma-cell>`);
    expect(base(el).tagName).to.equal('A');
    expect(base(el).getAttribute('href')).to.equal('/profile');
    // The link is the row: the element around it adds no padding.
    expect(base(el).getBoundingClientRect().height).to.equal(el.getBoundingClientRect().height);
    expect(base(el).getBoundingClientRect().height).to.be.at.least(48);
  });

  it('moves its row into a link and back when href comes and goes, in the same order', async () => {
    const el = await fixture<MaCell>(html`<ma-cell avatar-name="Anna Petrova" subtitle="Flat 1" chevron>Anna<span slot="after">2</span></ma-cell>`);
    const order = (parent: ParentNode) => [...parent.children].map((node) => node.getAttribute('part') ?? `slot:${(node as HTMLSlotElement).name}`);
    const staticOrder = order(el.shadowRoot!);
    expect(staticOrder).to.deep.equal(['avatar', 'content', 'slot:after', 'chevron']);
    el.href = '/anna';
    await el.updateComplete;
    expect(order(el.shadowRoot!)).to.deep.equal(['base']);
    expect(order(base(el))).to.deep.equal(staticOrder);
    el.href = undefined;
    el.clickable = true;
    await el.updateComplete;
    expect(base(el).getAttribute('role')).to.equal('button');
    expect(order(base(el))).to.deep.equal(staticOrder);
    el.clickable = false;
    await el.updateComplete;
    expect(order(el.shadowRoot!)).to.deep.equal(staticOrder);
    expect(el.shadowRoot!.querySelector('[part="subtitle"]')!.textContent).to.equal('Flat 1');
  });

  it('draws a built-in avatar from avatar-name, and a picture from avatar-src with the initials as fallback', async () => {
    const el = await fixture<MaCell>(html`<ma-cell avatar-name="Anna Petrova" subtitle="Flat 1">Anna Petrova</ma-cell>`);
    const avatar = () => el.shadowRoot!.querySelector<HTMLElement>('[part="avatar"]')!;
    expect(avatar().textContent).to.equal('AP');
    expect(avatar().getAttribute('role')).to.equal('img');
    expect(avatar().getAttribute('aria-label')).to.equal('Anna Petrova');
    expect(avatar().getBoundingClientRect().width).to.equal(40);
    el.avatarSrc = '/missing-avatar.png';
    await el.updateComplete;
    expect(avatar().tagName).to.equal('IMG');
    expect((avatar() as HTMLImageElement).alt).to.equal('Anna Petrova');
    await waitUntil(() => avatar().tagName === 'SPAN', 'falls back to the initials');
    el.avatarName = undefined;
    el.avatarSrc = undefined;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="avatar"]')).to.equal(null);
  });

  it('hides the chevron when it is off', async () => {
    const el = await fixture<MaCell>(html`<ma-cell chevron>Row</ma-cell>`);
    const chevron = el.shadowRoot!.querySelector('[part="chevron"]')!;
    expect(chevron.getBoundingClientRect().width).to.equal(20);
    el.chevron = false;
    await el.updateComplete;
    expect(getComputedStyle(chevron).display).to.equal('none');
  });

  it('draws the chevron in the text colour of forced-colours mode', async () => {
    const el = await fixture<MaCell>(html`<ma-cell chevron>Row</ma-cell>`);
    const chevron = el.shadowRoot!.querySelector('[part="chevron"]')!;
    await emulateMedia({ forcedColors: 'active' });
    try {
      // The chevron is a mask over its background, which forced colours would otherwise blank.
      expect(getComputedStyle(chevron).backgroundColor).to.equal(getComputedStyle(el).color);
    } finally {
      await emulateMedia({ forcedColors: 'none' });
    }
  });

  it('has no axe violations in light and dark', async () => {
    const el = await fixture(html`<div>
      <ma-cell subtitle="Subtitle" chevron><ma-avatar slot="before" name="Ivan Ivanov"></ma-avatar>Ivan Ivanov</ma-cell>
      <ma-cell clickable subtitle="Tap">Clickable</ma-cell>
      <ma-cell href="/x" chevron>Link</ma-cell>
      <ma-cell disabled clickable>Disabled</ma-cell>
      <ma-cell avatar-name="Olga Smirnova" subtitle="Built-in avatar" chevron>Olga Smirnova</ma-cell>
    </div>`);
    await checkA11yBothSchemes(el, { ignoredRules: ['color-contrast-enhanced'] });
  });
});
