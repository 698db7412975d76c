import { css } from 'lit';

/**
 * Text only screen readers read. On its own for components that need nothing else shared
 * (the inbox badge in the navigation); sharedStyles includes it.
 */
export const visuallyHidden = css`
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0, 0, 0, 0);
    white-space: nowrap;
    border: 0;
  }
`;

/**
 * Rules every page and component shares: headings, buttons, form fields, tables, focus ring,
 * and a class for text only screen readers read. Shadow DOM does not inherit them, so each
 * component adds `sharedStyles` to its own `styles`.
 */
export const sharedStyles = css`
  :host {
    display: block;
  }
  h1,
  h2,
  h3 {
    line-height: 1.25;
    margin: 0 0 0.75rem;
  }
  h1 {
    font-size: 1.75rem;
  }
  h2 {
    font-size: 1.3rem;
  }
  h3 {
    font-size: 1.1rem;
  }
  h1:focus {
    outline: none;
  }
  a {
    color: var(--tandem-primary);
  }
  a:hover {
    color: var(--tandem-primary-dark);
  }
  :focus-visible {
    outline: 3px solid var(--tandem-focus);
    outline-offset: 2px;
  }
  button,
  .button {
    box-sizing: border-box;
    font: inherit;
    display: inline-flex;
    align-items: center;
    gap: 0.4rem;
    min-height: 2.75rem;
    padding: 0.5rem 1.1rem;
    border-radius: var(--tandem-radius);
    border: 2px solid var(--tandem-primary);
    background: var(--tandem-primary);
    color: var(--tandem-on-primary);
    cursor: pointer;
    text-decoration: none;
  }
  button:hover,
  .button:hover {
    background: var(--tandem-primary-dark);
    border-color: var(--tandem-primary-dark);
    color: var(--tandem-on-primary);
  }
  button.secondary,
  .button.secondary {
    background: var(--tandem-surface);
    color: var(--tandem-primary);
  }
  button.secondary:hover,
  .button.secondary:hover {
    background: #e8f0fa;
    color: var(--tandem-primary-dark);
  }
  button.danger {
    background: var(--tandem-danger);
    border-color: var(--tandem-danger);
  }
  button[disabled] {
    opacity: 0.6;
    cursor: not-allowed;
  }
  label {
    display: block;
    font-weight: 600;
    margin-bottom: 0.25rem;
  }
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
    box-sizing: border-box;
    max-width: 100%;
    min-height: 2.75rem;
    padding: 0.4rem 0.6rem;
    border: 1px solid var(--tandem-muted);
    border-radius: var(--tandem-radius);
    background: var(--tandem-surface);
  }
  input[type='checkbox'],
  input[type='radio'] {
    min-height: auto;
    width: 1.2rem;
    height: 1.2rem;
  }
  fieldset {
    border: 1px solid var(--tandem-border);
    border-radius: var(--tandem-radius);
    margin: 0 0 1rem;
    padding: 0.75rem 1rem 1rem;
  }
  legend {
    font-weight: 600;
    padding: 0 0.25rem;
  }
  .field {
    margin-bottom: 1rem;
  }
  .hint {
    color: var(--tandem-muted);
    font-size: 0.95rem;
    margin: 0.25rem 0 0;
  }
  .error-text {
    color: var(--tandem-danger);
    font-weight: 600;
  }
  .card {
    background: var(--tandem-surface);
    border: 1px solid var(--tandem-border);
    border-radius: var(--tandem-radius);
    padding: 1rem 1.25rem;
    margin-bottom: 1rem;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-top: 1rem;
  }
  table {
    border-collapse: collapse;
    width: 100%;
    background: var(--tandem-surface);
  }
  th,
  td {
    text-align: left;
    padding: 0.5rem 0.6rem;
    border-bottom: 1px solid var(--tandem-border);
    vertical-align: top;
  }
  .table-scroll {
    overflow-x: auto;
  }
  .muted {
    color: var(--tandem-muted);
  }
  button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: not-allowed;
  }
  /*
   * A row of checkboxes or radio buttons that wraps on narrow screens: each option either a
   * .choice (the input, then its <label for>) or a <label> around its input.
   */
  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1.5rem;
  }
  .choices .choice {
    display: flex;
    align-items: center;
    gap: 0.5rem;
  }
  .choices .choice input {
    flex: none;
  }
  .choices .choice label {
    font-weight: normal;
    margin: 0;
  }
  .choices > label {
    display: inline-flex;
    align-items: center;
    gap: 0.4rem;
    font-weight: 400;
    margin: 0;
    min-height: 2.75rem;
  }
  ${visuallyHidden}
`;
