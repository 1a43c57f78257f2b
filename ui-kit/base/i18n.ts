/**
 * The kit's locale and built-in texts. A text is a small `{ en, ru }` record (see `messages.ts`,
 * one exported constant per text, so a component bundles only the texts it uses). The locale
 * comes from the nearest `lang` attribute (the host passes its locale to the mini-app, which sets
 * `<html lang>`), falling back to `setKitLocale()` and then to English.
 */
export type KitLocale = 'en' | 'ru';

/** One built-in text in every kit locale; `{name}` placeholders are filled by `msg`. */
export type Message = Readonly<Record<KitLocale, string>>;

let defaultLocale: KitLocale = 'en';

function toKitLocale(tag: string | null | undefined): KitLocale | undefined {
  const language = tag?.toLowerCase().split('-')[0];
  return language === 'ru' || language === 'en' ? language : undefined;
}

/** Sets the locale used when no `lang` attribute is found. */
export function setKitLocale(locale: string): void {
  defaultLocale = toKitLocale(locale) ?? 'en';
}

/** The kit locale for an element: its closest `lang` (crossing shadow roots), else the default. */
export function localeOf(element?: Element): KitLocale {
  for (let node: Node | null | undefined = element; node; node = node instanceof ShadowRoot ? node.host : node.parentNode) {
    const locale = toKitLocale((node as Element).getAttribute?.('lang'));
    if (locale) return locale;
  }
  return defaultLocale;
}

/** A built-in text for the element's locale, with `{name}` placeholders filled from `values`. */
export function msg(text: Message, element?: Element, values?: Record<string, string | number>): string {
  return text[localeOf(element)].replace(/\{(\w+)\}/g, (_, name: string) => String(values?.[name] ?? ''));
}
