import type { Capability } from '../../src/protocol/capabilities.ts';
import type { DemoApp } from '../apps/catalog.ts';
import type { Localised } from './host-data.ts';
import type { ShellLocale } from './preferences.ts';

/** What each capability lets an app do, as the About sheet tells a resident. */
const CAPABILITIES: Readonly<Record<Capability, Localised>> = {
  user: { en: 'your name, phone and premises', ru: 'ваше имя, телефон и помещение' },
  payments: { en: 'payments through the super-app', ru: 'оплата через суперапп' },
  push: { en: 'notifications', ru: 'уведомления' },
  navigation: { en: 'opening the super-app’s screens', ru: 'переход к экранам суперапа' },
  chat: { en: 'the chat with its staff', ru: 'чат с сотрудниками' },
  popups: { en: 'the super-app’s dialogs', ru: 'диалоги суперапа' },
  share: { en: 'sharing', ru: 'отправка ссылок' },
  clipboard: { en: 'copying to the clipboard', ru: 'копирование в буфер обмена' },
  storage: { en: 'keeping its own data', ru: 'хранение своих данных' },
  haptics: { en: 'vibration', ru: 'вибрация' },
  files: { en: 'downloading files', ru: 'скачивание файлов' },
};

/** The demo apps' descriptions in Russian; the catalog holds them in English. */
const DESCRIPTIONS_RU: Readonly<Record<string, string>> = {
  bakery: 'Магазин: каталог и корзина, оплата через суперапп, пуш об отправке, чек для скачивания',
  'bakery-beta': 'Следующая версия Corner Bakery для тестировщиков',
  'service-desk': 'Заявка о неполадке с фото, история заявок, чат с управляющей компанией',
  'utility-calculator': 'Счёт по показаниям счётчиков и тарифам; без SDK и без данных пользователя',
  'launch-inspector': 'Показывает, что хост передаёт при запуске, пользователя и его токен; пробует диалоги, «поделиться», буфер обмена, телефон, вибрацию и ссылки хоста',
  'no-user-data': 'То же приложение без доступа к пользователю: мост отказывает в user.get',
  'plain-page': 'Приложение без SDK и без данных пользователя; готово, как только загрузилось',
  broken: 'Загружается, но не сообщает о готовности: показывает экран ошибки хоста и «Повторить»',
};

/** An app's description in the resident's language, where the shell has one. */
export function appDescription(app: Pick<DemoApp, 'id' | 'description'>, locale: ShellLocale): string {
  return (locale === 'ru' && DESCRIPTIONS_RU[app.id]) || app.description;
}

/** The capabilities an app asks for, in words. */
export function capabilityList(capabilities: readonly string[], locale: ShellLocale): string {
  return capabilities.map((capability) => CAPABILITIES[capability as Capability]?.[locale] ?? capability).join(', ');
}
