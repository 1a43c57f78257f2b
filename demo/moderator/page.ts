import { html } from 'lit';
import { MINIAPPS_ORIGIN } from '../apps/catalog.ts';
import { shellCatalog, staffGate } from '../partner/page.ts';
import type { ShellPage } from '../shell/routes.ts';

export const moderatorPage: ShellPage = {
  id: 'moderator',
  path: '/moderator',
  role: 'moderator',
  title: () => 'Moderation',
  parent: () => '#/settings',
  load: () => import('./moderator-page.ts'),
  render: (ctx) => staffGate(ctx, () => html`<demo-moderator-page .catalog=${shellCatalog()} apps-origin=${MINIAPPS_ORIGIN}></demo-moderator-page>`),
};
