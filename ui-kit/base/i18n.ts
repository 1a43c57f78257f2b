/**
 * Built-in texts of the kit in Russian and English. The locale comes from the nearest `lang`
 * attribute (the host passes its locale to the mini-app, which sets `<html lang>`), falling back
 * to `setKitLocale()` and then to English.
 */
const messages = {
  en: {
    close: 'Close',
    cancel: 'Cancel',
    ok: 'OK',
    back: 'Back',
    loading: 'Loading',
    search: 'Search',
    clear: 'Clear',
    required: 'Fill in this field',
    tooShort: 'At least {min} characters',
    tooLong: 'At most {max} characters',
    invalid: 'Check this value',
    selectPlaceholder: 'Choose',
    imageUnavailable: 'Image unavailable',
    dismiss: 'Dismiss',
    more: 'More',
    retry: 'Retry',
    remove: 'Remove',
    navigation: 'Navigation',
    requiredChoice: 'Choose an option',
    requiredCheck: 'Check this to continue',
  },
  ru: {
    close: 'Закрыть',
    cancel: 'Отмена',
    ok: 'ОК',
    back: 'Назад',
    loading: 'Загрузка',
    search: 'Поиск',
    clear: 'Очистить',
    required: 'Заполните это поле',
    tooShort: 'Не меньше {min} символов',
    tooLong: 'Не больше {max} символов',
    invalid: 'Проверьте значение',
    selectPlaceholder: 'Выберите',
    imageUnavailable: 'Изображение недоступно',
    dismiss: 'Скрыть',
    more: 'Ещё',
    retry: 'Повторить',
    remove: 'Удалить',
    navigation: 'Навигация',
    requiredChoice: 'Выберите вариант',
    requiredCheck: 'Отметьте, чтобы продолжить',
  },
} as const;

export type KitLocale = keyof typeof messages;
export type MessageKey = keyof (typeof messages)['en'];

let defaultLocale: KitLocale = 'en';

/** Sets the locale used when no `lang` attribute is found. */
export function setKitLocale(locale: string): void {
  defaultLocale = toKitLocale(locale) ?? 'en';
}

function toKitLocale(tag: string | null | undefined): KitLocale | undefined {
  const language = tag?.toLowerCase().split('-')[0];
  return language === 'ru' || language === 'en' ? language : undefined;
}

/** The kit locale for an element: its closest `lang` (crossing shadow roots), else the default. */
export function localeOf(element?: Element): KitLocale {
  let node: Node | null | undefined = element;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) {
      const locale = toKitLocale(node.getAttribute('lang'));
      if (locale) return locale;
    }
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return defaultLocale;
}

/** A built-in text for the element's locale, with `{name}` placeholders filled from `values`. */
export function msg(key: MessageKey, element?: Element, values?: Record<string, string | number>): string {
  const text: string = messages[localeOf(element)][key];
  return values ? text.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? '')) : text;
}
