/** Gallery sections: tokens, typography, buttons, links, icons. */
import { html, type TemplateResult } from 'lit';
import '../../ui-kit/index.ts';
import * as icons from '../../ui-kit/icons/icons.ts';
import { lightColors } from '../../ui-kit/tokens/tokens.ts';
import { iconArrowRight, iconHeart, iconPlus, iconSettings, iconShare } from '../../ui-kit/icons/icons.ts';

export interface Section {
  id: string;
  title: string;
  content: () => TemplateResult;
}

const row = (content: TemplateResult) => html`<div class="row">${content}</div>`;

const iconEntries = Object.entries(icons).filter(([name]) => name.startsWith('icon')) as Array<[string, string]>;

export const sections: Section[] = [
  {
    id: 'tokens',
    title: 'Tokens',
    content: () => html`
      <div class="swatches">
        ${Object.keys(lightColors).map((name) => html`<div class="swatch">
          <span style="background: var(--ma-color-${name})"></span><ma-caption>${name}</ma-caption>
        </div>`)}
      </div>
      <div class="row">
        ${['s', 'm', 'l'].map((size) => html`<div class="radius" style="border-radius: var(--ma-radius-${size})">radius ${size}</div>`)}
        ${[1, 2, 3].map((level) => html`<div class="radius" style="box-shadow: var(--ma-shadow-${level})">shadow ${level}</div>`)}
      </div>
      <div class="row">
        ${['2xs', 'xs', 's', 'm', 'l', 'xl', '2xl'].map((size) => html`<div class="space">
          <span style="width: var(--ma-space-${size})"></span><ma-caption>${size}</ma-caption></div>`)}
      </div>`,
  },
  {
    id: 'typography',
    title: 'Typography',
    content: () => html`
      <ma-title level="1" heading-level="0">Title 1 · Заголовок</ma-title>
      <ma-title level="2" heading-level="0">Title 2 · Заголовок</ma-title>
      <ma-title level="3" heading-level="0">Title 3 · Заголовок</ma-title>
      <ma-headline>Headline: a short emphasised line</ma-headline>
      <ma-text>Text: the body of a screen, sixteen pixels, easy to read on a phone.</ma-text>
      <ma-subhead tone="secondary">Subhead: secondary text under a title</ma-subhead>
      <ma-footnote tone="tertiary">Footnote: hints and notes</ma-footnote>
      <ma-caption caps tone="secondary">Caption in capitals</ma-caption>
      <div class="row">
        <ma-text inline tone="brand">brand</ma-text><ma-text inline tone="positive">positive</ma-text>
        <ma-text inline tone="negative">negative</ma-text><ma-text inline weight="bold">bold</ma-text>
        <ma-text inline weight="medium">medium</ma-text>
      </div>`,
  },
  {
    id: 'buttons',
    title: 'Buttons',
    content: () => html`
      ${row(html`${(['primary', 'secondary', 'tertiary', 'outline', 'destructive'] as const).map(
        (mode) => html`<ma-button mode=${mode}>${mode[0]!.toUpperCase() + mode.slice(1)}</ma-button>`,
      )}`)}
      ${row(html`<ma-button size="s">Small</ma-button><ma-button size="m">Medium</ma-button><ma-button size="l">Large</ma-button>`)}
      ${row(html`
        <ma-button><ma-icon slot="before" .icon=${iconPlus} size="20"></ma-icon>Add</ma-button>
        <ma-button mode="secondary">Next<ma-icon slot="after" .icon=${iconArrowRight} size="20"></ma-icon></ma-button>
        <ma-button loading>Paying</ma-button>
        <ma-button disabled>Disabled</ma-button>
        <ma-button mode="outline" href="#buttons">Link</ma-button>`)}
      <ma-button stretched size="l">Pay 1,290 ₽</ma-button>`,
  },
  {
    id: 'icon-buttons',
    title: 'Icon buttons and links',
    content: () => html`
      ${row(html`
        <ma-icon-button label="Share" .icon=${iconShare}></ma-icon-button>
        <ma-icon-button label="Favourite" mode="tinted" .icon=${iconHeart}></ma-icon-button>
        <ma-icon-button label="Settings" mode="secondary" size="m" .icon=${iconSettings}></ma-icon-button>
        <ma-icon-button label="Add" size="s" .icon=${iconPlus}></ma-icon-button>
        <ma-icon-button label="Disabled" disabled .icon=${iconShare}></ma-icon-button>`)}
      <ma-text>Read the <ma-link href="#icon-buttons">offer</ma-link>, the <ma-link href="https://example.com" external>rules</ma-link>
        or <ma-link underline>show more</ma-link>.</ma-text>`,
  },
  {
    id: 'icons',
    title: `Icons (${iconEntries.length})`,
    content: () => html`<div class="icons">
      ${iconEntries.map(([name, data]) => html`<div class="icon-tile"><ma-icon .icon=${data}></ma-icon>
        <ma-caption tone="secondary">${name.slice(4)}</ma-caption></div>`)}
    </div>`,
  },
];
