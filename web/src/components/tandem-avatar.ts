import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';

/**
 * A person's initials in a circle. Decorative: the name always stands next to it, so it is
 * hidden from assistive technology. White on the primary blue has a contrast above 7:1.
 */
@customElement('tandem-avatar')
export class TandemAvatar extends LitElement {
  static override styles = css`
    :host {
      display: inline-flex;
      flex: none;
    }
    span {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      width: 3rem;
      height: 3rem;
      border-radius: 50%;
      background: var(--tandem-primary);
      color: var(--tandem-on-primary);
      font-weight: 700;
      font-size: 1.1rem;
      letter-spacing: 0.03em;
      user-select: none;
    }
  `;

  @property() accessor name = '';

  override connectedCallback(): void {
    super.connectedCallback();
    this.setAttribute('aria-hidden', 'true');
  }

  override render() {
    return html`<span>${initials(this.name)}</span>`;
  }
}

/** "Dr. Anna-Lena Müller" → "AM": first and last word, titles with a dot left out. */
export function initials(name: string): string {
  const words = name
    .split(/\s+/)
    .filter((word) => word && !word.endsWith('.'))
    .map((word) => word.replace(/^[^\p{L}]+/u, ''))
    .filter(Boolean);
  if (words.length === 0) return '?';
  const first = words[0]?.[0] ?? '';
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}

declare global {
  interface HTMLElementTagNameMap {
    'tandem-avatar': TandemAvatar;
  }
}
