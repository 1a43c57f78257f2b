import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../ui-kit/components/avatar/avatar.ts';
import { initialsOf, type MaAvatar } from '../../ui-kit/components/avatar/avatar.ts';
import { checkA11yBothSchemes } from './helpers.ts';

const pixel = 'data:image/svg+xml,' + encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect width="4" height="4" fill="teal"/></svg>');

describe('ma-avatar', () => {
  it('takes initials from a name', () => {
    expect(initialsOf('anna petrova')).to.equal('AP');
    expect(initialsOf('  Ёлка  ')).to.equal('Ё');
    expect(initialsOf('Ivan Ivanovich Ivanov')).to.equal('II');
  });

  it('shows the image, and initials when it fails', async () => {
    const el = await fixture<MaAvatar>(html`<ma-avatar name="Anna Petrova" src=${pixel} size="56"></ma-avatar>`);
    expect(el.querySelector('img')).to.not.equal(null);
    expect(el.getBoundingClientRect().width).to.equal(56);
    expect(el.querySelector('img')!.getBoundingClientRect().width).to.equal(56);
    el.src = '/missing-avatar.png';
    await waitUntil(() => !el.querySelector('img'), 'falls back to initials');
    expect(el.textContent).to.equal('AP');
    expect(el.getAttribute('role')).to.equal('img');
  });

  it('is a named image with a name and decorative without', async () => {
    const el = await fixture<MaAvatar>(html`<ma-avatar name="Shop"></ma-avatar>`);
    expect(el.getAttribute('role')).to.equal('img');
    expect(el.getAttribute('aria-label')).to.equal('Shop');
    el.name = '';
    el.initials = 'S';
    await el.updateComplete;
    expect(el.getAttribute('aria-hidden')).to.equal('true');
    expect(el.hasAttribute('role')).to.equal(false);
    expect(el.textContent).to.equal('S');
    el.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
    el.name = 'Shop';
    await el.updateComplete;
    expect(el.querySelector('img')!.alt, 'the image is named after the name').to.equal('Shop');
    expect(el.hasAttribute('aria-hidden')).to.equal(false);
  });

  it('has no shadow root and brings its styles into the shadow root it is placed in', async () => {
    const host = await fixture<HTMLElement>(html`<div></div>`);
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<ma-avatar name="Anna Petrova" shape="square" size="48"></ma-avatar>';
    const avatar = root.querySelector<MaAvatar>('ma-avatar')!;
    await avatar.updateComplete;
    expect(avatar.shadowRoot).to.equal(null);
    expect(avatar.getBoundingClientRect().width).to.equal(48);
    expect(getComputedStyle(avatar).borderTopLeftRadius).to.equal('12px');
  });

  it('yields to the page: any rule of the page overrides its own', async () => {
    const el = await fixture<HTMLElement>(html`<div><style>.big { --ma-avatar-size: 64px; border-radius: 4px; }</style>
      <ma-avatar class="big" name="Anna Petrova"></ma-avatar></div>`);
    const avatar = el.querySelector<MaAvatar>('ma-avatar')!;
    await avatar.updateComplete;
    expect(avatar.getBoundingClientRect().width).to.equal(64);
    expect(getComputedStyle(avatar).borderTopLeftRadius).to.equal('4px');
  });

  it('has no axe violations in light and dark', async () => {
    const el = await fixture(html`<div><ma-avatar name="Anna Petrova"></ma-avatar><ma-avatar name="Shop" shape="square" size="72"></ma-avatar>
      <ma-avatar name="Picture" src=${pixel}></ma-avatar><ma-avatar initials="D"></ma-avatar></div>`);
    await checkA11yBothSchemes(el);
  });
});
