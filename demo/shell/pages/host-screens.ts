import { html, nothing, type TemplateResult } from 'lit';
import { BILLS, EVENT_CATEGORIES, EVENTS, MARKET_CATEGORIES, SERVICES, type HostEvent } from '../host-data.ts';
import { screenLink } from '../navigation.ts';
import type { PageContext, ShellPage } from '../routes.ts';
import { formatDate, formatRoubles } from '../texts.ts';

const missing = (ctx: PageContext) =>
  html`<ma-placeholder heading=${ctx.t('notFound')}>${ctx.t('itemMissing', { id: ctx.params.id ?? '' })}</ma-placeholder>`;

const eventRow = (ctx: PageContext, event: HostEvent) =>
  html`<ma-cell href=${screenLink('event', event.id)} chevron subtitle=${`${formatDate(ctx.locale, event.startsAt, true)} · ${event.place[ctx.locale]}`}>${event.title[ctx.locale]}</ma-cell>`;

/** A page of one host screen; the screen's id is its `id` in HOST_SCREENS, so a bridge link lands here. */
const screen = (id: string, path: string, title: ShellPage['title'], parent: string, render: (ctx: PageContext) => TemplateResult): ShellPage => ({
  id,
  path,
  role: 'resident',
  title,
  parent: () => parent,
  render,
});

export const hostScreenPages: ShellPage[] = [
  screen('bills', '/screen/bills', (ctx) => ctx.t('bills'), screenLink('home'), (ctx) => html`<ma-group header=${ctx.t('bills')}>
    ${BILLS.map((bill) => html`<ma-cell href=${screenLink('bill', bill.id)} chevron subtitle=${`${bill.period[ctx.locale]} · ${bill.paid ? ctx.t('paid') : ctx.t('due', { date: formatDate(ctx.locale, bill.dueDate) })}`}>
      ${bill.title[ctx.locale]}<span slot="after">${formatRoubles(ctx.locale, bill.amount)}</span>
    </ma-cell>`)}
  </ma-group>`),
  screen('bill', '/screen/bill/:id', (ctx) => ctx.t('bill'), screenLink('bills'), (ctx) => {
    const bill = BILLS.find((candidate) => candidate.id === ctx.params.id);
    if (!bill) return missing(ctx);
    return html`<ma-group header=${bill.title[ctx.locale]}>
        <ma-cell subtitle=${ctx.t('period')}>${bill.period[ctx.locale]}</ma-cell>
        <ma-cell subtitle=${ctx.t('amount')}>${formatRoubles(ctx.locale, bill.amount)}</ma-cell>
        <ma-cell subtitle=${ctx.t('status')}>${bill.paid ? ctx.t('paid') : `${ctx.t('unpaid')} · ${ctx.t('due', { date: formatDate(ctx.locale, bill.dueDate) })}`}</ma-cell>
      </ma-group>`;
  }),
  screen('service', '/screen/service/:id', (ctx) => ctx.t('service'), screenLink('services'), (ctx) => {
    const service = SERVICES.find((candidate) => candidate.id === ctx.params.id);
    if (!service) return missing(ctx);
    return html`<ma-group header=${service.title[ctx.locale]}>
        <ma-cell multiline>${service.description[ctx.locale]}</ma-cell>
        <ma-cell subtitle=${ctx.t('price')}>${service.price ? formatRoubles(ctx.locale, service.price) : '0 ₽'}</ma-cell>
      </ma-group>
      <div class="actions"><ma-button stretched @click=${() => ctx.shell.notify(ctx.t('booked'))}>${ctx.t('bookService')}</ma-button></div>`;
  }),
  screen('events', '/screen/events', (ctx) => ctx.t('events'), screenLink('main'), (ctx) => html`<ma-group header=${ctx.t('categories')}>
      ${EVENT_CATEGORIES.map((category) => html`<ma-cell href=${screenLink('event-category', category.id)} chevron>${category.title[ctx.locale]}</ma-cell>`)}
    </ma-group>
    <ma-group header=${ctx.t('allEvents')}>${EVENTS.map((event) => eventRow(ctx, event))}</ma-group>`),
  screen('event-category', '/screen/event-category/:id', (ctx) => ctx.t('eventCategory'), screenLink('events'), (ctx) => {
    const category = EVENT_CATEGORIES.find((candidate) => candidate.id === ctx.params.id);
    if (!category) return missing(ctx);
    return html`<ma-group header=${category.title[ctx.locale]}>${EVENTS.filter((event) => event.categoryId === category.id).map((event) => eventRow(ctx, event))}</ma-group>`;
  }),
  screen('event', '/screen/event/:id', (ctx) => ctx.t('event'), screenLink('events'), (ctx) => {
    const event = EVENTS.find((candidate) => candidate.id === ctx.params.id);
    if (!event) return missing(ctx);
    const category = EVENT_CATEGORIES.find((candidate) => candidate.id === event.categoryId);
    return html`<ma-group header=${event.title[ctx.locale]}>
        <ma-cell multiline>${event.description[ctx.locale]}</ma-cell>
        <ma-cell subtitle=${ctx.t('when')}>${formatDate(ctx.locale, event.startsAt, true)}</ma-cell>
        <ma-cell subtitle=${ctx.t('where')}>${event.place[ctx.locale]}</ma-cell>
        ${category ? html`<ma-cell href=${screenLink('event-category', category.id)} chevron subtitle=${ctx.t('eventCategory')}>${category.title[ctx.locale]}</ma-cell>` : nothing}
      </ma-group>
      <div class="actions"><ma-button stretched @click=${() => ctx.shell.notify(ctx.t('goingDone'))}>${ctx.t('going')}</ma-button></div>`;
  }),
  screen('marketplace', '/screen/marketplace', (ctx) => ctx.t('marketplace'), screenLink('showcase'), (ctx) => html`<ma-group header=${ctx.t('marketplace')}>
      ${MARKET_CATEGORIES.map((category) => html`<ma-cell href=${screenLink('marketplace-category', category.id)} chevron subtitle=${category.items.map((item) => item.title[ctx.locale]).join(', ')}>${category.title[ctx.locale]}</ma-cell>`)}
    </ma-group>`),
  screen('category-list', '/screen/category-list', (ctx) => ctx.t('categories'), screenLink('marketplace'), (ctx) => html`<ma-group header=${ctx.t('allCategories')}>
      ${MARKET_CATEGORIES.map((category) => html`<ma-cell href=${screenLink('marketplace-category', category.id)} chevron>${category.title[ctx.locale]}</ma-cell>`)}
    </ma-group>`),
  screen('marketplace-category', '/screen/marketplace-category/:id', (ctx) => ctx.t('marketplaceCategory'), screenLink('marketplace'), (ctx) => {
    const category = MARKET_CATEGORIES.find((candidate) => candidate.id === ctx.params.id);
    if (!category) return missing(ctx);
    return html`<ma-group header=${category.title[ctx.locale]}>
      ${category.items.map((item) => html`<ma-cell>${item.title[ctx.locale]}<span slot="after">${formatRoubles(ctx.locale, item.price)}</span></ma-cell>`)}
    </ma-group>`;
  }),
];
