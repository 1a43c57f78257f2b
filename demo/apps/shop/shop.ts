// Corner Bakery: a shop written only with the SDK and the kit, as an author would. Its catalogue
// and orders come from the bakery's own backend (partner/orders-route.ts), which marks an order
// paid only once it has verified the host's receipt. The cart and the orders the resident sees
// are kept in the host's storage (the frame's own storage is blocked in a cross-site frame).
import { css, html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { connect, MiniAppError, type MiniApp, type PushOpen } from '../../../src/sdk/index.ts';
import { applyTheme } from '../../../ui-kit/tokens/index.ts';
import '../../../ui-kit/components/group/group.ts';
import '../../../ui-kit/components/cell/cell.ts';
import '../../../ui-kit/components/button/button.ts';
import '../../../ui-kit/components/placeholder/placeholder.ts';
import '../../../ui-kit/components/counter/counter.ts';
import '../../../ui-kit/components/badge/badge.ts';
import '../../../ui-kit/components/spinner/spinner.ts';
import { BakeryError, createBakeryClient, type BakeryClient } from './bakery-client.ts';
import type { Product } from './partner/catalogue.ts';
import { hostKeysFromParent } from './partner/host-keys.ts';
import { createBakeryBackend, PARTNER_BASE } from './partner/orders-route.ts';

/** The issuer of the demo host's tokens and receipts (what a partner configures for its host). */
export const DEMO_HOST_ISSUER = 'miniapps-demo-host';

type Texts = (en: string, ru: string) => string;

/** An order as the shop shows it: the backend's answer, with the receipt kept for its download. */
interface ShownOrder {
  id: string;
  amount: number;
  status: string;
  paymentId?: string;
  failureReason?: string;
  receipt?: string;
  lines: { productId: string; quantity: number }[];
  createdAt: number;
}

type BadgeMode = 'accent' | 'positive' | 'negative' | 'warning' | 'neutral';

/** The statuses the shop knows. The host and the bakery may add others: those show as they come. */
const STATUSES = (t: Texts): Record<string, { text: string; mode: BadgeMode }> => ({
  created: { text: t('Awaiting payment', 'Ожидает оплаты'), mode: 'warning' },
  'awaiting-confirmation': { text: t('Paid, the bakery is confirming', 'Оплачен, пекарня подтверждает'), mode: 'warning' },
  paid: { text: t('Paid', 'Оплачен'), mode: 'positive' },
  'payment-failed': { text: t('Payment failed', 'Оплата не прошла'), mode: 'negative' },
  cancelled: { text: t('Cancelled', 'Отменён'), mode: 'negative' },
  baking: { text: t('Baking', 'Печётся'), mode: 'accent' },
  delivered: { text: t('Delivered', 'Доставлен'), mode: 'positive' },
});

const ORDERS_KEY = 'orders';
const CART_KEY = 'cart';
const orderKey = (id: string) => `order:${id}`;
const MAX_ORDERS = 20;

@customElement('demo-shop')
export class DemoShop extends LitElement {
  static override styles = css`
    :host { display: block; padding-bottom: var(--ma-space-xl); color: var(--ma-color-text); }
    h1 { margin: 0; padding: var(--ma-space-l) var(--ma-space-l) var(--ma-space-xs); font-size: var(--ma-font-size-title-2, 22px); }
    .actions { display: flex; flex-direction: column; gap: var(--ma-space-s); padding: var(--ma-space-m) var(--ma-space-l); }
    .row { display: flex; flex-wrap: wrap; gap: var(--ma-space-s); padding: 0 var(--ma-space-l) var(--ma-space-m); }
    .message { margin: 0; padding: 0 var(--ma-space-l); }
    .error { color: var(--ma-color-negative); }
    .center { display: flex; justify-content: center; padding: var(--ma-space-xl); }
  `;

  @state() private app: MiniApp | undefined;
  @state() private locale = 'en';
  @state() private products: Product[] = [];
  @state() private cart: Record<string, number> = {};
  @state() private orders: ShownOrder[] = [];
  @state() private message = '';
  @state() private failed = false;
  @state() private busy = false;
  @state() private loading = true;
  @state() private notEmbedded = false;
  @state() private opened: string | undefined;
  private bakery: BakeryClient | undefined;

  private get t(): Texts {
    const ru = this.locale.startsWith('ru');
    return (en, russian) => (ru ? russian : en);
  }

  private money(minor: number): string {
    return new Intl.NumberFormat(this.locale.startsWith('ru') ? 'ru-RU' : 'en-GB', { style: 'currency', currency: 'RUB' }).format(minor / 100);
  }

  private name(product: Product | undefined, id: string): string {
    return product ? product.name[this.locale.startsWith('ru') ? 'ru' : 'en'] : id;
  }

  override async connectedCallback(): Promise<void> {
    super.connectedCallback();
    let app: MiniApp;
    try {
      app = await connect();
    } catch (error) {
      this.notEmbedded = error instanceof MiniAppError && error.code === 'NOT_EMBEDDED';
      this.fail(error);
      this.loading = false;
      return;
    }
    this.app = app;
    this.locale = app.launch.locale;
    app.on('theme', (theme) => applyTheme(theme));
    app.on('push-open', (push) => this.openFromPush(push));
    try {
      const [{ launchToken }, saved] = await Promise.all([app.user.get(), app.storage.getMany([CART_KEY, ORDERS_KEY])]);
      // The demo runs the bakery's backend in this frame, where the host's JWKS route cannot be fetched: the host page hands its keys over.
      const backend = createBakeryBackend({ hostKeys: hostKeysFromParent(app.launch.hostOrigin), issuer: DEMO_HOST_ISSUER });
      this.bakery = createBakeryClient({ fetch: backend.fetch, baseUrl: new URL(PARTNER_BASE, location.origin).href, launchToken });
      this.cart = saved[CART_KEY] ? (JSON.parse(saved[CART_KEY]) as Record<string, number>) : {};
      const ids = saved[ORDERS_KEY] ? (JSON.parse(saved[ORDERS_KEY]) as string[]) : [];
      const stored = ids.length ? await app.storage.getMany(ids.map(orderKey)) : {};
      this.orders = ids.flatMap((id) => (stored[orderKey(id)] ? [JSON.parse(stored[orderKey(id)]!) as ShownOrder] : []));
      this.products = await this.bakery.catalogue();
      if (app.launch.push) this.openFromPush(app.launch.push);
      else if (app.launch.route.startsWith('/orders/')) this.opened = app.launch.route.slice('/orders/'.length);
    } catch (error) {
      this.fail(error);
    } finally {
      this.loading = false;
    }
    await this.updateComplete;
    await app.ready();
  }

  private fail(error: unknown): void {
    const t = this.t;
    this.failed = true;
    if (error instanceof MiniAppError && error.code === 'UNAUTHORIZED') this.message = t('Sign in to the super-app to order.', 'Войдите в суперприложение, чтобы заказать.');
    else if (error instanceof MiniAppError || error instanceof BakeryError) this.message = `${error.code}: ${error.message}`;
    else this.message = error instanceof Error ? error.message : String(error);
  }

  private say(text: string): void {
    this.failed = false;
    this.message = text;
  }

  private openFromPush(push: PushOpen): void {
    if (push.route?.startsWith('/orders/')) this.opened = push.route.slice('/orders/'.length);
    void this.updateComplete.then(() => this.renderRoot.querySelector(`#${push.anchor || 'orders'}`)?.scrollIntoView({ block: 'start' }));
  }

  private get total(): number {
    return Object.entries(this.cart).reduce((sum, [id, count]) => sum + (this.products.find((product) => product.id === id)?.price ?? 0) * count, 0);
  }

  private async setCart(cart: Record<string, number>): Promise<void> {
    this.cart = cart;
    await this.app!.storage.set(CART_KEY, JSON.stringify(cart)).catch((error: unknown) => this.fail(error));
  }

  private add(product: Product): Promise<void> {
    return this.setCart({ ...this.cart, [product.id]: (this.cart[product.id] ?? 0) + 1 });
  }

  private removeOne(product: Product): Promise<void> {
    const { [product.id]: count = 0, ...rest } = this.cart;
    return this.setCart(count > 1 ? { ...rest, [product.id]: count - 1 } : rest);
  }

  private async keep(order: ShownOrder): Promise<void> {
    const others = this.orders.filter((each) => each.id !== order.id);
    const kept = [order, ...others].slice(0, MAX_ORDERS);
    const dropped = [order, ...others].slice(MAX_ORDERS).map((each) => orderKey(each.id));
    this.orders = kept;
    const storage = this.app!.storage;
    await storage.set(orderKey(order.id), JSON.stringify(order));
    await storage.set(ORDERS_KEY, JSON.stringify(kept.map((each) => each.id)));
    if (dropped.length) await storage.remove(...dropped);
  }

  /** Order at the bakery, pay on the host's screen, then let the bakery verify the receipt. */
  private async pay(): Promise<void> {
    const app = this.app!;
    const t = this.t;
    this.busy = true;
    this.message = '';
    let shown: ShownOrder | undefined;
    try {
      const lines = Object.entries(this.cart).map(([productId, quantity]) => ({ productId, quantity }));
      const order = await this.bakery!.createOrder(lines);
      shown = { id: order.id, amount: order.amount, status: order.status, lines: order.lines, createdAt: order.createdAt };
      await this.keep(shown);
      const result = await app.payments.pay({
        orderId: order.id,
        amount: order.amount,
        currency: order.currency,
        description: t(`Corner Bakery, order ${order.id}`, `Corner Bakery, заказ ${order.id}`),
        idempotencyKey: `pay:${order.id}`,
      });
      shown = { ...shown, paymentId: result.paymentId, receipt: result.receipt, status: result.status === 'succeeded' ? 'awaiting-confirmation' : 'payment-failed', ...(result.failureReason ? { failureReason: result.failureReason } : {}) };
      await this.keep(shown);
      await this.confirm(shown);
      if (this.orders[0]?.status === 'paid') await this.setCart({});
    } catch (error) {
      if (shown && error instanceof MiniAppError && error.code === 'CANCELLED') {
        await this.keep({ ...shown, status: 'cancelled' });
        this.say(t('The payment was cancelled.', 'Оплата отменена.'));
      } else this.fail(error);
    } finally {
      this.busy = false;
    }
  }

  /** Sends the order's receipt to the bakery; its answer is the order's status. */
  private async confirm(order: ShownOrder): Promise<void> {
    const t = this.t;
    if (!order.receipt) return;
    try {
      const confirmed = await this.bakery!.sendReceipt(order.id, order.receipt);
      await this.keep({ ...order, status: confirmed.status, ...(confirmed.failureReason ? { failureReason: confirmed.failureReason } : {}) });
      this.say(confirmed.status === 'paid' ? t('Paid. The bakery has confirmed your order.', 'Оплачено. Пекарня подтвердила заказ.') : t('The payment did not go through.', 'Оплата не прошла.'));
    } catch (error) {
      // The money is taken once the host says so; only the bakery's confirmation is pending.
      if (error instanceof BakeryError && error.code === 'HOST_KEYS_UNAVAILABLE') {
        this.failed = true;
        this.message = t('Paid. The bakery could not check the receipt yet; try again later.', 'Оплачено. Пекарня пока не смогла проверить чек; попробуйте позже.');
      } else this.fail(error);
    }
  }

  private async refresh(order: ShownOrder): Promise<void> {
    try {
      if (order.status === 'awaiting-confirmation') return await this.confirm(order);
      const current = await this.bakery!.order(order.id);
      await this.keep({ ...order, status: current.status });
    } catch (error) {
      this.fail(error);
    }
  }

  private async notify(order: ShownOrder): Promise<void> {
    const t = this.t;
    try {
      const sent = await this.app!.push.send({
        id: `ready-${order.id}`,
        title: t('Your order is on its way', 'Заказ в пути'),
        body: t(`Order ${order.id}, ${this.money(order.amount)}`, `Заказ ${order.id}, ${this.money(order.amount)}`),
        route: `/orders/${order.id}`,
        anchor: 'orders',
      });
      this.say(sent.delivered ? t('We will let you know: the notification is sent.', 'Уведомление отправлено.') : t('This notification was sent already.', 'Это уведомление уже отправлено.'));
    } catch (error) {
      if (error instanceof MiniAppError && error.code === 'RATE_LIMITED') this.say(t('One notification per half a minute: try again shortly.', 'Не чаще одного уведомления в полминуты.'));
      else this.fail(error);
    }
  }

  private receiptText(order: ShownOrder): string {
    const t = this.t;
    return [
      'Corner Bakery LLC',
      t(`Order ${order.id}`, `Заказ ${order.id}`),
      ...order.lines.map((line) => {
        const product = this.products.find((each) => each.id === line.productId);
        return `${this.name(product, line.productId)} × ${line.quantity}  ${this.money((product?.price ?? 0) * line.quantity)}`;
      }),
      t(`Total ${this.money(order.amount)}`, `Итого ${this.money(order.amount)}`),
      t(`Status ${order.status}`, `Статус ${order.status}`),
      t(`Payment ${order.paymentId ?? '-'}`, `Платёж ${order.paymentId ?? '-'}`),
      t('Signed receipt of the host:', 'Подписанный чек суперприложения:'),
      order.receipt ?? '-',
      '',
    ].join('\n');
  }

  private async download(order: ShownOrder): Promise<void> {
    try {
      await this.app!.files.download({ data: this.receiptText(order), name: `receipt-${order.id}.txt`, type: 'text/plain' });
    } catch (error) {
      this.fail(error);
    }
  }

  private async openScreen(link: Parameters<MiniApp['navigation']['open']>[0]): Promise<void> {
    try {
      await this.app!.navigation.open(link);
    } catch (error) {
      if (error instanceof MiniAppError && error.code === 'PERMISSION_DENIED') this.say(this.t('That screen is not available to you.', 'Этот раздел вам недоступен.'));
      else this.fail(error);
    }
  }

  private badge(status: string) {
    const known = STATUSES(this.t)[status];
    return html`<ma-badge slot="after" mode=${known?.mode ?? 'neutral'} data-status=${status}>${known?.text ?? status}</ma-badge>`;
  }

  override render() {
    const t = this.t;
    if (this.notEmbedded) return html`<h1>Corner Bakery</h1><ma-placeholder heading="Corner Bakery">${t('Open me from the super-app', 'Откройте меня из суперприложения')}</ma-placeholder>`;
    const count = Object.values(this.cart).reduce((sum, each) => sum + each, 0);
    return html`
      <h1>Corner Bakery</h1>
      ${this.loading ? html`<div class="center" role="status"><ma-spinner label=${t('Loading', 'Загрузка')}></ma-spinner></div>` : nothing}
      ${this.message ? html`<p class="message ${this.failed ? 'error' : ''}" role=${this.failed ? 'alert' : 'status'}>${this.message}</p>` : nothing}
      <ma-group header=${t('Catalogue', 'Каталог')}>
        ${this.products.map((product) => html`<ma-cell data-product=${product.id} subtitle=${this.money(product.price)} clickable @click=${() => this.add(product)}>
          ${this.name(product, product.id)}${this.cart[product.id] ? html`<ma-counter slot="after" value=${this.cart[product.id]!}></ma-counter>` : nothing}
        </ma-cell>`)}
      </ma-group>
      ${count
        ? html`<ma-group header=${t('Cart', 'Корзина')} id="cart">
            ${Object.entries(this.cart).map(([id, quantity]) => {
              const product = this.products.find((each) => each.id === id);
              return html`<ma-cell data-cart=${id} subtitle=${`${quantity} × ${this.money(product?.price ?? 0)}`}>
                ${this.name(product, id)}
                <ma-button slot="after" size="s" mode="tertiary" data-action="less" @click=${() => product && this.removeOne(product)}>${t('Remove one', 'Убрать одну')}</ma-button>
              </ma-cell>`;
            })}
          </ma-group>`
        : nothing}
      <div class="actions">
        <ma-button data-action="pay" ?disabled=${count === 0 || this.busy || !this.bakery} ?loading=${this.busy} @click=${() => this.pay()}>
          ${count ? t(`Pay ${this.money(this.total)}`, `Оплатить ${this.money(this.total)}`) : t('Add something to the cart', 'Добавьте товар в корзину')}
        </ma-button>
        <ma-button mode="secondary" data-action="bills" ?disabled=${!this.app} @click=${() => this.openScreen({ screen: 'bills' })}>
          ${t('My bills in the super-app', 'Мои счета в суперприложении')}
        </ma-button>
      </div>
      <ma-group id="orders" header=${t('Orders', 'Заказы')}>
        ${this.orders.length === 0 ? html`<ma-cell>${t('No orders yet', 'Заказов пока нет')}</ma-cell>` : nothing}
        ${this.orders.map((order) => html`
          <ma-cell multiline data-order=${order.id} subtitle=${`${this.money(order.amount)}${order.failureReason ? ` · ${order.failureReason}` : ''}`}>
            ${order.id}${order.id === this.opened ? html` <ma-badge mode="accent">${t('opened from a notification', 'открыт из уведомления')}</ma-badge>` : nothing}
            ${this.badge(order.status)}
          </ma-cell>
          <div class="row">
            ${order.status === 'paid'
              ? html`<ma-button size="s" mode="secondary" data-action="notify" @click=${() => this.notify(order)}>${t('Notify me when it ships', 'Сообщить об отправке')}</ma-button>`
              : nothing}
            ${order.receipt ? html`<ma-button size="s" mode="tertiary" data-action="download" @click=${() => this.download(order)}>${t('Download the receipt', 'Скачать чек')}</ma-button>` : nothing}
            <ma-button size="s" mode="tertiary" data-action="refresh" @click=${() => this.refresh(order)}>${t('Check the status', 'Проверить статус')}</ma-button>
          </div>`)}
      </ma-group>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'demo-shop': DemoShop;
  }
}
