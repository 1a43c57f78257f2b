/**
 * An app's chat settings (basic + bot), edited by the app's partner: with its partner key, or as
 * partner staff with 'mini-apps: edit' of the app's organisation. Checked by src/chat's
 * `validateChatSettings` against the directory, every error at once.
 */
import { ChatValidationError, validateChatSettings, type ChatSettings } from '../../chat/index.ts';
import type { BackendContext } from '../context.ts';
import { iso } from '../context.ts';
import { BackendError } from '../errors.ts';
import { InvalidValueError, UnknownReferenceError } from '../../chat/index.ts';
import { loadDirectory } from '../staff.ts';
import type { ChatSettingsBody } from './contract.ts';
import { chatBackendError } from './errors.ts';
import { ChatCollection, type ChatSettingsRecord } from './records.ts';
import type { Geography } from '../../chat/index.ts';
import { ChatErrorCode } from './errors.ts';

export interface ChatSettingsResponse {
  appId: string;
  settings: ChatSettings;
  geography: Geography | null;
  updatedAt: string;
}

const response = (record: ChatSettingsRecord): ChatSettingsResponse => ({ appId: record.appId, settings: record.settings, geography: record.geography, updatedAt: iso(record.updatedAt) });

export async function getChatSettings(ctx: BackendContext, appId: string): Promise<ChatSettingsResponse> {
  const record = await ctx.store.get<ChatSettingsRecord>(ChatCollection.SETTINGS, appId);
  if (!record) throw new BackendError(ChatErrorCode.CHAT_DISABLED, `The app "${appId}" has no chat settings yet`, undefined, 404);
  return response(record);
}

export async function putChatSettings(ctx: BackendContext, appId: string, body: ChatSettingsBody): Promise<ChatSettingsResponse> {
  const settings = body.settings as ChatSettings;
  const geography = (body.geography ?? null) as Geography | null;
  return ctx.store.transaction(async (tx) => {
    const directory = await loadDirectory(tx);
    const errors = validateChatSettings(settings, directory);
    if (geography) {
      for (const [branch, managers] of Object.entries(geography.branchManagers)) {
        managers.forEach((id, i) => {
          if (!directory.employees.some((e) => e.id === id)) errors.push(new UnknownReferenceError(`geography.branchManagers.${branch}[${i}]`, id));
        });
      }
    }
    const usesManagers = [settings.responsible, ...settings.bot.tags.flatMap((tag) => tag.rules)].some((target) => target.strategy === 'personal-manager');
    if (usesManagers && !geography) errors.push(new InvalidValueError('geography', 'the personal-manager strategy needs a geography'));
    if (errors.length > 0) throw chatBackendError(new ChatValidationError(errors));
    const record: ChatSettingsRecord = { appId, settings, geography, updatedAt: ctx.clock.now() };
    await tx.put(ChatCollection.SETTINGS, appId, record);
    return response(record);
  });
}
