import { msg } from '@lit/localize';
import { html, type TemplateResult } from 'lit';
import { ApiError } from '../data/api-client.js';

/**
 * A refusal of the server to a change of the question list or the plan, worded in the reader's
 * language: the server's own sentence is English and meant for developers, so the status code
 * decides what people read. `invalid` says what a 400 means where the form cannot be the cause.
 */
export function refusalText(error: unknown, invalid?: string): string {
  const status = error instanceof ApiError ? error.status : 0;
  switch (status) {
    case 400:
      return (
        invalid ??
        msg('Please check what you entered and try again.', {
          id: 'pairTools.error.invalid',
        })
      );
    case 403:
      return msg('Only the person who wrote this can change or delete it.', {
        id: 'pairTools.error.notYours',
      });
    case 404:
      return msg(
        'This is no longer there, perhaps your partner has just changed it. Please reload the page.',
        { id: 'pairTools.error.gone' },
      );
    case 409:
      return msg('This is not possible in your tandem.', { id: 'pairTools.error.conflict' });
    default:
      return msg('That did not work. Please try again.', { id: 'pairTools.error.general' });
  }
}

/** The refusal as an alert, where the person acted. */
export function refusalMessage(error: unknown, invalid?: string): TemplateResult {
  return html`<p role="alert" class="error-text">${refusalText(error, invalid)}</p>`;
}

/**
 * The accessible name of a button that acts on one item of a list: what it does, then which
 * item, so that a screen reader's list of buttons tells them apart. It starts with the visible
 * label, as WCAG 2.5.3 asks.
 */
export function actionName(action: string, item: string): string {
  return `${action}: ${item}`;
}
