/**
 * The kit gallery (demo/kit.html): every component and state, grouped in sections, with switches
 * for the colour scheme, the brand (presets or any colour) and the locale. The same switches
 * read the URL on load, e.g. `kit.html?scheme=dark&brand=%23ffcc00&lang=ru`, for screenshots.
 */
import { html, render } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import '../../ui-kit/index.ts';
import { applyBrand, brandPresets, installTokens, lightColors, resetBrand, setColorScheme } from '../../ui-kit/tokens/index.ts';
import { sections as basics } from './sections-basics.ts';
import { sections as chat } from './sections-chat.ts';
import { sections as content } from './sections-content.ts';
import { sections as forms } from './sections-forms.ts';
import { sections as overlays } from './sections-overlays.ts';

type Scheme = 'auto' | 'light' | 'dark';

const params = new URLSearchParams(location.search);
const state = {
  scheme: (params.get('scheme') as Scheme | null) ?? 'auto',
  brand: params.get('brand') ?? '',
  lang: params.get('lang') === 'ru' ? 'ru' : 'en',
};

const groups = [
  { title: 'Basics', sections: basics },
  { title: 'Content', sections: content },
  { title: 'Forms', sections: forms },
  { title: 'Overlays', sections: overlays },
  { title: 'Chat', sections: chat },
];

function apply(): void {
  setColorScheme(state.scheme);
  if (state.brand) applyBrand({ brand: state.brand });
  else resetBrand();
  document.documentElement.lang = state.lang;
  const query = new URLSearchParams();
  if (state.scheme !== 'auto') query.set('scheme', state.scheme);
  if (state.brand) query.set('brand', state.brand);
  if (state.lang !== 'en') query.set('lang', state.lang);
  history.replaceState(null, '', `${location.pathname}${query.size ? `?${query}` : ''}${location.hash}`);
  update();
}

function set(change: Partial<typeof state>): void {
  Object.assign(state, change);
  apply();
}

const toolbar = () => html`<div class="toolbar" role="toolbar" aria-label="Gallery settings">
  <div class="toolbar-group" role="group" aria-label="Colour scheme">
    ${(['auto', 'light', 'dark'] as const).map((scheme) => html`<ma-button
      size="s"
      mode=${state.scheme === scheme ? 'primary' : 'secondary'}
      aria-pressed=${String(state.scheme === scheme)}
      @click=${() => set({ scheme })}
    >${scheme}</ma-button>`)}
  </div>
  <div class="toolbar-group" role="group" aria-label="Brand">
    ${brandPresets.map((preset) => html`<button
      class="brand-swatch"
      title=${preset.name}
      aria-label=${`Brand: ${preset.name}`}
      aria-pressed=${String(state.brand === (preset.brand ?? ''))}
      style=${`background: ${preset.brand ?? lightColors.brand}`}
      @click=${() => set({ brand: preset.brand ?? '' })}
    ></button>`)}
    <label class="colour-input">
      <input type="color" .value=${state.brand || lightColors.brand} @input=${(event: Event) => set({ brand: (event.target as HTMLInputElement).value })} />
      <ma-caption inline>Any</ma-caption>
    </label>
  </div>
  <div class="toolbar-group" role="group" aria-label="Language">
    ${(['en', 'ru'] as const).map((lang) => html`<ma-button
      size="s"
      mode=${state.lang === lang ? 'primary' : 'secondary'}
      aria-pressed=${String(state.lang === lang)}
      @click=${() => set({ lang })}
    >${lang.toUpperCase()}</ma-button>`)}
  </div>
</div>`;

function update(): void {
  render(
    html`<header class="page-header">
        <ma-title level="2">Mini-app UI kit</ma-title>
        <ma-subhead tone="secondary">Components on design tokens: light and dark, any brand, Russian and English.</ma-subhead>
        ${toolbar()}
        <nav class="toc" aria-label="Sections">
          ${groups.flatMap((group) => group.sections).map((section) => html`<a href=${`#${section.id}`}>${section.title}</a>`)}
        </nav>
      </header>
      ${keyed(state.lang, groups.map((group) => html`<ma-caption caps tone="secondary" class="group-title">${group.title}</ma-caption>
        ${group.sections.map((section) => html`<section class="section" id=${section.id} aria-labelledby=${`${section.id}-title`}>
          <ma-title level="3" heading-level="2" id=${`${section.id}-title`}>${section.title}</ma-title>
          <div class="section-body">${section.content()}</div>
        </section>`)}`))}`,
    document.getElementById('gallery')!,
  );
}

installTokens();
apply();
