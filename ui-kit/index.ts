/**
 * The UI kit: design tokens, icons and every component. Importing this module defines all `ma-*`
 * elements; import a component's own module (`ui-kit/components/button/button.ts`) to load less.
 */
export * from './tokens/index.ts';
export * from './icons/icons.ts';
export { renderIcon } from './icons/render.ts';
export { msg, setKitLocale, localeOf } from './base/i18n.ts';
export type { KitLocale, Message } from './base/i18n.ts';
export * as messages from './base/messages.ts';

export { MaIcon } from './components/icon/icon.ts';
export { MaButton } from './components/button/button.ts';
export type { ButtonMode } from './components/button/button.ts';
export { MaIconButton } from './components/icon-button/icon-button.ts';
export { MaLink } from './components/link/link.ts';
export { MaTitle, MaHeadline, MaText, MaSubhead, MaCaption, MaFootnote, TypographyElement } from './components/typography/typography.ts';
export type { FontWeight, TextTone } from './components/typography/typography.ts';
export { MaCell } from './components/cell/cell.ts';
export { MaGroup } from './components/group/group.ts';
export { MaCard } from './components/card/card.ts';
export { MaAvatar, initialsOf } from './components/avatar/avatar.ts';
export { MaBadge } from './components/badge/badge.ts';
export type { StatusMode } from './components/badge/badge.ts';
export { MaCounter, formatCount } from './components/counter/counter.ts';
export { MaChip } from './components/chip/chip.ts';
export { MaSpinner } from './components/spinner/spinner.ts';
export { MaSkeleton } from './components/skeleton/skeleton.ts';
export { MaProgress } from './components/progress/progress.ts';
export { MaPlaceholder } from './components/placeholder/placeholder.ts';
export { MaBanner } from './components/banner/banner.ts';
export { MaImage, toAspectRatio } from './components/image/image.ts';
export { MaTabs } from './components/tabs/tabs.ts';
export type { TabChangeDetail } from './components/tabs/tabs.ts';
export { MaTab } from './components/tabs/tab.ts';
export { MaTabPanel } from './components/tabs/tab-panel.ts';
export { MaTabBar } from './components/tab-bar/tab-bar.ts';
export type { TabBarChangeDetail } from './components/tab-bar/tab-bar.ts';
export { MaTabBarItem } from './components/tab-bar/tab-bar-item.ts';
export { MaHeader } from './components/header/header.ts';
export { MaChat } from './components/chat/chat.ts';
export type { ChatOpenSnippetDetail } from './components/chat/chat.ts';
export { MaChatComposer } from './components/chat/chat-composer.ts';
export type { ChatComposeDetail } from './components/chat/chat-composer.ts';

export * from './forms.ts';
export * from './overlays.ts';
