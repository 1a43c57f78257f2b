/** The catalog's statuses and categories in the staff pages' language (src/catalog keeps the English labels). */
import { CATEGORY_LABELS, STATUS_LABELS, type AppStatus, type Category } from '../../src/catalog/index.ts';
import type { ShellLocale } from '../shell/preferences.ts';

const RU_STATUSES: { readonly [S in AppStatus]: string } = {
  inactive: 'Неактивно',
  'on-moderation': 'На модерации',
  'ready-to-publish': 'Готово к публикации',
  testing: 'Тестирование',
  active: 'Активно',
};

const RU_CATEGORIES: { readonly [C in Category]: string } = {
  lifestyle: 'Образ жизни',
  'food-and-drinks': 'Еда и напитки',
  entertainment: 'Развлечения',
  business: 'Бизнес',
  communication: 'Общение',
  travel: 'Путешествия',
  transport: 'Транспорт',
  'real-estate': 'Недвижимость',
  education: 'Образование',
  events: 'Мероприятия',
  tools: 'Инструменты',
  'bill-payments': 'Оплата счетов',
  social: 'Социальное',
  games: 'Игры',
  other: 'Другое',
};

export function statusLabel(locale: ShellLocale, status: AppStatus): string {
  return locale === 'ru' ? RU_STATUSES[status] : STATUS_LABELS[status];
}

export function categoryLabel(locale: ShellLocale, category: Category): string {
  return locale === 'ru' ? RU_CATEGORIES[category] : CATEGORY_LABELS[category];
}

export function categoryOptions(locale: ShellLocale): { value: Category; label: string }[] {
  return (Object.keys(CATEGORY_LABELS) as Category[]).map((category) => ({ value: category, label: categoryLabel(locale, category) }));
}

/** A date and time as the locale writes them. */
export function formatWhen(locale: ShellLocale, iso: string | number): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return String(iso);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}
