import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { DeepLinkSnippet } from '../../../src/chat/deep-links.ts';
import type { ChatEntry, EntryAttachment, PendingEntry } from '../../../src/chat/timeline.ts';
import type { KitLocale } from '../../base/i18n.ts';
import { msg } from '../../base/i18n.ts';
import {
  CANCEL, CHAT_DELETED, CHAT_EDITED, CHAT_FAILED, CHAT_READ, CHAT_RETRY, CHAT_SENDING, CHAT_SENT, CHAT_TOOK_OVER, CHAT_TOPICS,
  CHAT_UNREAD, CHAT_UPLOADING, CHAT_YOU,
} from '../../base/messages.ts';
import { iconCheck, iconClock, iconDocument, iconError } from '../../icons/icons.ts';
import { renderIcon } from '../../icons/render.ts';
import { initialsOf } from '../avatar/avatar.ts';
import '../chip/chip.ts';
import '../progress/progress.ts';
import { formatDay, formatSize, formatTime } from './chat-format.ts';
import type { ChatRow } from './chat-rows.ts';
import { renderSnippet } from './chat-snippet.ts';
import { renderText, safeHttpUrl, safeImageUrl } from './chat-text.ts';

/*
 * One row of the message list as a template: the date separator and the unread marker above
 * it when due, then the message (a bubble, or a service line for "… took over"), its delivery
 * mark, and for a message still on its way its progress, Cancel and Retry.
 */

/** What a row needs from the widget. */
export interface RowContext {
  host: Element;
  locale: KitLocale;
  /** Topic chips can be chosen (the bot still has the dialog). */
  topicsActive: boolean;
  chooseTag(tagId: string): void;
  retry(clientMessageId: string): void;
  cancel(clientMessageId: string): void;
  openSnippet(snippet: DeepLinkSnippet): void;
}

const DOUBLE_TICK = 'M2 12.5l4.5 4.5L16 7M9.5 16l1 1L20 7';

function ticks(entry: ChatEntry, context: RowContext): TemplateResult {
  const read = entry.readAt !== null;
  return html`<span class="ticks ${read ? 'read' : 'sent'}" role="img" data-ticks=${read ? 2 : 1} aria-label=${msg(read ? CHAT_READ : CHAT_SENT, context.host)}
    >${renderIcon(read ? DOUBLE_TICK : iconCheck, 'ticks-icon', 'tick-icon')}</span>`;
}

function renderAttachment(attachment: EntryAttachment, context: RowContext): TemplateResult {
  const url = attachment.url ? (safeImageUrl(attachment.url) ?? safeHttpUrl(attachment.url)) : null;
  if (attachment.kind === 'media' && attachment.mimeType.startsWith('image/') && url) {
    return html`<a class="media" href=${url} target="_blank" rel="noopener noreferrer"><img src=${url} alt=${attachment.fileName} loading="lazy" /></a>`;
  }
  const body = html`${renderIcon(iconDocument, 'file-icon', 'file-icon')}<span class="file-text"><span class="file-name">${attachment.fileName}</span>
    <span class="file-size">${formatSize(attachment.sizeBytes, context.host, context.locale)}</span></span>`;
  return url && safeHttpUrl(url)
    ? html`<a class="file" href=${url} target="_blank" rel="noopener noreferrer" download=${attachment.fileName}>${body}</a>`
    : html`<span class="file">${body}</span>`;
}

function renderBotContent(entry: ChatEntry, context: RowContext): TemplateResult | string {
  const line = entry.bot;
  if (!line) return renderText(entry.text);
  switch (line.kind) {
    case 'greeting':
      return html`${line.title ? html`<strong class="greeting-title">${line.title}</strong>` : nothing}<span class="text">${renderText(line.text)}</span>`;
    case 'choose-topic':
      return html`<span class="text">${renderText(line.text)}</span>
        <span class="topics" role="group" aria-label=${msg(CHAT_TOPICS, context.host)}>
          ${line.tags.map((tag) => html`<button type="button" class="topic" data-tag=${tag.id} ?disabled=${!context.topicsActive}
            @click=${() => context.chooseTag(tag.id)}><ma-chip mode="brand" ?disabled=${!context.topicsActive}>${tag.text}</ma-chip></button>`)}
        </span>`;
    case 'auto-reply':
    case 'closing':
      return html`<span class="text">${renderText(line.text)}</span>`;
    case 'taken-over':
      return msg(CHAT_TOOK_OVER, context.host, { name: line.employeeName ?? line.departmentName ?? entry.text });
  }
}

