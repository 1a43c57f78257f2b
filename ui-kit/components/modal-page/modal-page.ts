import { MaBottomSheet } from '../bottom-sheet/bottom-sheet.ts';
import { modalPageStyles } from './modal-page.styles.ts';

/**
 * A modal page: a bottom sheet that takes (nearly) the full height, for a form or a long read
 * over the current screen. Same properties, slots and events as `<ma-bottom-sheet>`.
 */
export class MaModalPage extends MaBottomSheet {
  static override styles = [...MaBottomSheet.styles, modalPageStyles];
}

customElements.define('ma-modal-page', MaModalPage);

declare global {
  interface HTMLElementTagNameMap {
    'ma-modal-page': MaModalPage;
  }
}
