import { html, type TemplateResult } from 'lit';
import { createCatalogClient, type CatalogClient } from '../../src/backend/catalog-client.ts';
import { createSessionHolder } from '../backend/session.ts';
import type { PageContext, ShellPage } from '../shell/routes.ts';

let catalog: CatalogClient | undefined;

/** The catalog client of the shell's signed-in session (the same stored token the shell's client reads). */
export function shellCatalog(): CatalogClient {
  const session = createSessionHolder();
  catalog ??= createCatalogClient({ baseUrl: '/api', getSessionToken: () => session.get() });
  return catalog;
}

/** Staff pages need a signed-in staff member; the shell's sign-in serves staff too. */
export function staffGate(ctx: PageContext, page: () => TemplateResult): TemplateResult {
  if (!ctx.shell.me) return html`<ma-placeholder heading="Staff only">Sign in with a staff phone.<ma-button slot="action" @click=${() => ctx.shell.go('#/sign-in')}>Sign in</ma-button></ma-placeholder>`;
  return page();
}

export const partnerPage: ShellPage = {
  id: 'partner',
  path: '/partner',
  role: 'partner',
  title: () => 'Partner cabinet',
  parent: () => '#/settings',
  load: () => import('./partner-cabinet.ts'),
  render: (ctx) => staffGate(ctx, () => html`<demo-partner-cabinet .catalog=${shellCatalog()}></demo-partner-cabinet>`),
};
