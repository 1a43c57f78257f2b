/**
 * A sample conversation in `<ma-chat>` (demo/kit/chat.html), the whole page high.
 * `?scheme=dark` and `?lang=ru` switch the scheme and the locale, for screenshots.
 */
import '../../ui-kit/components/chat/chat.ts';
import { installTokens, setColorScheme } from '../../ui-kit/tokens/index.ts';
import { sampleChat } from './chat-sample.ts';

const params = new URLSearchParams(location.search);
installTokens();
setColorScheme(params.get('scheme') === 'dark' ? 'dark' : 'light');
document.documentElement.lang = params.get('lang') === 'ru' ? 'ru' : 'en';

document.querySelector('ma-chat')!.controller = sampleChat();
