import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { ALL_CAPABILITIES, METHOD_CAPABILITY, type Capability, type Insets, type MethodName, type Platform } from '../../protocol/index.ts';
import { brandPresets } from '../../../ui-kit/tokens/index.ts';
import type { DevHostConfig } from '../config.ts';
import { FAILURE_LABELS, failureModesOf, type FailureMode, type HostMethod } from './failures.ts';
import { LOCALES, SAFE_AREAS, VIEWPORTS, type DevSettings } from './settings.ts';

/** The methods a host implements, in the protocol's order. */
export const HOST_METHODS = (Object.keys(METHOD_CAPABILITY) as MethodName[]).filter((method): method is HostMethod => !method.startsWith('app.'));

const SIDES = ['top', 'right', 'bottom', 'left'] as const;

/**
 * The dev host's switches: the mock user and premises, capabilities, theme, locale, platform,
 * viewport, safe area and the failures to inject. Each change is a `devhost-change` event with
 * the settings that changed.
 */
@customElement('devhost-controls')
export class DevHostControls extends LitElement {
  static override styles = css`
    :host { display: block; font-size: 13px; color: var(--ma-color-text); }
    fieldset { border: 0; margin: 0; padding: 10px 12px; border-bottom: 1px solid var(--ma-color-separator); display: grid; gap: 6px; }
    legend { font-weight: 600; font-size: 12px; text-transform: uppercase; letter-spacing: 0.04em; color: var(--ma-color-text-secondary); padding: 10px 0 2px; float: left; width: 100%; }
    label { display: flex; align-items: center; gap: 6px; }
    .row { display: grid; grid-template-columns: 88px 1fr; align-items: center; gap: 6px; }
    .caps { display: grid; grid-template-columns: 1fr 1fr; gap: 2px 8px; }
    .sides { display: grid; grid-template-columns: repeat(4, 1fr); gap: 4px; }
    .sides label { flex-direction: column; align-items: stretch; gap: 0; font-size: 11px; color: var(--ma-color-text-secondary); }
    .methods { display: grid; grid-template-columns: 1fr auto; gap: 2px 6px; align-items: center; }
    .methods span { font-family: ui-monospace, monospace; font-size: 12px; }
    .methods span.off { color: var(--ma-color-text-secondary); text-decoration: line-through; }
    .methods select.failing { border-color: var(--ma-color-negative); color: var(--ma-color-negative); font-weight: 600; }
    select, input[type='number'] { font: inherit; min-height: 28px; min-width: 0; color: inherit; background: var(--ma-color-field, transparent);
      border: 1px solid var(--ma-color-field-border, #767676); border-radius: 6px; }
    input[type='number'] { width: 100%; box-sizing: border-box; padding: 0 4px; }
    select:focus-visible, input:focus-visible { outline: 2px solid var(--ma-color-brand); outline-offset: 1px; }
  `;

  @property({ attribute: false }) config: DevHostConfig | undefined;
  @property({ attribute: false }) settings: DevSettings | undefined;

