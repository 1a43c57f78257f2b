import { html, type TemplateResult } from 'lit';
import { createCatalogClient, type CatalogClient } from '../../src/backend/catalog-client.ts';
import { createSessionHolder } from '../backend/session.ts';
import type { PageContext, ShellPage } from '../shell/routes.ts';
import { createChatSettingsApi, type ChatSettingsApi } from './chat-settings-api.ts';
import { partnerTexts } from './texts.ts';

let catalog: CatalogClient | undefined;
let chatSettings: ChatSettingsApi | undefined;
const session = createSessionHolder();
const apiOptions = { baseUrl: '/api', getSessionToken: () => session.get() };

/** The catalog client of the shell's signed-in session (the same stored token the shell's client reads). */
export function shellCatalog(): CatalogClient {
  catalog ??= createCatalogClient(apiOptions);
  return catalog;
}

function shellChatSettings(): ChatSettingsApi {
  chatSettings ??= createChatSettingsApi(apiOptions);
  return chatSettings;
}

/** Staff pages need a signed-in staff member; the shell's sign-in serves staff too. */
export function staffGate(ctx: PageContext, page: () => TemplateResult): TemplateResult {
  const t = partnerTexts(ctx.locale);
  if (!ctx.shell.me) return html`<ma-placeholder heading=${t('staffOnly')}>${t('staffOnlyText')}<ma-button slot="action" @click=${() => ctx.shell.go('#/sign-in')}>${t('signIn')}</ma-button></ma-placeholder>`;
  return page();
}

export const partnerPage: ShellPage = {
  id: 'partner',
  path: '/partner',
  role: 'partner',
  layout: 'wide',
  title: (ctx) => partnerTexts(ctx.locale)('title'),
  parent: () => '#/settings',
  load: () => import('./partner-cabinet.ts'),
  render: (ctx) => staffGate(ctx, () => html`<demo-partner-cabinet .catalog=${shellCatalog()} .chatApi=${shellChatSettings()} .locale=${ctx.locale}></demo-partner-cabinet>`),
};
