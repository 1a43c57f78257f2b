/** Gallery sections: lists, cards, avatars and badges, feedback, empty states, images, navigation. */
import { html } from 'lit';
import '../../ui-kit/index.ts';
import {
  iconBell, iconCard, iconCart, iconChat, iconGrid, iconHome, iconLock, iconMore, iconSearch, iconStar, iconUser,
} from '../../ui-kit/icons/icons.ts';
import type { Section } from './sections-basics.ts';

const teal = 'data:image/svg+xml,' + encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" width="320" height="180"><defs><linearGradient id="g" x2="1" y2="1"><stop offset="0" stop-color="#0fb9b1"/><stop offset="1" stop-color="#3867d6"/></linearGradient></defs><rect width="320" height="180" fill="url(#g)"/><circle cx="250" cy="50" r="26" fill="#fed330"/><path d="M0 180 L110 80 L200 160 L250 120 L320 180Z" fill="#20bf6b"/></svg>',
);

export const sections: Section[] = [
  {
    id: 'cells',
    title: 'Cells and groups',
    content: () => html`
      <ma-group header="Contacts" footer="Tap a contact to start a chat." mode="card">
        <ma-cell subtitle="+7 900 123-45-67" chevron clickable>
          <ma-avatar slot="before" name="Anna Petrova"></ma-avatar>Anna Petrova
        </ma-cell>
        <ma-cell subtitle="Manager, building 4" chevron clickable>
          <ma-avatar slot="before" name="Ivan Sokolov" src=${teal}></ma-avatar>Ivan Sokolov
          <ma-counter slot="after" value="3"></ma-counter>
        </ma-cell>
        <ma-cell subtitle="Unavailable" disabled clickable>
          <ma-avatar slot="before" name="Olga Smirnova"></ma-avatar>Olga Smirnova
        </ma-cell>
      </ma-group>
      <ma-group header="Long lists" footer="The built-in avatar (avatar-name, avatar-src) renders fastest in lists of hundreds of rows.">
        <ma-cell avatar-name="Pavel Orlov" subtitle="Flat 45" chevron clickable>Pavel Orlov</ma-cell>
        <ma-cell avatar-name="Maria Ivanova" subtitle="Office 101" chevron clickable>Maria Ivanova</ma-cell>
      </ma-group>
      <ma-group header="Settings" separators>
        <ma-cell href="#cells" chevron><ma-icon slot="before" .icon=${iconBell}></ma-icon>Notifications
          <span slot="after">On</span></ma-cell>
        <ma-cell href="#cells" chevron><ma-icon slot="before" .icon=${iconLock}></ma-icon>Privacy</ma-cell>
        <ma-cell multiline subtitle="A multiline cell lets its title and subtitle wrap onto more lines instead of cutting them.">
          <ma-icon slot="before" .icon=${iconCard}></ma-icon>Payment cards saved by the host for quick checkout
        </ma-cell>
      </ma-group>
      <ma-group mode="plain" header="Plain group"><ma-cell subtitle="Full width">Row</ma-cell></ma-group>`,
  },
  {
    id: 'cards',
    title: 'Cards',
    content: () => html`<div class="cards">
      <ma-card>
        <ma-image src=${teal} ratio="16/9" alt="Mountains" style="--ma-image-radius: 0"></ma-image>
        <div class="card-body"><ma-headline>Weekend tour</ma-headline><ma-subhead tone="secondary">From 4,900 ₽</ma-subhead></div>
      </ma-card>
      <ma-card mode="outline" padded><ma-headline>Outline</ma-headline><ma-subhead tone="secondary">Order #1042 · paid</ma-subhead></ma-card>
      <ma-card mode="tint" padded><ma-headline>Tint</ma-headline><ma-subhead tone="secondary">Secondary surface</ma-subhead></ma-card>
    </div>`,
  },
  {
    id: 'avatars',
    title: 'Avatars, badges, counters, chips',
    content: () => html`
      <div class="row">
        ${(['24', '32', '40', '48', '56', '72'] as const).map((size) => html`<ma-avatar size=${size} name="Anna Petrova"></ma-avatar>`)}
        <ma-avatar size="56" name="Picture" src=${teal}></ma-avatar>
        <ma-avatar size="56" shape="square" name="Coffee Shop"></ma-avatar>
        <ma-avatar size="56" name="Broken" src="/no-such-avatar.png"></ma-avatar>
      </div>
      <div class="row">
        ${(['brand', 'accent', 'neutral', 'positive', 'negative', 'warning'] as const).map((mode) => html`<ma-badge mode=${mode}>${mode}</ma-badge>`)}
        <ma-badge dot label="New"></ma-badge>
      </div>
      <div class="row">
        <ma-counter value="3"></ma-counter><ma-counter value="42" mode="brand"></ma-counter>
        <ma-counter value="120" mode="neutral"></ma-counter><ma-counter value="7" size="l"></ma-counter>
      </div>
      <div class="row">
        <ma-chip>Moscow</ma-chip>
        <ma-chip removable @ma-remove=${(event: Event) => (event.target as HTMLElement).remove()}>Removable</ma-chip>
        <ma-chip mode="brand" removable @ma-remove=${(event: Event) => (event.target as HTMLElement).remove()}>
          <ma-icon slot="before" .icon=${iconStar} size="20"></ma-icon>Favourites</ma-chip>
        <ma-chip disabled removable>Disabled</ma-chip>
      </div>`,
  },
  {
    id: 'feedback',
    title: 'Spinner, skeleton, progress',
    content: () => html`
      <div class="row"><ma-spinner size="s"></ma-spinner><ma-spinner></ma-spinner><ma-spinner size="l"></ma-spinner>
        <span style="color: var(--ma-color-link)"><ma-spinner size="l"></ma-spinner></span></div>
      <div class="skeleton-row" aria-busy="true">
        <ma-skeleton shape="circle"></ma-skeleton>
        <div style="flex: 1"><ma-skeleton shape="text" style="--ma-skeleton-width: 60%"></ma-skeleton><ma-skeleton shape="text"></ma-skeleton></div>
      </div>
      <ma-progress value="30" label="Upload"></ma-progress>
      <ma-progress value="100" mode="positive" label="Done"></ma-progress>
      <ma-progress value="65" mode="negative" label="Quota"></ma-progress>
      <ma-progress label="Sending"></ma-progress>`,
  },
  {
    id: 'states',
    title: 'Placeholder and banners',
    content: () => html`
      <ma-card mode="outline">
        <ma-placeholder heading="No orders yet">
          <ma-icon slot="icon" .icon=${iconCart} size="56"></ma-icon>
          Your orders will appear here after the first purchase.
          <ma-button slot="action">Open the catalogue</ma-button>
        </ma-placeholder>
      </ma-card>
      <ma-banner heading="Water outage on Friday" dismissible>From 10:00 to 14:00 in building 4.</ma-banner>
      <ma-banner mode="positive" heading="Payment received">The order is on its way.</ma-banner>
      <ma-banner mode="warning" heading="Confirm your phone" dismissible>We could not reach you.
        <ma-button slot="actions" size="s">Confirm</ma-button><ma-button slot="actions" size="s" mode="tertiary">Later</ma-button>
      </ma-banner>
      <ma-banner mode="negative" heading="Payment failed">Try another card.</ma-banner>`,
  },
  {
    id: 'images',
    title: 'Images',
    content: () => html`<div class="cards">
      <ma-image src=${teal} ratio="16/9" alt="Landscape"></ma-image>
      <ma-image src="/no-such-image.png" ratio="16/9" alt="Missing picture"></ma-image>
      <div class="row">
        ${['1', '4/3', '3:4'].map((ratio) => html`<ma-image src=${teal} ratio=${ratio} alt=${`Ratio ${ratio}`} style="width: 96px"></ma-image>`)}
        <ma-image ratio="1" alt="Broken thumbnail" src="/no-such-thumbnail.png" style="width: 96px"></ma-image>
      </div>
    </div>`,
  },
  {
    id: 'navigation',
    title: 'Header, tabs, tab bar',
    content: () => html`
      <div class="phone">
        <ma-header back heading="Orders" subtitle="Building 4, flat 12" separator>
          <ma-icon-button slot="after" label="Search" .icon=${iconSearch}></ma-icon-button>
          <ma-icon-button slot="after" label="More" .icon=${iconMore}></ma-icon-button>
        </ma-header>
        <ma-tabs label="Orders" stretched>
          <ma-tab slot="nav" panel="active">Active</ma-tab>
          <ma-tab slot="nav" panel="done">Done</ma-tab>
          <ma-tab slot="nav" panel="archive" disabled>Archive</ma-tab>
          <ma-tab-panel name="active"><ma-cell subtitle="Delivery today" chevron clickable>Order #1042</ma-cell></ma-tab-panel>
          <ma-tab-panel name="done"><ma-cell subtitle="Delivered 12 May" chevron clickable>Order #977</ma-cell></ma-tab-panel>
          <ma-tab-panel name="archive">Archive</ma-tab-panel>
        </ma-tabs>
        <div class="phone-spacer"></div>
        <ma-tab-bar value="home">
          <ma-tab-bar-item name="home" .icon=${iconHome}>Home</ma-tab-bar-item>
          <ma-tab-bar-item name="services" .icon=${iconGrid}>Services</ma-tab-bar-item>
          <ma-tab-bar-item name="chats" .icon=${iconChat} counter="3">Chats</ma-tab-bar-item>
          <ma-tab-bar-item name="profile" .icon=${iconUser} dot>Profile</ma-tab-bar-item>
        </ma-tab-bar>
      </div>`,
  },
];
