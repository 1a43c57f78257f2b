/**
 * The app's chat settings route (`GET`/`PUT /partner/apps/:appId/chat/settings`, docs/backend.md,
 * "Chat") as the partner cabinet calls it, with the signed-in staff member's session.
 */
import { createApiCall, type BackendClientOptions } from '../../src/backend/client.ts';
import type { ChatSettingsResponse } from '../../src/backend/chat/settings.ts';
import type { ChatSettings, Geography } from '../../src/chat/index.ts';

export interface ChatSettingsApi {
  /** The stored settings; `CHAT_DISABLED` (404) while the app has none. */
  get(appId: string): Promise<ChatSettingsResponse>;
  /** Replaces the settings; refused as a whole (`details.errors` by field) when any rule fails. */
  put(appId: string, settings: ChatSettings, geography: Geography | null): Promise<ChatSettingsResponse>;
}

export function createChatSettingsApi(options: BackendClientOptions): ChatSettingsApi {
  const call = createApiCall(options);
  const path = (appId: string) => `/partner/apps/${encodeURIComponent(appId)}/chat/settings`;
  const session = { session: true } as const;
  return {
    get: (appId) => call<ChatSettingsResponse>('GET', path(appId), session),
    put: (appId, settings, geography) => call<ChatSettingsResponse>('PUT', path(appId), session, { settings, geography }),
  };
}
