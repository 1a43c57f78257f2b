import { html } from 'lit';
import { createSessionHolder } from '../backend/session.ts';
import { staffGate } from '../partner/page.ts';
import type { ShellPage } from '../shell/routes.ts';
import type { OperatorLocation } from './operator-console.ts';
import { operatorTexts } from './texts.ts';

const session = createSessionHolder();
const apiOptions = { baseUrl: '/api', getSessionToken: () => session.get() };

/** `#/operator`, `#/operator/notifications`, `#/operator/chats/<chatId>` (where staff notifications link). */
export function operatorHash(location: OperatorLocation): string {
  if (location.chatId) return `#/operator/chats/${encodeURIComponent(location.chatId)}`;
  return location.section === 'notifications' ? '#/operator/notifications' : '#/operator';
}

export const operatorPage: ShellPage = {
  id: 'operator',
  path: '/operator/:section?/:chatId?',
  role: 'operator',
  title: (ctx) => operatorTexts(ctx.locale)('title'),
  parent: (ctx) => (ctx.params.chatId ? '#/operator' : '#/settings'),
  load: () => import('./operator-console.ts'),
  render: (ctx) =>
    staffGate(ctx, () => html`<demo-operator-console
      .apiOptions=${apiOptions}
      .locale=${ctx.locale}
      .section=${ctx.params.section === 'notifications' ? 'notifications' : 'chats'}
      .chatId=${ctx.params.section === 'chats' && ctx.params.chatId ? ctx.params.chatId : null}
      @demo-operator-navigate=${(event: CustomEvent<OperatorLocation>) => {
        const hash = operatorHash(event.detail);
        if (hash !== location.hash) ctx.shell.go(hash);
      }}
    ></demo-operator-console>`),
};
