import { setKitLocale } from '../../ui-kit/base/i18n.ts';
import { setColorScheme } from '../../ui-kit/tokens/index.ts';

/** The shell's languages: Russian first, as its residents read it. */
export const SHELL_LOCALES = ['ru', 'en'] as const;
export type ShellLocale = (typeof SHELL_LOCALES)[number];

/** `system` follows `prefers-color-scheme`; `light` and `dark` are the resident's own choice. */
export const THEME_CHOICES = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];

export const LOCALE_KEY = 'miniapps-demo-locale';
export const THEME_KEY = 'miniapps-demo-theme';

type PreferenceStorage = Pick<Storage, 'getItem' | 'setItem'>;

const DARK = '(prefers-color-scheme: dark)';

function read<T extends string>(storage: PreferenceStorage, key: string, allowed: readonly T[], fallback: T): T {
  let value: string | null = null;
  try {
    value = storage.getItem(key);
  } catch {
    // Storage can be refused (a private window's quota, a sandbox): the default then applies.
  }
  return allowed.includes(value as T) ? (value as T) : fallback;
}

function write(storage: PreferenceStorage, key: string, value: string): void {
  try {
    storage.setItem(key, value);
  } catch {
    // Not kept, but the choice still applies to this page.
  }
}

/** The resident's language and theme, kept in the page's storage so a reload keeps them. */
export class ShellPreferences extends EventTarget {
  #locale: ShellLocale;
  #theme: ThemeChoice;
  readonly #storage: PreferenceStorage;
  readonly #system = typeof matchMedia === 'function' ? matchMedia(DARK) : undefined;

  constructor(storage: PreferenceStorage = localStorage) {
    super();
    this.#storage = storage;
    this.#locale = read(storage, LOCALE_KEY, SHELL_LOCALES, 'ru');
    this.#theme = read(storage, THEME_KEY, THEME_CHOICES, 'system');
    this.#system?.addEventListener('change', () => this.#theme === 'system' && this.#changed());
  }

  get locale(): ShellLocale {
    return this.#locale;
  }

  get theme(): ThemeChoice {
    return this.#theme;
  }

  /** The scheme on screen: the choice, or the system's when the choice is `system`. */
  get scheme(): 'light' | 'dark' {
    if (this.#theme !== 'system') return this.#theme;
    return this.#system?.matches ? 'dark' : 'light';
  }

  setLocale(locale: ShellLocale): void {
    if (!SHELL_LOCALES.includes(locale)) throw new Error(`Unknown locale “${String(locale)}”: use ${SHELL_LOCALES.join(' or ')}`);
    this.#locale = locale;
    write(this.#storage, LOCALE_KEY, locale);
    this.#changed();
  }

  setTheme(theme: ThemeChoice): void {
    if (!THEME_CHOICES.includes(theme)) throw new Error(`Unknown theme “${String(theme)}”: use ${THEME_CHOICES.join(', ')}`);
    this.#theme = theme;
    write(this.#storage, THEME_KEY, theme);
    this.#changed();
  }

  /** Puts the language and the scheme on `<html>`: the kit and the host's own screens read them there. */
  apply(root: HTMLElement = document.documentElement): void {
    root.lang = this.#locale;
    setKitLocale(this.#locale);
    setColorScheme(this.#theme === 'system' ? 'auto' : this.#theme, root);
    root.style.colorScheme = this.scheme;
  }

  #changed(): void {
    this.dispatchEvent(new Event('change'));
  }
}
