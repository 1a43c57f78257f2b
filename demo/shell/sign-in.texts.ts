import type { KitLocale } from '../../ui-kit/base/i18n.ts';
import type { AccountNote } from './sign-in.ts';

/** The sign-in screen's texts; the backend's error codes get their own words in each language. */
export interface SignInTexts {
  title: string;
  titleFor(app: string): string;
  intro: string;
  phone: string;
  phoneHint: string;
  getCode: string;
  cancel: string;
  enterCode: string;
  sentTo(phone: string): string;
  smsLabel: string;
  smsHeading: string;
  smsText: string;
  code: string;
  signIn: string;
  resend: string;
  resendIn(seconds: number): string;
  changePhone: string;
  accounts: string;
  residents: string;
  staff: string;
  tester: string;
  /** What each demo account is for, after its phone. */
  notes: Readonly<Record<AccountNote, string>>;
  codeFormat: string;
  phoneFormat(detail: string): string;
  unknownPhone: string;
  wrongCode(attemptsLeft: number): string;
  tooManyAttempts: string;
  codeExpired: string;
  noCode: string;
  rateLimited(seconds: number): string;
  failed: string;
}

/** 1 попытка, 2 попытки, 5 попыток. */
function ruPlural(count: number, one: string, few: string, many: string): string {
  const tens = count % 100;
  const units = count % 10;
  if (tens >= 11 && tens <= 14) return many;
  if (units === 1) return one;
  if (units >= 2 && units <= 4) return few;
  return many;
}

export const signInTexts: Readonly<Record<KitLocale, SignInTexts>> = {
  en: {
    title: 'Sign in',
    titleFor: (app) => `Sign in to open ${app}`,
    intro: 'We will send a one-time code to your phone.',
    phone: 'Phone number',
    phoneHint: 'For example 8 999 000-00-01 or +7 999 000-00-01',
    getCode: 'Get code',
    cancel: 'Cancel',
    enterCode: 'Enter the code',
    sentTo: (phone) => `Sent to ${phone}.`,
    smsLabel: 'Demo SMS',
    smsHeading: 'SMS (demo): there is no real SMS here',
    smsText: 'Your sign-in code:',
    code: 'One-time code',
    signIn: 'Sign in',
    resend: 'Send a new code',
    resendIn: (seconds) => `New code in ${seconds} s`,
    changePhone: 'Change number',
    accounts: 'Demo accounts',
    residents: 'Demo residents',
    staff: 'Demo staff',
    tester: 'tester',
    notes: { tester: 'tester', partner: 'partner: the cabinet', moderator: 'moderator', 'chat-admin': 'chat administrator', operator: 'chat operator', 'chat-viewer': 'sees chats, no objects' },
    codeFormat: 'The code is 4–8 digits',
    phoneFormat: (detail) => detail,
    unknownPhone: 'No account has this phone number. The demo accounts are listed below.',
    wrongCode: (left) => `Wrong code; ${left} ${left === 1 ? 'attempt' : 'attempts'} left`,
    tooManyAttempts: 'Too many wrong codes: this code no longer works. Request a new code.',
    codeExpired: 'The code has expired. Request a new code.',
    noCode: 'This code was already used or never sent. Request a new code.',
    rateLimited: (seconds) => `Too many requests; try again in ${seconds} s`,
    failed: 'Something went wrong; try again',
  },
  ru: {
    title: 'Вход',
    titleFor: (app) => `Войдите, чтобы открыть «${app}»`,
    intro: 'Мы отправим одноразовый код на ваш телефон.',
    phone: 'Номер телефона',
    phoneHint: 'Например, 8 999 000-00-01 или +7 999 000-00-01',
    getCode: 'Получить код',
    cancel: 'Отмена',
    enterCode: 'Введите код',
    sentTo: (phone) => `Отправили на ${phone}.`,
    smsLabel: 'Демо-СМС',
    smsHeading: 'СМС (демо): настоящих СМС здесь нет',
    smsText: 'Ваш код для входа:',
    code: 'Одноразовый код',
    signIn: 'Войти',
    resend: 'Отправить новый код',
    resendIn: (seconds) => `Новый код через ${seconds} с`,
    changePhone: 'Другой номер',
    accounts: 'Демо-аккаунты',
    residents: 'Демо-жители',
    staff: 'Демо-сотрудники',
    tester: 'тестировщик',
    notes: { tester: 'тестировщик', partner: 'партнёр: кабинет', moderator: 'модератор', 'chat-admin': 'администратор чатов', operator: 'оператор чатов', 'chat-viewer': 'видит чаты, без объектов' },
    codeFormat: 'Код — это от 4 до 8 цифр',
    phoneFormat: () => 'Введите российский номер, например 8 999 000-00-01, или номер в международном формате: +79991234567',
    unknownPhone: 'С этим номером нет аккаунта. Демо-аккаунты перечислены ниже.',
    wrongCode: (left) => `Неверный код; осталось ${left} ${ruPlural(left, 'попытка', 'попытки', 'попыток')}`,
    tooManyAttempts: 'Слишком много неверных попыток: этот код больше не действует. Запросите новый код.',
    codeExpired: 'Срок действия кода истёк. Запросите новый код.',
    noCode: 'Этот код уже использован или не отправлялся. Запросите новый код.',
    rateLimited: (seconds) => `Слишком много запросов; повторите через ${seconds} с`,
    failed: 'Что-то пошло не так; попробуйте ещё раз',
  },
};
