import { html, nothing } from 'lit';
import type { Segment } from '../../../ui-kit/components/segmented-control/segmented-control.ts';
import { screenLink } from '../navigation.ts';
import type { ShellLocale, ThemeChoice } from '../preferences.ts';
import type { PageContext, ShellPage, ShellRole } from '../routes.ts';
import { formatDate, type ShellTextKey } from '../texts.ts';
import '../demo-reset.ts';

/** What the role switcher calls each role and the page it opens. */
const ROLE_TEXTS: Readonly<Record<ShellRole, { name: ShellTextKey; hint: ShellTextKey }>> = {
  resident: { name: 'roleResident', hint: 'roleResidentHint' },
  partner: { name: 'rolePartner', hint: 'rolePartnerHint' },
  moderator: { name: 'roleModerator', hint: 'roleModeratorHint' },
  operator: { name: 'roleOperator', hint: 'roleOperatorHint' },
};

const valueOf = (event: Event) => (event.target as HTMLElement & { value: string }).value;

const notifications: ShellPage = {
  id: 'notifications',
  path: '/notifications',
  role: 'resident',
  title: (ctx) => ctx.t('notifications'),
  parent: () => screenLink('main'),
  render: (ctx) => {
    const pushes = ctx.shell.pushes;
    if (pushes.length === 0) return html`<ma-placeholder heading=${ctx.t('notifications')}>${ctx.t('noNotifications')}</ma-placeholder>`;
    const appName = (appId: string) => ctx.shell.apps.find((app) => app.id === appId)?.name ?? appId;
    return html`<ma-group header=${ctx.t('notifications')}>
        ${pushes.map(
          (push) => html`<ma-cell clickable chevron multiline data-push=${push.id} subtitle=${`${appName(push.appId)} · ${formatDate(ctx.locale, push.receivedAt, true)} · ${push.body}`} @click=${() => ctx.shell.openPush(push)}>
            ${push.read ? nothing : html`<ma-badge slot="before" mode="accent" dot label=${ctx.t('unread')}></ma-badge>`}${push.title}
          </ma-cell>`,
        )}
      </ma-group>
      <div class="actions"><ma-button mode="secondary" stretched @click=${() => ctx.shell.clearPushes()}>${ctx.t('clearNotifications')}</ma-button></div>`;
  },
};

function settingsBody(ctx: PageContext) {
  const { preferences, me, roles } = ctx.shell;
  const languages: Segment[] = [
    { value: 'ru', label: 'Русский' },
    { value: 'en', label: 'English' },
  ];
  const themes: Segment[] = [
    { value: 'system', label: ctx.t('themeSystem') },
    { value: 'light', label: ctx.t('themeLight') },
    { value: 'dark', label: ctx.t('themeDark') },
  ];
  return html`<ma-group header=${ctx.t('profile')}>
      ${me
        ? html`<ma-cell avatar-name=${me.user.name} subtitle=${me.user.phone}>${me.user.name}</ma-cell>
            <div class="actions"><ma-button mode="secondary" data-action="sign-out" @click=${() => ctx.shell.signOut()}>${ctx.t('signOut')}</ma-button></div>`
        : html`<ma-cell multiline>${ctx.t('notSignedIn')}</ma-cell>
            <div class="actions"><ma-button data-action="sign-in" @click=${() => ctx.shell.go('#/sign-in')}>${ctx.t('signIn')}</ma-button></div>`}
    </ma-group>
    <ma-group header=${ctx.t('language')}>
      <div class="control"><ma-segmented-control data-setting="language" label=${ctx.t('language')} .segments=${languages} .value=${preferences.locale}
        @input=${(event: Event) => preferences.setLocale(valueOf(event) as ShellLocale)}></ma-segmented-control></div>
    </ma-group>
    <ma-group header=${ctx.t('theme')}>
      <div class="control"><ma-segmented-control data-setting="theme" label=${ctx.t('theme')} .segments=${themes} .value=${preferences.theme}
        @input=${(event: Event) => preferences.setTheme(valueOf(event) as ThemeChoice)}></ma-segmented-control></div>
    </ma-group>
    ${roles.length > 1
      ? html`<ma-group header=${ctx.t('role')}>
          ${roles.map((role) => html`<ma-cell href=${`#/${role === 'resident' ? '' : role}`} chevron subtitle=${ctx.t(ROLE_TEXTS[role].hint)}>${ctx.t(ROLE_TEXTS[role].name)}</ma-cell>`)}
        </ma-group>`
      : nothing}
    <ma-group header=${ctx.t('bridgeLog')}>
      <ma-cell clickable chevron data-action="show-log" @click=${() => ctx.shell.showLog()}>${ctx.t('showLog')}</ma-cell>
      <ma-cell href="/demo/kit.html" chevron>${ctx.t('kitGallery')}</ma-cell>
    </ma-group>
    <demo-reset locale=${ctx.locale}></demo-reset>`;
}

const settings: ShellPage = {
  id: 'settings',
  path: '/settings',
  role: 'resident',
  title: (ctx) => ctx.t('settings'),
  parent: () => screenLink('main'),
  render: settingsBody,
};

const signIn: ShellPage = {
  id: 'sign-in',
  path: '/sign-in',
  role: 'resident',
  title: (ctx) => ctx.t('signIn'),
  parent: () => screenLink('main'),
  render: (ctx) => ctx.shell.renderSignIn(ctx),
};

const app: ShellPage = {
  id: 'app',
  path: '/app/:appId',
  role: 'resident',
  chrome: 'app',
  title: (ctx) => ctx.shell.apps.find((candidate) => candidate.id === ctx.params.appId)?.name ?? ctx.params.appId ?? '',
  parent: () => screenLink('main'),
  render: (ctx) => ctx.shell.renderAppScreen(ctx),
};

export const accountPages: ShellPage[] = [notifications, settings, signIn, app];
