import { msg } from '../../base/i18n.ts';
import type { KitLocale } from '../../base/i18n.ts';
import { CHAT_KILOBYTES, CHAT_MEGABYTES, CHAT_TODAY, CHAT_YESTERDAY } from '../../base/messages.ts';

// Times, days and sizes as the chat shows them, in the element's locale.

const timeFormats = new Map<KitLocale, Intl.DateTimeFormat>();
const dayFormats = new Map<string, Intl.DateTimeFormat>();

export function formatTime(time: number, locale: KitLocale): string {
  let format = timeFormats.get(locale);
  if (!format) timeFormats.set(locale, (format = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' })));
  return format.format(time);
}

/** "Today", "Yesterday", or the date (with the year when it is not this year's). */
export function formatDay(dayStart: number, element: Element, locale: KitLocale, now = Date.now()): string {
  const today = new Date(now);
  today.setHours(0, 0, 0, 0);
  const yesterday = new Date(today);
  yesterday.setDate(yesterday.getDate() - 1);
  if (dayStart === today.getTime()) return msg(CHAT_TODAY, element);
  if (dayStart === yesterday.getTime()) return msg(CHAT_YESTERDAY, element);
  const withYear = new Date(dayStart).getFullYear() !== today.getFullYear();
  const key = `${locale}:${withYear}`;
  let format = dayFormats.get(key);
  if (!format) dayFormats.set(key, (format = new Intl.DateTimeFormat(locale, withYear ? { day: 'numeric', month: 'long', year: 'numeric' } : { day: 'numeric', month: 'long' })));
  return format.format(dayStart);
}

/** Sizes in binary units, as the 40 MB limit is counted (40 × 1024 × 1024 bytes). */
export function formatSize(bytes: number, element: Element, locale: KitLocale): string {
  const number = (value: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
  if (bytes < 1024 * 1024) return msg(CHAT_KILOBYTES, element, { size: number(Math.max(0.1, bytes / 1024)) });
  return msg(CHAT_MEGABYTES, element, { size: number(bytes / (1024 * 1024)) });
}
