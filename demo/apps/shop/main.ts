// The demo's shop: a mini-app written only with the SDK and the kit, as an author would. It shows
// a catalogue, a cart, pays through the host, keeps the order's receipt, notifies the user by push
// (tapping it opens the order), opens a host screen and downloads a receipt file.
import { css, html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { connect, MiniAppError, type MiniApp, type PayResult, type PushOpen } from '../../../src/sdk/index.ts';
import { readLaunch } from '../../../src/sdk/launch.ts';
import { applyTheme, installTokens } from '../../../ui-kit/tokens/index.ts';
import '../../../ui-kit/components/group/group.ts';
import '../../../ui-kit/components/cell/cell.ts';
import '../../../ui-kit/components/button/button.ts';
import '../../../ui-kit/components/placeholder/placeholder.ts';
import '../../../ui-kit/components/typography/typography.ts';
import '../../../ui-kit/components/counter/counter.ts';
import '../../../ui-kit/components/badge/badge.ts';

installTokens();
const early = readLaunch();
if (early) {
  applyTheme(early.theme);
  document.documentElement.lang = early.locale;
}
const ru = early?.locale.startsWith('ru') ?? false;
const t = (en: string, russian: string) => (ru ? russian : en);

interface Product {
  id: string;
  name: string;
  price: number; // kopecks
}

const PRODUCTS: Product[] = [
  { id: 'bread', name: t('Rye bread', 'Ржаной хлеб'), price: 12_000 },
  { id: 'croissant', name: t('Croissant', 'Круассан'), price: 9_500 },
  { id: 'milk', name: t('Farm milk, 1 l', 'Фермерское молоко, 1 л'), price: 14_900 },
];

/** Order statuses the shop knows; the host may report others, which are shown as they come. */
const STATUS_TEXT: Record<string, string> = {
  succeeded: t('Paid', 'Оплачен'),
  failed: t('Payment failed', 'Оплата не прошла'),
  cancelled: t('Cancelled', 'Отменён'),
  created: t('Awaiting payment', 'Ожидает оплаты'),
};

const money = (minor: number) => new Intl.NumberFormat(ru ? 'ru-RU' : 'en-GB', { style: 'currency', currency: 'RUB' }).format(minor / 100);

interface Order {
  id: string;
  total: number;
  status: string;
  receipt?: string;
  failureReason?: string;
}

@customElement('demo-shop')
export class DemoShop extends LitElement {
  static override styles = css`
    :host { display: block; padding-bottom: var(--ma-space-xl); color: var(--ma-color-text); }
    h1 { margin: var(--ma-space-l) var(--ma-space-l) 0; font-size: 22px; }
    .actions { display: flex; flex-direction: column; gap: var(--ma-space-s); padding: var(--ma-space-l); }
    .message { padding: 0 var(--ma-space-l); }
    .message.error { color: var(--ma-color-negative); }
    code { font-size: 11px; word-break: break-all; }
  `;

  @state() private app: MiniApp | undefined;
  @state() private cart = new Map<string, number>();
  @state() private orders: Order[] = [];
  @state() private message = '';
  @state() private failed = false;
  @state() private busy = false;
  @state() private opened: string | undefined;

  override async connectedCallback(): Promise<void> {
    super.connectedCallback();
    try {
      const app = await connect();
      this.app = app;
      app.on('theme', (theme) => applyTheme(theme));
      app.on('push-open', (push) => this.openFromPush(push));
      if (app.launch.push) this.openFromPush(app.launch.push);
      else if (app.launch.route.startsWith('/orders/')) this.opened = app.launch.route.slice('/orders/'.length);
      const saved = app.supports('storage.get') ? await app.storage.get('orders').catch(() => null) : null;
      if (saved) this.orders = JSON.parse(saved) as Order[];
      await this.updateComplete;
      await app.ready();
    } catch (error) {
      this.fail(error);
    }
  }

  private fail(error: unknown): void {
    this.failed = true;
    this.message = error instanceof MiniAppError ? `${error.code}: ${error.message}` : String(error);
  }

  private openFromPush(push: PushOpen): void {
    if (push.route?.startsWith('/orders/')) this.opened = push.route.slice('/orders/'.length);
    void this.updateComplete.then(() => this.renderRoot.querySelector(`#${push.anchor || 'orders'}`)?.scrollIntoView({ block: 'start' }));
  }

  private get total(): number {
    return [...this.cart].reduce((sum, [id, count]) => sum + PRODUCTS.find((product) => product.id === id)!.price * count, 0);
  }

  private add(product: Product): void {
    const cart = new Map(this.cart);
    cart.set(product.id, (cart.get(product.id) ?? 0) + 1);
    this.cart = cart;
  }

  private async pay(): Promise<void> {
    const app = this.app!;
    const orderId = `order-${Date.now().toString(36)}`;
    const order: Order = { id: orderId, total: this.total, status: 'created' };
    this.busy = true;
    this.message = '';
    try {
      const result: PayResult = await app.payments.pay({ orderId, amount: order.total, currency: 'RUB', description: t(`Corner Bakery order ${orderId}`, `Заказ ${orderId} в Corner Bakery`) });
      Object.assign(order, { status: result.status, receipt: result.receipt, ...(result.failureReason && { failureReason: result.failureReason }) });
      if (result.status === 'succeeded') this.cart = new Map();
    } catch (error) {
      order.status = error instanceof MiniAppError && error.code === 'CANCELLED' ? 'cancelled' : 'created';
      this.fail(error);
    } finally {
      this.busy = false;
    }
    this.orders = [order, ...this.orders].slice(0, 20);
    if (app.supports('storage.set')) await app.storage.set('orders', JSON.stringify(this.orders)).catch(() => undefined);
  }

  private async notify(order: Order): Promise<void> {
    try {
      await this.app!.push.send({
        id: `shipped-${order.id}`,
        title: t('Your order is on its way', 'Заказ в пути'),
        body: t(`Order ${order.id}, ${money(order.total)}`, `Заказ ${order.id}, ${money(order.total)}`),
        route: `/orders/${order.id}`,
        anchor: 'orders',
      });
      this.failed = false;
      this.message = t('The notification is sent', 'Уведомление отправлено');
    } catch (error) {
      this.fail(error);
    }
  }

  private download(order: Order): void {
    const text = [`Corner Bakery`, `Order ${order.id}`, `Total ${money(order.total)}`, `Status ${order.status}`, `Receipt ${order.receipt ?? '—'}`].join('\n');
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
    const link = Object.assign(document.createElement('a'), { href: url, download: `${order.id}.txt` });
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  private async run(action: () => Promise<unknown>): Promise<void> {
    try {
      await action();
    } catch (error) {
      this.fail(error);
    }
  }

  override render() {
    if (!early) return html`<ma-placeholder heading="Corner Bakery">${t('Open me from the super-app', 'Откройте меня из суперприложения')}</ma-placeholder>`;
    const count = [...this.cart.values()].reduce((sum, each) => sum + each, 0);
    return html`
      <h1>Corner Bakery</h1>
      <ma-group header=${t('Catalogue', 'Каталог')}>
        ${PRODUCTS.map((product) => html`<ma-cell subtitle=${money(product.price)} clickable @click=${() => this.add(product)}>
          ${product.name}${this.cart.get(product.id) ? html`<ma-counter slot="after" value=${this.cart.get(product.id)!}></ma-counter>` : nothing}
        </ma-cell>`)}
      </ma-group>
      <div class="actions">
        <ma-button ?disabled=${count === 0 || this.busy || !this.app} ?loading=${this.busy} @click=${() => this.pay()}>
          ${count ? t(`Pay ${money(this.total)}`, `Оплатить ${money(this.total)}`) : t('Add something to the cart', 'Добавьте товар в корзину')}
        </ma-button>
        <ma-button mode="secondary" ?disabled=${!this.app?.supports('navigation.open')} @click=${() => this.run(() => this.app!.navigation.open({ screen: 'bills' }))}>
          ${t('My bills in the super-app', 'Мои счета в суперприложении')}
        </ma-button>
      </div>
      ${this.message ? html`<p class="message ${this.failed ? 'error' : ''}" role="status">${this.message}</p>` : nothing}
      <ma-group id="orders" header=${t('Orders', 'Заказы')}>
        ${this.orders.length === 0 ? html`<ma-cell>${t('No orders yet', 'Заказов пока нет')}</ma-cell>` : nothing}
        ${this.orders.map((order) => html`
          <ma-cell multiline subtitle=${`${money(order.total)} · ${STATUS_TEXT[order.status] ?? order.status}${order.failureReason ? ` (${order.failureReason})` : ''}`}>
            ${order.id}${order.id === this.opened ? html` <ma-badge mode="positive">${t('opened from a push', 'открыт из уведомления')}</ma-badge>` : nothing}
          </ma-cell>
          ${order.status === 'succeeded'
            ? html`<div class="actions">
                <ma-button size="s" mode="secondary" @click=${() => this.notify(order)}>${t('Notify me when it ships', 'Сообщить об отправке')}</ma-button>
                <ma-button size="s" mode="tertiary" @click=${() => this.download(order)}>${t('Download the receipt', 'Скачать чек')}</ma-button>
              </div>`
            : nothing}`)}
      </ma-group>
    `;
  }
}
