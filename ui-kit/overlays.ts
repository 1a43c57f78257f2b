/** The kit's overlays: modal sheets and dialogs on native `<dialog>`, and the snackbar. */
export { MaBottomSheet } from './components/bottom-sheet/bottom-sheet.ts';
export { MaModalPage } from './components/modal-page/modal-page.ts';
export { MaActionSheet } from './components/action-sheet/action-sheet.ts';
export type { SheetAction } from './components/action-sheet/action-sheet.ts';
export { MaAlert } from './components/alert/alert.ts';
export type { AlertAction } from './components/alert/alert.ts';
export { MaSnackbar, toast } from './components/snackbar/snackbar.ts';
export type { ToastOptions } from './components/snackbar/snackbar.ts';
export type { CloseEventDetail, CloseReason } from './base/modal.ts';
