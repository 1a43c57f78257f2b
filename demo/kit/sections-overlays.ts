import { html } from 'lit';
import type { TemplateResult } from 'lit';
import '../../ui-kit/overlays.ts';
import '../../ui-kit/forms.ts';
import '../../ui-kit/components/button/button.ts';
import { toast } from '../../ui-kit/components/snackbar/snackbar.ts';
import type { ModalElement } from '../../ui-kit/base/modal.ts';
import type { SheetAction } from '../../ui-kit/components/action-sheet/action-sheet.ts';
import type { AlertAction } from '../../ui-kit/components/alert/alert.ts';

/** The overlay placed right after the button that was clicked. */
const overlayAfter = (event: Event) => (event.currentTarget as HTMLElement).nextElementSibling as ModalElement;

const row = (content: TemplateResult) =>
  html`<div style="display: flex; flex-wrap: wrap; gap: var(--ma-space-s); align-items: center">${content}</div>`;

const messageActions: SheetAction[] = [
  { value: 'copy', label: 'Copy' },
  { value: 'edit', label: 'Edit' },
  { value: 'forward', label: 'Forward', disabled: true },
  { value: 'delete', label: 'Delete', destructive: true },
];

const deleteActions: AlertAction[] = [
  { value: 'keep', label: 'Keep', mode: 'cancel' },
  { value: 'delete', label: 'Delete', mode: 'destructive' },
];

export const sections: Array<{ id: string; title: string; content: () => TemplateResult }> = [
  {
    id: 'bottom-sheet',
    title: 'Bottom sheet',
    content: () =>
      row(html`
        <ma-button @click=${(e: Event) => void overlayAfter(e).show()}>Open filters</ma-button>
        <ma-bottom-sheet heading="Filters" swipe @ma-close=${(e: CustomEvent) => toast(`Closed: ${e.detail.reason}`)}>
          <ma-radio-group label="Sort by" value="date">
            <ma-radio value="date">Last update</ma-radio>
            <ma-radio value="name">Name</ma-radio>
          </ma-radio-group>
          <ma-switch label="Only unread"></ma-switch>
          <ma-button slot="footer" stretched @click=${(e: Event) => ((e.currentTarget as HTMLElement).parentElement as ModalElement).close('action', 'apply')}>
            Apply
          </ma-button>
        </ma-bottom-sheet>
        <ma-button mode="secondary" @click=${(e: Event) => void overlayAfter(e).show()}>Persistent sheet</ma-button>
        <ma-bottom-sheet heading="Terms of the offer" persistent>
          <p>The scrim does not close this sheet: use the close button or Escape.</p>
        </ma-bottom-sheet>
      `),
  },
  {
    id: 'modal-page',
    title: 'Modal page',
    content: () =>
      row(html`
        <ma-button @click=${(e: Event) => void overlayAfter(e).show()}>Edit profile</ma-button>
        <ma-modal-page heading="Profile">
          <div style="display: grid; gap: var(--ma-space-l)">
            <ma-input label="Name" value="Anna Petrova"></ma-input>
            <ma-input label="Phone" type="tel" value="+7 900 123-45-67"></ma-input>
            <ma-select label="Premises" value="12" .options=${[{ value: '12', label: 'Flat 12, Lenina 5' }, { value: '40', label: 'Office 40, Mira 1' }]}></ma-select>
          </div>
          <ma-button slot="footer" stretched @click=${(e: Event) => ((e.currentTarget as HTMLElement).parentElement as ModalElement).close('action', 'save')}>
            Save
          </ma-button>
        </ma-modal-page>
      `),
  },
  {
    id: 'action-sheet',
    title: 'Action sheet',
    content: () =>
      row(html`
        <ma-button mode="secondary" @click=${async (e: Event) => toast(`Chose: ${(await overlayAfter(e).show()) ?? 'nothing'}`)}>
          Message actions
        </ma-button>
        <ma-action-sheet heading="Message" text="Sent today at 10:42" .actions=${messageActions}></ma-action-sheet>
      `),
  },
  {
    id: 'alert',
    title: 'Alert',
    content: () =>
      row(html`
        <ma-button mode="destructive" @click=${async (e: Event) => toast(`Answer: ${(await overlayAfter(e).show()) ?? 'dismissed'}`)}>
          Delete message
        </ma-button>
        <ma-alert heading="Delete the message?" text="It will be deleted for you and the operator." .actions=${deleteActions}></ma-alert>
        <ma-button mode="outline" @click=${(e: Event) => void overlayAfter(e).show()}>Info alert</ma-button>
        <ma-alert heading="Payment received" text="The order is marked as paid."></ma-alert>
      `),
  },
  {
    id: 'snackbar',
    title: 'Snackbar',
    content: () => html`
      ${row(html`
        <ma-button mode="secondary" @click=${() => toast('Saved')}>Show a toast</ma-button>
        <ma-button
          mode="secondary"
          @click=${() => toast('Message deleted', { actionLabel: 'Undo', onAction: () => toast('Restored') })}
        >
          Toast with an action
        </ma-button>
      `)}
      <div style="display: grid; gap: var(--ma-space-s); margin-block-start: var(--ma-space-l); max-width: 480px">
        <ma-snackbar open duration="0" text="Link copied" style="position: static; padding: 0"></ma-snackbar>
        <ma-snackbar open duration="0" dismissible action-label="Undo" text="Chat archived" style="position: static; padding: 0"></ma-snackbar>
      </div>
    `,
  },
];
