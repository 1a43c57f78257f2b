import { html } from 'lit';
import { MINIAPPS_ORIGIN } from '../apps/catalog.ts';
import { shellCatalog, staffGate } from '../partner/page.ts';

/**
 * Where submissions run: the demo command serves a review origin on the host's own site (a browser
 * that blocks third-party storage refuses the sandbox's service worker in a cross-site frame);
 * without one, the mini-apps' origin.
 */
const REVIEW_ORIGIN: string = (import.meta as { env?: Record<string, string> }).env?.VITE_REVIEW_ORIGIN ?? MINIAPPS_ORIGIN;
import type { ShellPage } from '../shell/routes.ts';
import { moderatorTexts } from './texts.ts';

export const moderatorPage: ShellPage = {
  id: 'moderator',
  path: '/moderator',
  role: 'moderator',
  layout: 'wide',
  title: (ctx) => moderatorTexts(ctx.locale)('title'),
  parent: () => '#/settings',
  load: () => import('./moderator-page.ts'),
  render: (ctx) => staffGate(ctx, () => html`<demo-moderator-page .catalog=${shellCatalog()} apps-origin=${REVIEW_ORIGIN} .locale=${ctx.locale}></demo-moderator-page>`),
};
