import { html, nothing } from 'lit';
import { BILLS, EVENTS, MARKET_CATEGORIES, SERVICES } from '../host-data.ts';
import { appLink, screenLink } from '../navigation.ts';
import type { PageContext, ShellPage } from '../routes.ts';
import { formatDate, formatRoubles } from '../texts.ts';
import { widgetList } from './widget-list.ts';

function greeting(ctx: PageContext) {
  const me = ctx.shell.me;
  if (!me) {
    return html`<ma-group header=${ctx.t('mainIntroGuest')}>
      <ma-cell multiline>${ctx.t('signInHint')}</ma-cell>
      <div class="actions"><ma-button size="m" data-action="sign-in" @click=${() => ctx.shell.go('#/sign-in')}>${ctx.t('signIn')}</ma-button></div>
    </ma-group>`;
  }
  const premises = me.user.premises;
  return html`<ma-group header=${ctx.t('mainIntro', { name: me.user.name.split(' ')[0]! })}>
    <ma-cell avatar-name=${me.user.name} subtitle=${premises ? `${premises.title}${me.user.object ? ` · ${me.user.object.title}` : ''}` : me.user.phone}>${me.user.name}</ma-cell>
  </ma-group>`;
}

function latestPushes(ctx: PageContext) {
  const unread = ctx.shell.pushes.filter((push) => !push.read);
  if (unread.length === 0) return nothing;
  return html`<ma-group header=${ctx.t('notifications')}>
    ${unread.slice(0, 3).map(
      (push) => html`<ma-cell clickable chevron multiline subtitle=${push.body} @click=${() => ctx.shell.openPush(push)}>${push.title}</ma-cell>`,
    )}
    <ma-cell href="#/notifications" chevron>${ctx.t('notifications')} (${ctx.shell.pushes.length})</ma-cell>
  </ma-group>`;
}

const main: ShellPage = {
  id: 'main',
  path: '/screen/main',
  role: 'resident',
  tab: 'main',
  title: (ctx) => ctx.t('tabMain'),
  render: (ctx) => html`${greeting(ctx)}${latestPushes(ctx)}${widgetList(ctx, 'main')}
    <ma-group header=${ctx.t('shortcuts')}>
      <ma-cell href=${screenLink('bills')} chevron subtitle=${formatRoubles(ctx.locale, BILLS.filter((bill) => !bill.paid).reduce((sum, bill) => sum + bill.amount, 0))}>${ctx.t('bills')}</ma-cell>
      <ma-cell href=${screenLink('events')} chevron subtitle=${EVENTS[0]!.title[ctx.locale]}>${ctx.t('events')}</ma-cell>
      <ma-cell href=${screenLink('marketplace')} chevron>${ctx.t('marketplace')}</ma-cell>
    </ma-group>
    <ma-group header=${ctx.t('deepLinks')}>
      <ma-cell href=${appLink('launch-inspector', '/orders/42', 'pay')} chevron multiline subtitle=${ctx.t('deepLinkOrderHint')}>${ctx.t('deepLinkOrder')}</ma-cell>
    </ma-group>`,
};

/** `#/` is the main screen too (the address a resident types or bookmarks). */
const root: ShellPage = { ...main, id: 'root', path: '/' };

const home: ShellPage = {
  id: 'home',
  path: '/screen/home',
  role: 'resident',
  tab: 'home',
  title: (ctx) => ctx.t('tabHome'),
  render: (ctx) => {
    const premises = ctx.shell.me?.user.premises;
    const due = BILLS.filter((bill) => !bill.paid);
    return html`${premises
        ? html`<ma-group header=${ctx.t('premises')}><ma-cell subtitle=${ctx.shell.me?.user.object?.title ?? ''}>${premises.title}</ma-cell></ma-group>`
        : greeting(ctx)}
      <ma-group header=${ctx.t('bills')}>
        ${due.map((bill) => html`<ma-cell href=${screenLink('bill', bill.id)} chevron subtitle=${ctx.t('due', { date: formatDate(ctx.locale, bill.dueDate) })}>
          ${bill.title[ctx.locale]}<span slot="after">${formatRoubles(ctx.locale, bill.amount)}</span>
        </ma-cell>`)}
        <ma-cell href=${screenLink('bills')} chevron>${ctx.t('allBills')}</ma-cell>
      </ma-group>
      ${widgetList(ctx, 'home')}`;
  },
};

const showcase: ShellPage = {
  id: 'showcase',
  path: '/screen/showcase',
  role: 'resident',
  tab: 'showcase',
  title: (ctx) => ctx.t('tabShowcase'),
  render: (ctx) => html`${widgetList(ctx, 'showcase')}
    <ma-group header=${ctx.t('marketplace')}>
      ${MARKET_CATEGORIES.map((category) => html`<ma-cell href=${screenLink('marketplace-category', category.id)} chevron>${category.title[ctx.locale]}</ma-cell>`)}
      <ma-cell href=${screenLink('category-list')} chevron>${ctx.t('allCategories')}</ma-cell>
    </ma-group>`,
};

const services: ShellPage = {
  id: 'services',
  path: '/screen/services',
  role: 'resident',
  tab: 'services',
  title: (ctx) => ctx.t('tabServices'),
  render: (ctx) => html`<ma-group header=${ctx.t('services')}>
      ${SERVICES.map((service) => html`<ma-cell href=${screenLink('service', service.id)} chevron multiline subtitle=${service.description[ctx.locale]}>${service.title[ctx.locale]}</ma-cell>`)}
    </ma-group>
    ${widgetList(ctx, 'services')}
    <ma-group header=${ctx.t('events')}>
      <ma-cell href=${screenLink('events')} chevron>${ctx.t('allEvents')}</ma-cell>
    </ma-group>`,
};

export const tabPages: ShellPage[] = [root, main, home, showcase, services];
