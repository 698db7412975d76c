import { msg } from '@lit/localize';
import type { Task } from '@lit/task';
import { html, type TemplateResult } from 'lit';
import { ApiError } from '../data/api-client.js';

/**
 * The loading and error states every page shows alike: "Loading…" as a polite status, an error
 * as an alert with the server's sentence (never a stack trace), then `complete` with the value.
 */
export function taskView<T>(
  task: Task<readonly unknown[], T>,
  complete: (value: T) => unknown,
): unknown {
  return task.render({
    pending: () => html`<p role="status">${msg('Loading…', { id: 'task.loading' })}</p>`,
    error: (error) => errorMessage(error),
    complete,
  });
}

/** An error for people: the API's sentence, or a general one for anything else. */
export function errorText(error: unknown): string {
  return error instanceof ApiError
    ? error.message
    : msg('Something went wrong. Please try again.', { id: 'task.error' });
}

/** An error for people as an alert: see errorText. */
export function errorMessage(error: unknown): TemplateResult {
  return html`<p role="alert" class="error-text">${errorText(error)}</p>`;
}
