// The utility calculator: a mini-app that needs no user data and so no SDK. It reads the host's
// theme and language from the launch fragment itself, and is built from the kit only.
import { css, html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { installTokens, setColorScheme } from '../../../ui-kit/tokens/index.ts';
import '../../../ui-kit/components/group/group.ts';
import '../../../ui-kit/components/cell/cell.ts';
import '../../../ui-kit/components/input/input.ts';
import '../../../ui-kit/components/button/button.ts';
import { billLine, billTotal, parseReading, ReadingError, TARIFFS, type BillLine, type Tariff } from './bill.ts';

interface LaunchHints {
  scheme?: 'light' | 'dark';
  locale?: string;
}

/** The theme and locale of the launch fragment (`#miniapp=<JSON>`); nothing outside a host. */
export function readLaunchHints(hash: string): LaunchHints {
  const encoded = /^#miniapp=(.*)$/.exec(hash)?.[1];
  if (!encoded) return {};
  try {
    const launch = JSON.parse(decodeURIComponent(encoded)) as { theme?: { scheme?: unknown }; locale?: unknown };
    const scheme = launch.theme?.scheme;
    return {
      ...(scheme === 'light' || scheme === 'dark' ? { scheme } : {}),
      ...(typeof launch.locale === 'string' ? { locale: launch.locale } : {}),
    };
  } catch {
    // A fragment that is not ours: the system's scheme and the page's language apply.
    return {};
  }
}

installTokens();
const hints = readLaunchHints(location.hash);
// No scheme from a host: the kit's tokens follow prefers-color-scheme.
setColorScheme(hints.scheme ?? 'auto');
const ru = (hints.locale ?? navigator.language).toLowerCase().startsWith('ru');
document.documentElement.lang = ru ? 'ru' : 'en';
const t = (en: string, russian: string) => (ru ? russian : en);

const ERRORS: Record<ReadingError['reason'], string> = {
  empty: t('Type the reading', 'Введите показание'),
  'not-a-number': t('Type digits, e.g. 1234,5', 'Введите число, например 1234,5'),
  negative: t('A reading cannot be negative', 'Показание не может быть отрицательным'),
  'too-precise': t('At most three digits after the point', 'Не больше трёх знаков после запятой'),
  'too-large': t('At most eight digits before the point', 'Не больше восьми цифр до запятой'),
  'below-previous': t('Below the previous reading', 'Меньше предыдущего показания'),
};

const money = (kopecks: number) => new Intl.NumberFormat(ru ? 'ru-RU' : 'en-GB', { style: 'currency', currency: 'RUB' }).format(kopecks / 100);
const amount = (thousandths: number) => new Intl.NumberFormat(ru ? 'ru-RU' : 'en-GB', { maximumFractionDigits: 3 }).format(thousandths / 1000);

type Readings = Record<string, { previous: string; current: string }>;

@customElement('utility-calculator')
export class UtilityCalculator extends LitElement {
  static override styles = css`
    :host { display: block; padding-bottom: var(--ma-space-xl); color: var(--ma-color-text); }
    h1 { margin: 0; padding: var(--ma-space-l) var(--ma-space-l) var(--ma-space-xs); font-size: var(--ma-font-size-title-2, 22px); }
    .lead { margin: 0; padding: 0 var(--ma-space-l) var(--ma-space-s); color: var(--ma-color-text-secondary); }
    .meter { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: var(--ma-space-s); padding: var(--ma-space-s) var(--ma-space-l) var(--ma-space-m); }
    .actions { padding: var(--ma-space-m) var(--ma-space-l); }
  `;

  @state() private readings: Readings = Object.fromEntries(TARIFFS.map((tariff) => [tariff.id, { previous: '', current: '' }]));
  @state() private submitted = false;

  private set(tariff: Tariff, field: 'previous' | 'current', event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    this.readings = { ...this.readings, [tariff.id]: { ...this.readings[tariff.id]!, [field]: value } };
  }

  /** Each meter's line, or the errors of its two fields; a meter left blank is not billed. */
  private evaluate(tariff: Tariff): { line?: BillLine; previousError?: string; currentError?: string } {
    const { previous, current } = this.readings[tariff.id]!;
    if (previous.trim() === '' && current.trim() === '' && !this.submitted) return {};
    if (previous.trim() === '' && current.trim() === '') return {};
    const read = (text: string) => {
      try {
        return { value: parseReading(text) };
      } catch (error) {
        if (error instanceof ReadingError) return { error: ERRORS[error.reason] };
        throw error;
      }
    };
    const before = read(previous);
    const after = read(current);
    if (before.error || after.error) return { ...(before.error ? { previousError: before.error } : {}), ...(after.error ? { currentError: after.error } : {}) };
    try {
      return { line: billLine(tariff, before.value!, after.value!) };
    } catch (error) {
      if (error instanceof ReadingError) return { currentError: ERRORS[error.reason] };
      throw error;
    }
  }

  override render() {
    const results = TARIFFS.map((tariff) => ({ tariff, ...this.evaluate(tariff) }));
    const lines = results.flatMap((result) => (result.line ? [result.line] : []));
    const invalid = results.some((result) => result.previousError || result.currentError);
    return html`
      <h1>${t('Utility calculator', 'Калькулятор ЖКУ')}</h1>
      <p class="lead">${t('Type the previous and the current reading of each meter.', 'Введите прошлое и текущее показание каждого счётчика.')}</p>
      <form @submit=${(event: Event) => { event.preventDefault(); this.submitted = true; }}>
        ${results.map(({ tariff, previousError, currentError }) => html`
          <ma-group header=${`${tariff.name[ru ? 'ru' : 'en']} · ${money(tariff.price)} / ${tariff.unit[ru ? 'ru' : 'en']}`}>
            <div class="meter">
              <ma-input name=${`${tariff.id}-previous`} inputmode="decimal" label=${t('Previous', 'Прошлое')} .value=${this.readings[tariff.id]!.previous}
                error=${previousError ?? ''} @input=${(event: Event) => this.set(tariff, 'previous', event)}></ma-input>
              <ma-input name=${`${tariff.id}-current`} inputmode="decimal" label=${t('Current', 'Текущее')} .value=${this.readings[tariff.id]!.current}
                error=${currentError ?? ''} @input=${(event: Event) => this.set(tariff, 'current', event)}></ma-input>
            </div>
          </ma-group>`)}
        <div class="actions"><ma-button type="submit" stretched>${t('Calculate', 'Рассчитать')}</ma-button></div>
      </form>
      <ma-group header=${t('Your bill', 'Ваш счёт')} aria-live="polite">
        ${lines.map((line) => html`<ma-cell subtitle=${`${amount(line.consumption)} ${line.tariff.unit[ru ? 'ru' : 'en']} × ${money(line.tariff.price)}`} data-line=${line.tariff.id}>
          ${line.tariff.name[ru ? 'ru' : 'en']}<span slot="after">${money(line.cost)}</span></ma-cell>`)}
        ${lines.length === 0 ? html`<ma-cell multiline>${invalid ? t('Correct the readings marked above.', 'Исправьте отмеченные показания.') : t('No readings yet.', 'Показаний пока нет.')}</ma-cell>` : nothing}
        <ma-cell data-total>${t('Total', 'Итого')}<strong slot="after">${money(billTotal(lines))}</strong></ma-cell>
      </ma-group>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'utility-calculator': UtilityCalculator;
  }
}
