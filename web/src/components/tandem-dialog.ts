import { css, html, LitElement } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { sharedStyles } from '../styles/shared-styles.js';

/**
 * A modal dialog on the native <dialog>: the browser keeps focus inside and makes the page
 * behind inert; Escape closes it. On close, focus goes back to the element that opened it, so
 * a keyboard user continues where they were. Content in the default slot, buttons in `actions`.
 *
 *   <tandem-dialog heading="Give feedback" @close=${…}>…<div slot="actions">…</div></tandem-dialog>
 *   this.dialog.show();
 */
@customElement('tandem-dialog')
export class TandemDialog extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      dialog {
        border: 1px solid var(--tandem-border);
        border-radius: var(--tandem-radius);
        padding: 1.25rem 1.5rem;
        width: min(36rem, calc(100vw - 2rem));
        box-sizing: border-box;
        color: var(--tandem-text);
        background: var(--tandem-surface);
      }
      dialog::backdrop {
        background: rgb(0 0 0 / 0.45);
      }
    `,
  ];

  @property() accessor heading = '';
  @query('dialog') private accessor dialog!: HTMLDialogElement;
  private opener: Element | null = null;

  /** Opens the dialog and moves focus to its first field or button. */
  async show(): Promise<void> {
    this.opener = deepActiveElement();
    await this.updateComplete;
    this.dialog.showModal();
  }

  close(): void {
    this.dialog.close();
  }

  private onClose(): void {
    // The opener may be gone by now (a "Mark as done" button that the action replaced): then
    // the heading of the page holding the dialog is the next sensible place.
    const target =
      this.opener instanceof HTMLElement && this.opener.isConnected
        ? this.opener
        : pageHeading(this);
    target?.focus();
    this.opener = null;
    this.dispatchEvent(new Event('close'));
  }

  override render() {
    return html`<dialog aria-labelledby="heading" @close=${this.onClose}>
      <h2 id="heading">${this.heading}</h2>
      <slot></slot>
      <div class="actions"><slot name="actions"></slot></div>
    </dialog>`;
  }
}

/** The <h1> of the page (shadow root) the dialog is in, made focusable. */
function pageHeading(dialog: Element): HTMLElement | null {
  let root = dialog.getRootNode();
  while (root instanceof ShadowRoot) {
    const heading = root.querySelector<HTMLElement>('h1');
    if (heading) {
      heading.tabIndex = -1;
      return heading;
    }
    root = root.host.getRootNode();
  }
  return null;
}

/** The focused element, looking through shadow roots. */
function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

declare global {
  interface HTMLElementTagNameMap {
    'tandem-dialog': TandemDialog;
  }
}
