import type { Message } from './i18n.ts';

// The kit's built-in texts, one constant each so that bundlers keep only the ones in use.

export const CLOSE: Message = { en: 'Close', ru: 'Закрыть' };
export const CANCEL: Message = { en: 'Cancel', ru: 'Отмена' };
export const OK: Message = { en: 'OK', ru: 'ОК' };
export const BACK: Message = { en: 'Back', ru: 'Назад' };
export const LOADING: Message = { en: 'Loading', ru: 'Загрузка' };
export const SEARCH: Message = { en: 'Search', ru: 'Поиск' };
export const CLEAR: Message = { en: 'Clear', ru: 'Очистить' };
export const DISMISS: Message = { en: 'Dismiss', ru: 'Скрыть' };
export const MORE: Message = { en: 'More', ru: 'Ещё' };
export const REMOVE: Message = { en: 'Remove', ru: 'Удалить' };
export const NAVIGATION: Message = { en: 'Navigation', ru: 'Навигация' };
export const IMAGE_UNAVAILABLE: Message = { en: 'Image unavailable', ru: 'Изображение недоступно' };
export const SELECT_PLACEHOLDER: Message = { en: 'Choose', ru: 'Выберите' };
export const REQUIRED: Message = { en: 'Fill in this field', ru: 'Заполните это поле' };
export const REQUIRED_CHOICE: Message = { en: 'Choose an option', ru: 'Выберите вариант' };
export const REQUIRED_CHECK: Message = { en: 'Check this to continue', ru: 'Отметьте, чтобы продолжить' };
export const TOO_SHORT: Message = { en: 'At least {min} characters', ru: 'Не меньше {min} символов' };
export const TOO_LONG: Message = { en: 'At most {max} characters', ru: 'Не больше {max} символов' };
export const INVALID: Message = { en: 'Check this value', ru: 'Проверьте значение' };
