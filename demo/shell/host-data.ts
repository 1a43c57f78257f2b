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

/** The host's own screens' content: what a property-management company shows its residents. */
export const BILLS: readonly Bill[] = [
  { id: 'b-2025-03', period: { en: 'March 2025', ru: 'Март 2025' }, title: { en: 'Utilities and maintenance', ru: 'ЖКУ и содержание' }, amount: 684_250, dueDate: '2025-04-10', paid: false },
  { id: 'b-2025-02', period: { en: 'February 2025', ru: 'Февраль 2025' }, title: { en: 'Utilities and maintenance', ru: 'ЖКУ и содержание' }, amount: 712_090, dueDate: '2025-03-10', paid: true },
  { id: 'b-parking-q1', period: { en: 'Q1 2025', ru: '1 квартал 2025' }, title: { en: 'Parking space 14', ru: 'Машино-место 14' }, amount: 450_000, dueDate: '2025-03-31', paid: true },
];

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

export const EVENTS: readonly HostEvent[] = [
  { id: 'e-42', categoryId: 'neighbours', title: { en: 'Courtyard spring clean-up', ru: 'Весенний субботник во дворе' }, description: { en: 'Gloves, rakes and tea are on us. Bring your neighbours.', ru: 'Перчатки, грабли и чай за нами. Приходите с соседями.' }, startsAt: '2025-04-19T11:00:00+03:00', place: { en: 'Sunny Park courtyard', ru: 'Двор ЖК «Солнечный парк»' } },
  { id: 'e-43', categoryId: 'kids', title: { en: 'Puppet theatre', ru: 'Кукольный театр' }, description: { en: 'A show for children of 3 to 8 in the community room.', ru: 'Спектакль для детей от 3 до 8 лет в комнате соседей.' }, startsAt: '2025-04-26T12:00:00+03:00', place: { en: 'Building 1, community room', ru: 'Корпус 1, комната соседей' } },
  { id: 'e-44', categoryId: 'sport', title: { en: 'Morning run', ru: 'Утренняя пробежка' }, description: { en: '5 km along the river at an easy pace.', ru: '5 км вдоль реки в спокойном темпе.' }, startsAt: '2025-04-20T08:00:00+03:00', place: { en: 'Riverside embankment', ru: 'Набережная ЖК «Риверсайд»' } },
];

export const MARKET_CATEGORIES: readonly MarketCategory[] = [
  { id: 'bakery', title: { en: 'Bakery', ru: 'Выпечка' }, items: [{ id: 'croissant', title: { en: 'Croissant', ru: 'Круассан' }, price: 15_000 }, { id: 'rye', title: { en: 'Rye loaf', ru: 'Ржаной хлеб' }, price: 9_000 }] },
  { id: 'flowers', title: { en: 'Flowers', ru: 'Цветы' }, items: [{ id: 'tulips', title: { en: 'Seven tulips', ru: 'Семь тюльпанов' }, price: 210_000 }] },
  { id: 'repairs', title: { en: 'Repairs', ru: 'Ремонт' }, items: [{ id: 'shelf', title: { en: 'Hang a shelf', ru: 'Повесить полку' }, price: 80_000 }, { id: 'door', title: { en: 'Adjust a door', ru: 'Отрегулировать дверь' }, price: 120_000 }] },
];
