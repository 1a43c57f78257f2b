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
    expect(el.shadowRoot!.querySelector('img')).to.not.equal(null);
    expect(el.getBoundingClientRect().width).to.equal(56);
    el.src = '/missing-avatar.png';
    await waitUntil(() => el.shadowRoot!.querySelector('[part="initials"]'), 'falls back to initials');
    expect(el.shadowRoot!.querySelector('[part="initials"]')!.textContent).to.equal('AP');
  });

  it('is a named image with a name and decorative without', async () => {
    const el = await fixture<MaAvatar>(html`<ma-avatar name="Shop"></ma-avatar>`);
    const initials = () => el.shadowRoot!.querySelector('[part="initials"]')!;
    expect(initials().getAttribute('role')).to.equal('img');
    expect(initials().getAttribute('aria-label')).to.equal('Shop');
    el.name = '';
    el.initials = 'S';
    await el.updateComplete;
    expect(initials().getAttribute('aria-hidden')).to.equal('true');
    expect(initials().textContent).to.equal('S');
    el.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
    el.name = 'Shop';
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('img')!.alt, 'the image is named after the name').to.equal('Shop');
  });

  it('has no axe violations in light and dark', async () => {
    const el = await fixture(html`<div><ma-avatar name="Anna Petrova"></ma-avatar><ma-avatar name="Shop" shape="square" size="72"></ma-avatar>
      <ma-avatar name="Picture" src=${pixel}></ma-avatar></div>`);
    await checkA11yBothSchemes(el);
  });
});
