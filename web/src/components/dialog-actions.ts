import { html, nothing } from 'lit';

export interface DialogFormActions {
  /** The id of the <form> in the dialog that the first button submits. */
  form: string;
  submit: string;
  cancel: string;
  /** While a request runs the submit button stays focusable but says it is unavailable. */
  busy: boolean;
  /** Usually closes the dialog; given as a function because the dialog is looked up late. */
  onCancel: () => void;
  /** For a step that cannot be undone. */
  danger?: boolean;
}

/**
 * The buttons of a <tandem-dialog> that holds a form: submit (first, as the main choice) and
 * a secondary one that backs out. Goes into the dialog's `actions` slot.
 */
export function dialogFormActions(actions: DialogFormActions) {
  return html`<div slot="actions">
    <button
      type="submit"
      form=${actions.form}
      class=${actions.danger ? 'danger' : nothing}
      aria-disabled=${actions.busy ? 'true' : 'false'}
    >
      ${actions.submit}
    </button>
    <button type="button" class="secondary" @click=${actions.onCancel}>${actions.cancel}</button>
  </div>`;
}
