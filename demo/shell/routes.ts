/**
 * The shell's pages: one entry each, matched against the hash's path in order. A staff page
 * (the partner cabinet, the moderator page, the operator console) is mounted by adding an entry
 * with its role; the role switcher in Settings then offers that role.
 */
import type { TemplateResult } from 'lit';
import type { MeResponse } from '../../src/backend/contract.ts';
import type { ReceivedPush } from '../../src/host/push-center.ts';
import type { WidgetScreen } from '../../src/catalog/widgets.ts';
import type { DemoApp } from '../apps/catalog.ts';
import { matchPath, readLocation } from './navigation.ts';
import type { ShellLocale, ShellPreferences } from './preferences.ts';
import type { Translate } from './texts.ts';
import { accountPages } from './pages/account.ts';
import { hostScreenPages } from './pages/host-screens.ts';
import { tabPages } from './pages/tabs.ts';
import { partnerPage } from '../partner/page.ts';
import { moderatorPage } from '../moderator/page.ts';
import { operatorPage } from '../operator/page.ts';

export const SHELL_ROLES = ['resident', 'partner', 'moderator', 'operator'] as const;
export type ShellRole = (typeof SHELL_ROLES)[number];

/** What a page may read and do; the shell element provides it. */
export interface ShellServices {
  readonly me: MeResponse | undefined;
  /** The apps the shell can open (the widgets' apps among them). */
  readonly apps: readonly DemoApp[];
  readonly pushes: readonly ReceivedPush[];
  readonly preferences: ShellPreferences;
  /** The roles that have at least one page, in `SHELL_ROLES` order. */
  readonly roles: readonly ShellRole[];
  /** Opens a hash as a new entry of the shell's history. */
  go(hash: string): void;
  /** Opens an app; `opener` names the row that did, so focus returns to it afterwards. */
  openApp(app: DemoApp, options?: { route?: string; anchor?: string; opener?: string }): void;
  openPush(push: ReceivedPush): void;
  clearPushes(): void;
  signOut(): void;
  showLog(): void;
  /** A short message in the snackbar. */
  notify(text: string): void;
  /** The mini-app screen with its launch gates (the shell keeps their state). */
  renderAppScreen(ctx: PageContext): TemplateResult;
  renderSignIn(ctx: PageContext): TemplateResult;
}

export interface PageContext {
  t: Translate;
  locale: ShellLocale;
  /** The path's named segments. */
  params: Readonly<Record<string, string>>;
  query: URLSearchParams;
  path: string;
  shell: ShellServices;
}

export interface ShellPage {
  id: string;
  /** `/screen/bill/:id`; a segment ending in `?` is optional. */
  path: string;
  role: ShellRole;
  /** The header's title (also the screen's name for assistive technology). */
  title(ctx: PageContext): string;
  /** The tab this page belongs to: the tab bar shows and marks it. No tab: no tab bar. */
  tab?: WidgetScreen;
  /**
   * Where Back goes when the shell has no earlier entry (a deep link opened in a new tab). A tab's
   * root has none: no Back button.
   */
  parent?(ctx: PageContext): string;
  /** `app`: the mini-app chrome (icon, name, close, ⋯) instead of the host's header. */
  chrome?: 'screen' | 'app';
  /**
   * `phone`: the phone-wide column (residents' pages); `wide`: the window's width, for staff pages
   * with tables and side-by-side panels. Unset: `phone` for residents, `wide` for staff roles.
   */
  layout?: PageLayout;
  /** Loads the page's code before its first render (staff pages stay out of the resident's bundle). */
  load?(): Promise<unknown>;
  render(ctx: PageContext): TemplateResult;
}

export type PageLayout = 'phone' | 'wide';

/** How wide the shell draws a page: its own `layout`, else by role (staff pages use the window). */
export function pageLayout(page: Pick<ShellPage, 'layout' | 'role'> | undefined): PageLayout {
  return page?.layout ?? (page && page.role !== 'resident' ? 'wide' : 'phone');
}

/** The tab bar's screens, in order. */
export const TABS: readonly { screen: WidgetScreen; label: 'tabMain' | 'tabHome' | 'tabShowcase' | 'tabServices' }[] = [
  { screen: 'main', label: 'tabMain' },
  { screen: 'home', label: 'tabHome' },
  { screen: 'showcase', label: 'tabShowcase' },
  { screen: 'services', label: 'tabServices' },
];

/** The resident's pages. */
export const SHELL_PAGES: ShellPage[] = [...tabPages, ...hostScreenPages, ...accountPages, partnerPage, moderatorPage, operatorPage];

/** The page for a hash and its parameters, or `undefined` when no page matches. */
export function findPage(hash: string, pages: readonly ShellPage[] = SHELL_PAGES): { page: ShellPage; params: Record<string, string>; query: URLSearchParams; path: string } | undefined {
  const { path, query } = readLocation(hash);
  for (const page of pages) {
    const params = matchPath(page.path, path);
    if (params) return { page, params, query, path };
  }
  return undefined;
}

/** The roles with pages, in their fixed order. */
export function rolesOf(pages: readonly ShellPage[] = SHELL_PAGES): ShellRole[] {
  return SHELL_ROLES.filter((role) => pages.some((page) => page.role === role));
}
