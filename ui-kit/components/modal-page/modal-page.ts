import { customElement } from 'lit/decorators.js';
import { MaBottomSheet } from '../bottom-sheet/bottom-sheet.ts';
import { modalPageStyles } from './modal-page.styles.ts';

/**
 * A modal page: a bottom sheet that takes (nearly) the full height, for a form or a long read
 * over the current screen. Same properties, slots and events as `<ma-bottom-sheet>`.
 */
@customElement('ma-modal-page')
export class MaModalPage extends MaBottomSheet {
  static override styles = [...MaBottomSheet.styles, modalPageStyles];
}

declare global {
  interface HTMLElementTagNameMap {
    'ma-modal-page': MaModalPage;
  }
}
