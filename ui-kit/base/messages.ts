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

// The chat widget (ma-chat).
export const CHAT_MESSAGES: Message = { en: 'Messages', ru: 'Сообщения' };
export const CHAT_EMPTY: Message = { en: 'No messages yet', ru: 'Сообщений пока нет' };
export const CHAT_PLACEHOLDER: Message = { en: 'Message', ru: 'Сообщение' };
export const CHAT_SEND: Message = { en: 'Send', ru: 'Отправить' };
export const CHAT_SAVE: Message = { en: 'Save', ru: 'Сохранить' };
export const CHAT_ATTACH: Message = { en: 'Attach a file', ru: 'Прикрепить файл' };
export const CHAT_FILE_TOO_LARGE: Message = {
  en: '“{name}” is larger than {max} and cannot be sent',
  ru: 'Файл «{name}» больше {max}, его нельзя отправить',
};
export const CHAT_MEGABYTES: Message = { en: '{size} MB', ru: '{size} МБ' };
export const CHAT_KILOBYTES: Message = { en: '{size} kB', ru: '{size} КБ' };
export const CHAT_TODAY: Message = { en: 'Today', ru: 'Сегодня' };
export const CHAT_YESTERDAY: Message = { en: 'Yesterday', ru: 'Вчера' };
export const CHAT_UNREAD: Message = { en: 'Unread messages', ru: 'Непрочитанные сообщения' };
export const CHAT_SENT: Message = { en: 'Sent', ru: 'Отправлено' };
export const CHAT_READ: Message = { en: 'Read', ru: 'Прочитано' };
export const CHAT_SENDING: Message = { en: 'Sending', ru: 'Отправляется' };
export const CHAT_UPLOADING: Message = { en: 'Uploading', ru: 'Загрузка' };
export const CHAT_FAILED: Message = { en: 'Not sent', ru: 'Не отправлено' };
export const CHAT_RETRY: Message = { en: 'Retry', ru: 'Повторить' };
export const CHAT_COPY: Message = { en: 'Copy', ru: 'Копировать' };
export const CHAT_COPIED: Message = { en: 'Copied', ru: 'Скопировано' };
export const CHAT_COPY_FAILED: Message = { en: 'Could not copy', ru: 'Не удалось скопировать' };
export const CHAT_EDIT: Message = { en: 'Edit', ru: 'Изменить' };
export const CHAT_DELETE: Message = { en: 'Delete', ru: 'Удалить' };
export const CHAT_EDITED: Message = { en: 'edited', ru: 'изменено' };
export const CHAT_DELETED: Message = { en: 'Message deleted', ru: 'Сообщение удалено' };
export const CHAT_EDITING: Message = { en: 'Editing the message', ru: 'Редактирование сообщения' };
export const CHAT_ACTIONS: Message = { en: 'Message actions', ru: 'Действия с сообщением' };
export const CHAT_TYPING: Message = { en: 'Typing…', ru: 'Печатает…' };
export const CHAT_OFFLINE: Message = {
  en: 'No connection. Messages will go when it is back.',
  ru: 'Нет связи. Сообщения уйдут, когда она появится.',
};
export const CHAT_ENDED: Message = { en: 'The conversation has ended. Write to start a new one.', ru: 'Диалог завершён. Напишите, чтобы начать новый.' };
export const CHAT_TOOK_OVER: Message = { en: '{name} took over the conversation', ru: 'Диалог ведёт {name}' };
export const CHAT_TOPICS: Message = { en: 'Topics', ru: 'Темы' };
export const CHAT_YOU: Message = { en: 'You', ru: 'Вы' };
export const CHAT_ATTACHMENT: Message = { en: 'Attachment', ru: 'Вложение' };
export const CHAT_NEW_MESSAGE: Message = { en: 'New message from {name}: {text}', ru: 'Новое сообщение от {name}: {text}' };