function renderEntryBody(entry: ChatEntry, own: boolean, context: RowContext): TemplateResult {
  if (entry.deletedAt !== null) return html`<span class="text deleted">${msg(CHAT_DELETED, context.host)}</span>`;
  return html`${entry.attachment ? renderAttachment(entry.attachment, context) : nothing}
    ${entry.deepLink ? renderSnippet(entry.deepLink, context.openSnippet) : nothing}
    ${entry.kind === 'bot' ? renderBotContent(entry, context) : entry.text ? html`<span class="text">${renderText(entry.text)}</span>` : nothing}
    <span class="meta">${entry.editedAt !== null ? html`<span class="edited">${msg(CHAT_EDITED, context.host)}</span>` : nothing}
      <time datetime=${new Date(entry.sentAt).toISOString()}>${formatTime(entry.sentAt, context.locale)}</time>${own ? ticks(entry, context) : nothing}</span>`;
}

function renderPendingBody(item: PendingEntry, context: RowContext): TemplateResult {
  const preview = item.previewUrl ? safeImageUrl(item.previewUrl) : null;
  const failed = item.state === 'failed';
  return html`${preview ? html`<img class="preview" src=${preview} alt=${item.attachment?.fileName ?? ''} />` : nothing}
    ${item.attachment && !preview ? html`<span class="file">${renderIcon(iconDocument, 'file-icon', 'file-icon')}<span class="file-text"><span class="file-name">${item.attachment.fileName}</span>
      <span class="file-size">${formatSize(item.attachment.sizeBytes, context.host, context.locale)}</span></span></span>` : nothing}
    ${item.text ? html`<span class="text">${renderText(item.text)}</span>` : nothing}
    ${item.state === 'uploading'
      ? html`<ma-progress class="upload" value=${Math.round((item.progress ?? 0) * 100)} label=${msg(CHAT_UPLOADING, context.host)}></ma-progress>`
      : nothing}
    <span class="meta">${failed
      ? html`<span class="failed" role="img" aria-label=${msg(CHAT_FAILED, context.host)}>${renderIcon(iconError, 'failed-icon', 'tick-icon')}</span>`
      : html`<span class="ticks sending" role="img" data-ticks="0" aria-label=${msg(CHAT_SENDING, context.host)}>${renderIcon(iconClock, 'ticks-icon', 'tick-icon')}</span>`}</span>`;
}

function renderPendingControls(item: PendingEntry, context: RowContext): TemplateResult {
  return html`<div class="pending-controls">
    ${item.state === 'failed' ? html`<span class="error" role="alert">${item.error ?? msg(CHAT_FAILED, context.host)}</span>
      <button type="button" class="retry" @click=${() => context.retry(item.clientMessageId)}>${msg(CHAT_RETRY, context.host)}</button>` : nothing}
    <button type="button" class="cancel" @click=${() => context.cancel(item.clientMessageId)}>${msg(CANCEL, context.host)}</button>
  </div>`;
}

export function renderRow(row: ChatRow, index: number, context: RowContext): TemplateResult {
  const entry = row.entry;
  const service = entry?.kind === 'bot' && entry.bot?.kind === 'taken-over';
  const author = entry ? entry.author.name : msg(CHAT_YOU, context.host);
  const showAuthor = !row.own && row.groupStart && !service;
  return html`<div class="row ${row.own ? 'own' : 'other'}${showAuthor ? ' named' : ''}" role="article" tabindex="-1" data-key=${row.key} data-index=${index}>
    ${row.day !== null ? html`<div class="day" role="separator"><span>${formatDay(row.day, context.host, context.locale)}</span></div>` : nothing}
    ${row.unreadMarker ? html`<div class="unread" role="separator"><span>${msg(CHAT_UNREAD, context.host)}</span></div>` : nothing}
    ${service
      ? html`<div class="service">${renderBotContent(entry, context)}</div>`
      : html`<div class="message ${row.groupStart ? 'group-start' : ''}">
          ${row.own ? nothing : showAuthor ? html`<ma-avatar class="avatar" size="32" initials=${initialsOf(author)}></ma-avatar>` : html`<span class="avatar-gap"></span>`}
          <div class="bubble ${row.pending?.state === 'failed' ? 'failed' : ''}" part="bubble">
            ${showAuthor ? html`<span class="author">${author}</span>` : html`<span class="visually-hidden">${author}</span>`}
            ${entry ? renderEntryBody(entry, row.own, context) : renderPendingBody(row.pending!, context)}
          </div>
        </div>
        ${row.pending ? renderPendingControls(row.pending, context) : nothing}`}
  </div>`;
}