  #change(changes: Partial<DevSettings>): void {
    this.dispatchEvent(new CustomEvent<Partial<DevSettings>>('devhost-change', { detail: changes, bubbles: true, composed: true }));
  }

  #setFailure(method: HostMethod, mode: FailureMode): void {
    const failures = this.settings!.failures;
    const modes = { ...failures.modes };
    if (mode === 'none') delete modes[method];
    else modes[method] = mode;
    this.#change({ failures: { ...failures, modes } });
  }

  #toggleCapability(capability: Capability, on: boolean): void {
    const current = this.settings!.capabilities;
    this.#change({ capabilities: on ? ALL_CAPABILITIES.filter((name) => name === capability || current.includes(name)) : current.filter((name) => name !== capability) });
  }

  override render() {
    const { config, settings } = this;
    if (!config || !settings) return html``;
    const user = config.users.find((candidate) => candidate.id === settings.userId);
    const viewport = VIEWPORTS.findIndex((preset) => preset.width === settings.viewport.width && preset.height === settings.viewport.height);
    const safeArea = SAFE_AREAS.findIndex((preset) => SIDES.every((side) => preset.insets[side] === settings.insets[side]));
    const value = (event: Event) => (event.target as HTMLSelectElement | HTMLInputElement).value;
    return html`
      <fieldset>
        <legend>User</legend>
        <label class="row">Mock user
          <select name="user" @change=${(event: Event) => {
            const next = config.users.find((candidate) => candidate.id === value(event));
            this.#change({ userId: value(event), premisesId: next?.premises[0]?.id });
          }}>
            ${config.users.map((candidate) => html`<option value=${candidate.id} ?selected=${candidate.id === settings.userId}>${candidate.name}</option>`)}
          </select>
        </label>
        <label class="row">Premises
          <select name="premises" ?disabled=${!user?.premises.length} @change=${(event: Event) => this.#change({ premisesId: value(event) })}>
            ${user?.premises.map((premises) => html`<option value=${premises.id} ?selected=${premises.id === settings.premisesId}>${premises.title}, ${premises.object.title}</option>`)}
          </select>
        </label>
      </fieldset>
      <fieldset>
        <legend>Capabilities granted</legend>
        <div class="caps">
          ${ALL_CAPABILITIES.map((capability) => html`<label><input type="checkbox" name="capability" value=${capability} .checked=${settings.capabilities.includes(capability)}
            @change=${(event: Event) => this.#toggleCapability(capability, (event.target as HTMLInputElement).checked)} />${capability}</label>`)}
        </div>
      </fieldset>
      <fieldset>
        <legend>Appearance</legend>
        <label class="row">Theme
          <select name="scheme" @change=${(event: Event) => this.#change({ scheme: value(event) as 'light' | 'dark' })}>
            <option value="light" ?selected=${settings.scheme === 'light'}>Light</option>
            <option value="dark" ?selected=${settings.scheme === 'dark'}>Dark</option>
          </select>
        </label>
        <label class="row">Brand
          <select name="brand" @change=${(event: Event) => this.#change({ brand: value(event) || undefined })}>
            ${brandPresets.map((preset) => html`<option value=${preset.brand ?? ''} ?selected=${(preset.brand ?? undefined) === settings.brand}>${preset.name}</option>`)}
          </select>
        </label>
        <label class="row">Locale
          <select name="locale" @change=${(event: Event) => this.#change({ locale: value(event) })}>
            ${LOCALES.map((locale) => html`<option value=${locale.tag} ?selected=${locale.tag === settings.locale}>${locale.name}</option>`)}
          </select>
        </label>
        <label class="row">Platform
          <select name="platform" @change=${(event: Event) => this.#change({ platform: value(event) as Platform })}>
            ${(['web', 'ios', 'android'] as const).map((platform) => html`<option value=${platform} ?selected=${platform === settings.platform}>${platform}</option>`)}
          </select>
        </label>
      </fieldset>
      <fieldset>
        <legend>Viewport and safe area</legend>
        <label class="row">Screen
          <select name="viewport" @change=${(event: Event) => {
            const preset = VIEWPORTS[Number(value(event))];
            if (preset) this.#change({ viewport: { width: preset.width, height: preset.height } });
          }}>
            ${VIEWPORTS.map((preset, index) => html`<option value=${index} ?selected=${index === viewport}>${preset.name}</option>`)}
            ${viewport < 0 ? html`<option selected value="">${settings.viewport.width} × ${settings.viewport.height}</option>` : ''}
          </select>
        </label>
        <div class="sides">
          ${(['width', 'height'] as const).map((side) => html`<label>${side}<input type="number" name=${`viewport-${side}`} min="200" max="1600" .value=${String(settings.viewport[side])}
            @change=${(event: Event) => this.#change({ viewport: { ...settings.viewport, [side]: clampNumber(value(event), 200, 1600) } })} /></label>`)}
        </div>
        <label class="row">Safe area
          <select name="safe-area" @change=${(event: Event) => {
            const preset = SAFE_AREAS[Number(value(event))];
            if (preset) this.#change({ insets: { ...preset.insets } });
          }}>
            ${SAFE_AREAS.map((preset, index) => html`<option value=${index} ?selected=${index === safeArea}>${preset.name}</option>`)}
            ${safeArea < 0 ? html`<option selected value="">Custom</option>` : ''}
          </select>
        </label>
        <div class="sides">
          ${SIDES.map((side) => html`<label>${side}<input type="number" name=${`inset-${side}`} min="0" max="200" .value=${String(settings.insets[side])}
            @change=${(event: Event) => this.#change({ insets: { ...settings.insets, [side]: clampNumber(value(event), 0, 200) } as Insets })} /></label>`)}
        </div>
      </fieldset>
      <fieldset>
        <legend>Host failures</legend>
        <label class="row">Timeout after
          <select name="timeout-ms" @change=${(event: Event) => this.#change({ failures: { ...settings.failures, timeoutMs: Number(value(event)) } })}>
            ${[1000, 3000, 10_000, 30_000].map((ms) => html`<option value=${ms} ?selected=${ms === settings.failures.timeoutMs}>${ms / 1000} s</option>`)}
          </select>
        </label>
        <div class="methods">
          ${HOST_METHODS.map((method) => {
            const mode = settings.failures.modes[method] ?? 'none';
            const capability = METHOD_CAPABILITY[method];
            const granted = capability === null || settings.capabilities.includes(capability);
            return html`<span class=${granted ? '' : 'off'} title=${granted ? '' : `${capability} is not granted: the host answers PERMISSION_DENIED`}>${method}</span>
              <select name=${`failure-${method}`} aria-label=${`${method} answers`} class=${mode === 'none' ? '' : 'failing'}
                @change=${(event: Event) => this.#setFailure(method, value(event) as FailureMode)}>
                ${failureModesOf(method).map((option) => html`<option value=${option} ?selected=${option === mode}>${FAILURE_LABELS[option]}</option>`)}
              </select>`;
          })}
        </div>
      </fieldset>`;
  }
}

function clampNumber(text: string, min: number, max: number): number {
  const number = Math.round(Number(text));
  return Number.isFinite(number) ? Math.min(max, Math.max(min, number)) : min;
}

declare global {
  interface HTMLElementTagNameMap {
    'devhost-controls': DevHostControls;
  }
  interface HTMLElementEventMap {
    'devhost-change': CustomEvent<Partial<DevSettings>>;
  }
}
