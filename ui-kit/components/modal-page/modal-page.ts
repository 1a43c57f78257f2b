import { customElement } from 'lit/decorators.js';
import { modalStyles } from '../../base/modal.ts';
import { MaBottomSheet } from '../bottom-sheet/bottom-sheet.ts';
import { bottomSheetStyles } from '../bottom-sheet/bottom-sheet.styles.ts';
import { modalPageStyles } from './modal-page.styles.ts';

/**
 * A modal page: a bottom sheet that takes (nearly) the full height, for a form or a long read
 * over the current screen. Same properties, slots and events as `<ma-bottom-sheet>`.
 */
@customElement('ma-modal-page')
export class MaModalPage extends MaBottomSheet {
  static override styles = [modalStyles, bottomSheetStyles, modalPageStyles];
}

declare global {
  interface HTMLElementTagNameMap {
    'ma-modal-page': MaModalPage;
  }
}
