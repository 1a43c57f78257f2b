import type { ShellLocale } from './preferences.ts';

/** A text in both of the shell's languages. */
export type Localised = Readonly<Record<ShellLocale, string>>;

export interface Bill {
  id: string;
  period: Localised;
  title: Localised;
  /** Kopecks. */
  amount: number;
  dueDate: string;
  paid: boolean;
}

export interface HostService {
  id: string;
  title: Localised;
  description: Localised;
  /** Kopecks; 0 is free. */
  price: number;
}

export interface EventCategory {
  id: string;
  title: Localised;
}

export interface HostEvent {
  id: string;
  categoryId: string;
  title: Localised;
  description: Localised;
  startsAt: string;
  place: Localised;
}

export interface MarketCategory {
  id: string;
  title: Localised;
  items: readonly { id: string; title: Localised; price: number }[];
}

/** Where the demo's houses stand: their events' times (`+03:00`) and every date are on this clock. */
export const HOUSE_TIME_ZONE = 'Europe/Moscow';

const pad = (value: number) => String(value).padStart(2, '0');
const isoDay = (day: Date) => `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
const capitalised = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

/** "March 2025" / "Март 2025": the standalone month name, so Russian takes the nominative. */
function monthName(month: Date): Localised {
  const named = (locale: ShellLocale) => capitalised(new Intl.DateTimeFormat(locale, { month: 'long' }).format(month));
  return { en: `${named('en')} ${month.getFullYear()}`, ru: `${named('ru')} ${month.getFullYear()}` };
}

/**
 * The bills a resident sees on `today`: last month's, due on the 10th (of this month, or of the
 * next once this month's 10th has passed) and unpaid; the month before, paid; and the parking
 * space for the last ended quarter, paid. Ids name the period, so a link to a bill keeps
 * pointing at the same bill as the months go by.
 */
export function billsOn(today: Date): Bill[] {
  const dueMonth = new Date(today.getFullYear(), today.getMonth() + (today.getDate() > 10 ? 1 : 0), 1);
  const month = (offset: number) => new Date(dueMonth.getFullYear(), dueMonth.getMonth() + offset, 1);
  const utilities = (period: Date, paid: boolean, amount: number): Bill => ({
    id: `b-${period.getFullYear()}-${pad(period.getMonth() + 1)}`,
    period: monthName(period),
    title: { en: 'Utilities and maintenance', ru: 'ЖКУ и содержание' },
    amount,
    dueDate: isoDay(new Date(period.getFullYear(), period.getMonth() + 1, 10)),
    paid,
  });
  const lastMonth = month(-1);
  const quarterEnd = new Date(lastMonth.getFullYear(), lastMonth.getMonth() - (lastMonth.getMonth() % 3), 0);
  const quarter = Math.floor(quarterEnd.getMonth() / 3) + 1;
  return [
    utilities(month(-1), false, 684_250),
    utilities(month(-2), true, 712_090),
    {
      id: `b-parking-${quarterEnd.getFullYear()}-q${quarter}`,
      period: { en: `Q${quarter} ${quarterEnd.getFullYear()}`, ru: `${quarter} квартал ${quarterEnd.getFullYear()}` },
      title: { en: 'Parking space 14', ru: 'Машино-место 14' },
      amount: 450_000,
      dueDate: isoDay(quarterEnd),
      paid: true,
    },
  ];
}

/** The upcoming Saturday (or Sunday, `weekday` 0) `weeks` weeks after the next one from `today`. */
function nextWeekday(today: Date, weekday: number, weeks = 0): string {
  const ahead = ((weekday - today.getDay() + 7) % 7 || 7) + weeks * 7;
  return isoDay(new Date(today.getFullYear(), today.getMonth(), today.getDate() + ahead));
}

/** The house's coming events as of `today`, soonest first: all in the next three weeks. */
export function eventsOn(today: Date): HostEvent[] {
  const events: HostEvent[] = [
    { id: 'e-42', categoryId: 'neighbours', title: { en: 'Courtyard clean-up', ru: 'Субботник во дворе' }, description: { en: 'Gloves, rakes and tea are on us. Bring your neighbours.', ru: 'Перчатки, грабли и чай за нами. Приходите с соседями.' }, startsAt: `${nextWeekday(today, 6)}T11:00:00+03:00`, place: { en: 'Sunny Park courtyard', ru: 'Двор ЖК «Солнечный парк»' } },
    { id: 'e-43', categoryId: 'kids', title: { en: 'Puppet theatre', ru: 'Кукольный театр' }, description: { en: 'A show for children of 3 to 8 in the community room.', ru: 'Спектакль для детей от 3 до 8 лет в комнате соседей.' }, startsAt: `${nextWeekday(today, 6, 1)}T12:00:00+03:00`, place: { en: 'Building 1, community room', ru: 'Корпус 1, комната соседей' } },
    { id: 'e-44', categoryId: 'sport', title: { en: 'Morning run', ru: 'Утренняя пробежка' }, description: { en: '5 km along the river at an easy pace.', ru: '5 км вдоль реки в спокойном темпе.' }, startsAt: `${nextWeekday(today, 0)}T08:00:00+03:00`, place: { en: 'Riverside embankment', ru: 'Набережная ЖК «Риверсайд»' } },
  ];
  return events.sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
}

/** The host's own screens' content: what a property-management company shows its residents. */
export const BILLS: readonly Bill[] = billsOn(new Date());

export const SERVICES: readonly HostService[] = [
  { id: 'plumber', title: { en: 'Call a plumber', ru: 'Вызвать сантехника' }, description: { en: 'A leak, a blocked drain or a new tap: the maintenance team comes within a day.', ru: 'Протечка, засор или новый смеситель: бригада приедет в течение дня.' }, price: 0 },
  { id: 'pass', title: { en: 'Guest pass', ru: 'Пропуск для гостя' }, description: { en: 'A one-day pass for a guest or a courier, sent to the gate.', ru: 'Пропуск на день для гостя или курьера, передаётся на пост охраны.' }, price: 0 },
  { id: 'cleaning', title: { en: 'Flat cleaning', ru: 'Уборка квартиры' }, description: { en: 'Regular or deep cleaning by the company’s partner.', ru: 'Поддерживающая или генеральная уборка от партнёра компании.' }, price: 350_000 },
];

export const EVENT_CATEGORIES: readonly EventCategory[] = [
  { id: 'kids', title: { en: 'For children', ru: 'Для детей' } },
  { id: 'sport', title: { en: 'Sport', ru: 'Спорт' } },
  { id: 'neighbours', title: { en: 'Neighbours', ru: 'Соседи' } },
];

export const EVENTS: readonly HostEvent[] = eventsOn(new Date());

export const MARKET_CATEGORIES: readonly MarketCategory[] = [
  { id: 'bakery', title: { en: 'Bakery', ru: 'Выпечка' }, items: [{ id: 'croissant', title: { en: 'Croissant', ru: 'Круассан' }, price: 15_000 }, { id: 'rye', title: { en: 'Rye loaf', ru: 'Ржаной хлеб' }, price: 9_000 }] },
  { id: 'flowers', title: { en: 'Flowers', ru: 'Цветы' }, items: [{ id: 'tulips', title: { en: 'Seven tulips', ru: 'Семь тюльпанов' }, price: 210_000 }] },
  { id: 'repairs', title: { en: 'Repairs', ru: 'Ремонт' }, items: [{ id: 'shelf', title: { en: 'Hang a shelf', ru: 'Повесить полку' }, price: 80_000 }, { id: 'door', title: { en: 'Adjust a door', ru: 'Отрегулировать дверь' }, price: 120_000 }] },
];
